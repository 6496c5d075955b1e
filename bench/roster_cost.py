"""What a roster costs the analyzer: rows of action-item text analysed per second.

A list page or CSV export analyses one short text per row, each with the
roster of its incident: every account (the same for all rows) plus that
incident's chat authors (different per row). The figure that matters is the
ratio against the same rows analysed with no roster, measured in this run.

    .venv/bin/python bench/roster_cost.py [--rows 3000] [--accounts 2000]
"""

from __future__ import annotations

import argparse
import random
import re
import time

from unblame.language import analyze
from unblame.language.lexicon import GIVEN_NAMES
from unblame.language.names import Roster
from unblame.language.trie import trie_pattern

TITLES = (
    "Add a canary stage to the deploy pipeline for {name}'s service",
    "Alert when the replication lag exceeds five minutes",
    "Make the config validator reject unknown keys",
    "Document the failover runbook with {name}",
    "Rate-limit the bulk export endpoint",
    "Page the owning team when the queue depth doubles",
)


def _people(rng: random.Random, count: int) -> list[str]:
    syllables = ("zor", "bel", "qui", "lan", "fen", "wick", "dar", "mo", "tis", "ra")
    names = set()
    while len(names) < count:
        first = "".join(rng.choice(syllables) for _ in range(2)).title()
        last = "".join(rng.choice(syllables) for _ in range(3)).title()
        names.update((first, f"{first} {last}", f"{first[:2].lower()}{last.lower()}"))
    return sorted(names)[:count]


def _rate(rows: list[tuple[str, object]]) -> float:
    start = time.perf_counter()
    for text, names in rows:
        analyze(text, names=names, context="action_item")  # type: ignore[arg-type]
    return len(rows) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--accounts", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)
    everyone = frozenset(_people(rng, args.accounts * 3))
    authors = _people(random.Random(11), 5000)
    texts = [rng.choice(TITLES).format(name=rng.choice(authors)) for _ in range(args.rows)]
    per_incident = [frozenset(rng.sample(authors, 4)) for _ in range(args.rows)]

    # Warm the rules' lazily compiled patterns so no case pays for them.
    _rate([(text, ()) for text in texts[:200]])
    cases = {
        "no roster": [(text, ()) for text in texts],
        "one shared roster": [(text, Roster(everyone)) for text in texts],
        "a new roster every row": [
            (text, Roster(everyone, part)) for text, part in zip(texts, per_incident, strict=True)
        ],
        "a plain list every row": [
            (text, [*everyone, *part]) for text, part in zip(texts, per_incident, strict=True)
        ],
    }
    baseline = _rate(cases["no roster"])
    print(f"{args.rows} rows, {len(everyone)} account names, 4 chat authors per incident")
    for label, rows in cases.items():
        rate = baseline if label == "no roster" else _rate(rows)
        print(f"  {label:<24} {rate:8.0f} rows/s   {rate / baseline:5.2f} x no roster")

    # What the analyzer did before names.py: one expression compiled per roster.
    start = time.perf_counter()
    for part in per_incident[:20]:
        re.compile(trie_pattern(GIVEN_NAMES | everyone | part))
    per_compile = (time.perf_counter() - start) / 20
    print(f"  for scale: compiling one roster's expression took {per_compile * 1000:.1f} ms")


if __name__ == "__main__":
    main()
