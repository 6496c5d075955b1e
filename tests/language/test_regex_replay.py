"""bench/regex_replay.py notes the analyzer's regex calls and replays them faithfully."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import regex_replay

from unblame.language import analyzer, regex_cache

TEXTS = ["I should have checked the config before deploying.", "The disk filled at 14:02."]


def test_every_call_is_noted_and_compile_is_given_back(monkeypatch):
    monkeypatch.setattr(analyzer, "_memo", {})  # put back after the test
    real = regex_cache.compile
    analyzer._trigger_index.cache_clear()  # compiled afresh, as in a new process
    # that has read enough text to scan with the trie (see analyzer._FIND_LIMIT)
    monkeypatch.setattr(analyzer, "_found_by_find", analyzer._FIND_LIMIT + 1)
    try:
        calls, inputs = regex_replay.record(regex_cache, TEXTS)
    finally:
        analyzer._trigger_index.cache_clear()
    assert regex_cache.compile is real
    assert analyzer._memo is None  # as `unblame lint` runs
    trigger = analyzer._trigger_index()[0]
    noted = calls[(trigger.pattern, 0)]
    assert {method for method, _, _ in noted} == {"search"}
    assert {inputs[index] for _, index, _ in noted} == {text.lower() for text in TEXTS}


def test_a_replay_makes_the_noted_calls_and_times_each_pattern():
    made: list[tuple[str, str]] = []

    class Spy:
        def __init__(self, pattern: str) -> None:
            self.compiled = re.compile(pattern)

        def search(self, text: str, *rest: int) -> re.Match[str] | None:
            made.append(("search", text))
            return self.compiled.search(text, *rest)

        def finditer(self, text: str, *rest: int) -> Iterator[re.Match[str]]:
            made.append(("finditer", text))
            return self.compiled.finditer(text, *rest)

    calls = {("a", 0): [("search", 0, (1,))], ("b+", 0): [("finditer", 1, ())]}
    times = regex_replay.replay(calls, ["xa", "bbb b"], lambda p, f: Spy(p), 2)
    assert set(times) == set(calls) and all(t >= 0 for t in times.values())
    assert made == [("search", "xa")] * 2 + [("finditer", "bbb b")] * 2
