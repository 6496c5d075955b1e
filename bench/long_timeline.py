"""How long the incident page takes with 2,000 imported chat messages on its timeline.

    .venv/bin/python bench/long_timeline.py [--messages 2000] [--runs 20]

Builds a throwaway test database with two incidents: one with --messages chat
messages (imported-style, a few authors, a note every 200) and one with an empty
timeline, then times GET of each incident page through Django's test client,
in process, so this is the server's share. The empty incident's page, measured
in the same run, is the baseline: the ratio says what the long timeline costs
on top of a bare incident page on this machine. Also reports the page size in
bytes, and the same long page filtered to chat messages only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

# The sibling module, on the path when this script runs from bench/.
from django_bench import with_test_database


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return with_test_database(lambda: run(args))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=20)
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    from django.test import Client

    from unblame.accounts.models import User
    from unblame.incidents.models import Incident, Severity, TimelineEvent

    start = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    user = User.objects.create_user("bench", role=User.Role.EDITOR)
    severity = Severity.objects.first()
    long = Incident.objects.create(title="Long chat", severity=severity, declared_at=start)
    bare = Incident.objects.create(title="Bare", severity=severity, declared_at=start)
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            incident=long,
            occurred_at=start + timedelta(seconds=n * 7),
            kind=TimelineEvent.Kind.NOTE if n % 200 == 0 else TimelineEvent.Kind.CHAT_MESSAGE,
            author_name=f"person{n % 7}",
            text=f"Message {n}: checking the checkout dashboard and the deploy log again.",
            source="chat-import",
            external_id=f"bench-{n}",
        )
        for n in range(args.messages)
    )
    client = Client()
    client.force_login(user)
    pages: dict[str, Callable[[], object]] = {
        "bare incident page (baseline)": lambda: client.get(bare.get_absolute_url()),
        f"incident with {args.messages} messages": lambda: client.get(long.get_absolute_url()),
        "same, chat messages only": lambda: client.get(
            long.get_absolute_url(), {"kind": "chat_message"}
        ),
    }
    results = {name: measure(call, args.runs) for name, call in pages.items()}
    for name, samples in results.items():
        print(f"{name:34} median {median_ms(samples):7.1f} ms   p95 {p95_ms(samples):7.1f} ms")
    size = len(client.get(long.get_absolute_url()).content)
    print(f"long page: {size:,} bytes of HTML")
    baseline = median_ms(results["bare incident page (baseline)"])
    heavy = median_ms(results[f"incident with {args.messages} messages"])
    print(f"ratio: the long timeline's page takes {heavy / baseline:.2f}x the bare page")
    return 0


def measure(call: Callable[[], object], runs: int) -> list[float]:
    call()  # warm caches: templates, the session
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append(time.perf_counter() - began)
    return samples


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    return sorted(samples)[max(0, round(len(samples) * 0.95) - 1)] * 1000


if __name__ == "__main__":
    sys.exit(main())
