"""Whether every parser of outside input stays linear on adversarial input.

    .venv/bin/python bench/parse_speed.py [--size 50000] [--runs 3]

For each parser, times the median of --runs parses of an adversarial input
of N units and of 2N units (N = --size / 4 and --size), in the same run,
and prints the seconds and the ratio of the two. A linear parser gives a
ratio near 4 for four times the input; a quadratic one gives 16. The
baseline is the same parser on the smaller input, so the ratio holds on
any machine, however busy.

Inputs: Markdown reviews of N `##` headings (equal titles, distinct ones,
unblame section markers), a chat transcript of N lines, a Slack export of N
messages, and an alert body with N labels.
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

CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "markdown: equal headings": lambda n: lambda: parse_markdown("## Notes\n" * n),
    "markdown: distinct headings": lambda n: (
        lambda: parse_markdown("".join(f"## Heading {i}\n" for i in range(n)))
    ),
    "markdown: repeated markers": lambda n: (
        lambda: parse_markdown("<!-- unblame:section impact -->\n## Impact\n\nx\n\n" * (n // 4))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
