"""Whether every parser of outside input stays linear on adversarial input.

    .venv/bin/python bench/parse_speed.py [--size 50000] [--runs 3]

For each parser, times the median of --runs parses of an adversarial input
of N units and of 2N units (N = --size / 4 and --size), in the same run,
and prints the seconds and the ratio of the two. A linear parser gives a
ratio near 4 for four times the input; a quadratic one gives 16. The
baseline is the same parser on the smaller input, so the ratio holds on
any machine, however busy.

Inputs: Markdown reviews read at their headings (list lines, quotes
holding lists, one line of `[`; N/20 lines or 10N characters, within the
limits), Markdown split at section markers, a chat transcript of N lines, a
Slack export of N messages, and an alert body with N labels.

A second table times Markdown at its limits: the worst files allowed (as
many hostile lines or characters as are read) and files far past them (50,000
headings, 50,000 marked sections, a 20 MB line, 1 MB of front matter), which
must be refused before they are parsed. Its baseline is the parse of a real
review from samples/ in the same run.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from unblame.integrations.alerts import parse_generic
from unblame.integrations.chat import parse_transcript
from unblame.integrations.slack import parse_slack_export
from unblame.reviews.mdio import parse_markdown
from unblame.reviews.mdio.frontmatter import MAX_FRONT_MATTER_CHARS
from unblame.reviews.mdio.parse import MAX_HEADED_CHARS, MAX_HEADED_LINES

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "2024-03-14-duplicate-invoices.md"
LINES = MAX_HEADED_LINES - 1

# Markdown at its limits: the worst allowed, and far past them (refused unparsed).
AT_LIMITS: dict[str, Callable[[], object]] = {
    "allowed: list lines": lambda: parse_markdown("## Notes\n" + "- x\n" * LINES),
    "allowed: quotes holding lists": lambda: parse_markdown("## Notes\n" + "> - > - x\n" * LINES),
    "allowed: nested quotes": lambda: parse_markdown(
        "## Notes\n" + ">" * 60 + " x\n" + "> x\n" * (LINES - 1)
    ),
    "allowed: a line of [": lambda: parse_markdown("## Notes\n" + "[" * (MAX_HEADED_CHARS - 9)),
    "allowed: a reference label": lambda: parse_markdown(
        "## Notes\n[a]: <" + "x" * (MAX_HEADED_CHARS - 20)
    ),
    "refused: 50,000 headings": lambda: parse_markdown("## Notes\n" * 50_000),
    "refused: 50,000 marked sections": lambda: parse_markdown(
        "<!-- unblame:section impact -->\n## Impact\n\nx\n\n" * 50_000
    ),
    "refused: a 20 MB line of [": lambda: parse_markdown("## Notes\n" + "[" * 20_000_000),
    "refused: huge front matter": lambda: parse_markdown(
        '---\nt: "' + "x" * MAX_FRONT_MATTER_CHARS + '"\n---\n'
    ),
}

CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "markdown: list lines": lambda n: lambda: parse_markdown("## Notes\n" + "- x\n" * (n // 20)),
    "markdown: quotes holding lists": lambda n: (
        lambda: parse_markdown("## Notes\n" + "> - > - x\n" * (n // 20))
    ),
    "markdown: a line of [": lambda n: lambda: parse_markdown("## Notes\n" + "[" * (n * 10)),
    "markdown: repeated markers": lambda n: (
        lambda: parse_markdown("<!-- unblame:section impact -->\n## Impact\n\n" + "x\n" * n)
    ),
    # A transcript holds at most 20,000 messages: a quarter of the units each.
    "chat transcript lines": lambda n: (
        lambda: parse_transcript(
            "".join(f"[10:{i % 60:02d}] alice: message {i}\n" for i in range(n // 4)),
            tz="UTC",
            date=date(2024, 5, 1),
        )
    ),
    "slack export messages": lambda n: (
        lambda: parse_slack_export(
            _zip(
                "incident/2024-05-01.json",
                [
                    {"type": "message", "user": "U1", "text": f"m {i}", "ts": f"{1714550400 + i}.0"}
                    for i in range(n // 4)
                ],
            )
        )
    ),
    "generic alert labels": lambda n: (
        lambda: parse_generic(
            json.dumps(
                {
                    "title": "Disk full",
                    "status": "firing",
                    "started_at": "2024-05-01T10:00:00Z",
                    "labels": {f"k{i}": "v" for i in range(n)},
                }
            ).encode()
        )
    ),
}


def _zip(name: str, data: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, json.dumps(data))
    return buffer.getvalue()


def median_seconds(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            run()
        except Exception as exc:  # a refusal is an answer too; time it all the same
            print(f"    ({type(exc).__name__}: {str(exc)[:60]})", file=sys.stderr)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    small, large = args.size // 4, args.size
    print(f"{'parser':32} {small:>8,} units {large:>8,} units   ratio (4 = linear, 16 = quadratic)")
    for name, make in CASES.items():
        base = median_seconds(make(small), args.runs)
        big = median_seconds(make(large), args.runs)
        ratio = big / base if base else float("inf")
        print(f"{name:32} {base:10.3f} s {big:10.3f} s   {ratio:5.1f}")
    sample = SAMPLE.read_bytes()
    baseline = median_seconds(lambda: parse_markdown(sample), args.runs)
    print(f"\nmarkdown at its limits; baseline {SAMPLE.name}: {baseline * 1000:.1f} ms")
    for name, run in AT_LIMITS.items():
        seconds = median_seconds(run, args.runs)
        print(f"{name:32} {seconds:10.3f} s   {seconds / baseline:8.0f} x the sample")
    return 0


if __name__ == "__main__":
    sys.exit(main())
