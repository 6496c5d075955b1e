"""Each check's windows, gathered from the words a document holds, are the ones its
trigger words select, and the per-window search that skips windows changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import analyzer, prose
from unblame.language.analyzer import _checks_of_word, _TriggerScope, compiled_rules
from unblame.language.clause import CHAT_LINE_LIMIT, line_of

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    json.loads(line)["text"]
    for line in (ROOT / "corpus/sentences.jsonl").open(encoding="utf-8")
    if line.strip()
]
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.md"))]


def _scope(text: str) -> _TriggerScope:
    return _TriggerScope(prose.parse(text))


def _brute_windows(
    scope: _TriggerScope, triggers: tuple[str, ...], *, line_wide: bool = False
) -> list[tuple[int, int]]:
    """Every sentence window whose lower-cased text holds one of `triggers`; for a
    line-wide check, every window whose short line holds one (in some window of it)."""
    if not triggers:
        return scope.all_sentences()
    lowered = scope.masked.lower()
    windows = scope.all_sentences()
    hit = [(lo, hi) for lo, hi in windows if any(t in lowered[lo:hi] for t in triggers)]
    if not line_wide:
        return hit
    lines = {line_of(scope.masked, lo, hi) for lo, hi in hit}
    short = {(a, b) for a, b in lines if b - a <= CHAT_LINE_LIMIT}
    return [
        (lo, hi)
        for lo, hi in windows
        if (lo, hi) in hit or any(a <= lo and hi <= b + 1 for a, b in short)
    ]


def _assert_same_windows(text: str) -> None:
    scope = _scope(text)
    for index, compiled in enumerate(compiled_rules()):
        by_check = scope.spans_of(index, compiled)
        if not compiled.line_wide:
            assert by_check == scope.spans(compiled.triggers), compiled.rule.code
        expected = _brute_windows(scope, compiled.triggers, line_wide=compiled.line_wide)
        assert by_check == expected, compiled.rule.code


def test_a_line_wide_check_reads_every_sentence_of_a_short_line_with_its_trigger():
    text = "I rebooted the gateway. It came back. Sorry!\n\nThe next paragraph is calm."
    scope = _scope(text)
    index, owned = next(
        (i, c) for i, c in enumerate(compiled_rules()) if c.frame and c.frame.cue == "owned"
    )
    chosen = [scope.masked[lo:hi].strip() for lo, hi in scope.spans_of(index, owned)]
    assert chosen == ["I rebooted the gateway.", "It came back.", "Sorry!"]


def test_a_line_wide_check_keeps_to_the_sentence_in_a_long_line_of_prose():
    filler = "The queue drained slowly while the consumers recovered. " * 6
    text = "I rebooted the gateway. " + filler + "Sorry!"
    scope = _scope(text)
    index, owned = next(
        (i, c) for i, c in enumerate(compiled_rules()) if c.frame and c.frame.cue == "owned"
    )
    chosen = [scope.masked[lo:hi].strip() for lo, hi in scope.spans_of(index, owned)]
    assert chosen == ["Sorry!"]


def test_windows_of_each_check_on_the_sample_reviews():
    for text in SAMPLES:
        _assert_same_windows(text)


PIECES = st.sampled_from(SENTENCES)
GLUE = st.sampled_from([" ", "\n", "\n\n", ". ", "\n- ", "\n## "])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(GLUE, PIECES), min_size=1, max_size=8))
def test_windows_of_each_check_on_mixed_documents(pieces):
    _assert_same_windows("".join(glue + sentence for glue, sentence in pieces))


def test_every_trigger_word_names_the_checks_that_list_it():
    checks_of = _checks_of_word()
    for index, compiled in enumerate(compiled_rules()):
        for word in compiled.triggers:
            assert index in checks_of[word]
    for word, indices in checks_of.items():
        assert indices == tuple(sorted(set(indices)))
        assert all(word in compiled_rules()[i].triggers for i in indices)


def test_a_check_without_trigger_words_scans_every_window():
    scope = _scope("One. Two!\n\nThree?")
    bare = analyzer.CompiledRule(
        compiled_rules()[0].rule, compiled_rules()[0].frame or _no_triggers()
    )
    assert scope.spans_of(0, bare) == scope.all_sentences()
    assert len(scope.all_sentences()) >= 3


def _no_triggers():
    from unblame.language.rule import Check

    return Check((), r"\bnever-matches-anything\b")


def test_windows_come_in_document_order_without_repeats():
    scope = _scope(" ".join(SENTENCES[:40]))
    for index, compiled in enumerate(compiled_rules()):
        windows = scope.spans_of(index, compiled)
        assert windows == sorted(set(windows))
