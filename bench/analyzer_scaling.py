"""How the analyzer's time grows with the length of one document.

A long review or a pasted chat log can hold thousands of findings; every step
of the analyzer must stay close to linear in the text and in its findings.
Prints the time for a document of n characters and the ratio per doubling
(2.0 is linear, 4.0 quadratic), measured in the same run.

    .venv/bin/python bench/analyzer_scaling.py [--sizes 90000,180000,360000,720000]
"""

from __future__ import annotations

import argparse
import time

from unblame.language import analyze

# Self-written prose with a finding in every sentence: the worst case for the
# steps that compare findings with each other.
PARAGRAPH = (
    "The engineer should have checked the config. Dana accidentally deleted the table. "
    "We need to be more careful. It was human error.\n\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="90000,180000,360000,720000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    analyze(PARAGRAPH)  # compile the rules first
    previous = None
    for size in sizes:
        text = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]
        start = time.process_time()
        findings = analyze(text)
        took = time.process_time() - start
        ratio = f"{took / previous:5.2f}x" if previous else "     "
        print(f"{size:>9,} chars {len(findings):>7,} findings {took:7.2f} s  {ratio}")
        previous = took


if __name__ == "__main__":
    main()
