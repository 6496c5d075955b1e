"""The memo of each check's matches by sentence text never changes a finding."""

from __future__ import annotations

import json
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest
from test_regex_cache import PATTERNS

from unblame.language import analyze, analyzer

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    json.loads(line)["text"]
    for line in (ROOT / "corpus/sentences.jsonl").open(encoding="utf-8")
    if line.strip()
]


@pytest.fixture(autouse=True)
def fresh_memo():
    analyzer.remember_windows(True)
    yield
    analyzer.remember_windows(True)


def _look_behind(items) -> int:
    """How far before its position a pattern may read (a word boundary reads one)."""
    reach = 0
    for op, av in items:
        if op is C.AT:
            reach = max(reach, 1)
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0:
            reach = max(reach, av[1].getwidth()[1] + _look_behind(av[1].data))
        for value in av if isinstance(av, (tuple, list)) else ():
            if isinstance(value, _parser.SubPattern):
                reach = max(reach, _look_behind(value.data))
            elif isinstance(value, list):
                for alt in value:
                    if isinstance(alt, _parser.SubPattern):
                        reach = max(reach, _look_behind(alt.data))
    return reach


def test_no_pattern_reads_further_back_than_the_memo_key_holds():
    reaches = {p[:60]: _look_behind(_parser.parse(p, f).data) for p, f in PATTERNS}
    assert max(reaches.values()) < analyzer._CONTEXT, max(reaches.items(), key=lambda kv: kv[1])


def test_the_reach_measure_sees_look_behinds_inside_groups():
    assert _look_behind(_parser.parse(r"(?:a|(?<!\bthe\s)b)", 0).data) == 5


def _documents() -> list[str]:
    """The same sentences at the start of a text, after others, in lists, quoted and
    as action items, so a remembered window is met in other surroundings."""
    chunks = [SENTENCES[i : i + 7] for i in range(0, len(SENTENCES), 7)]
    documents = [" ".join(chunk) for chunk in chunks]
    heading = "# Review\n\n## Action items\n\n"
    documents += [heading + "\n".join(f"- {s}" for s in chunk) for chunk in chunks]
    documents += ["\n".join(f"> {s}" for s in chunk) for chunk in chunks[::3]]
    documents += [(ROOT / "samples" / name).read_text() for name in _samples()]
    return documents


def _samples() -> list[str]:
    return sorted(p.name for p in (ROOT / "samples").glob("*.md"))


@pytest.mark.parametrize("context", ["document", "action_item", "chat"])
def test_findings_are_the_same_with_the_memo_cold_warm_and_off(context):
    documents = _documents()
    names = ("Dana", "Priya Raman")
    analyzer.remember_windows(False)
    without = [analyze(text, context=context, names=names) for text in documents]
    analyzer.remember_windows(True)
    cold = [analyze(text, context=context, names=names) for text in documents]
    warm = [analyze(text, context=context, names=names) for text in reversed(documents)]
    assert cold == without
    assert list(reversed(warm)) == without
    assert sum(map(len, without)) > 100


def test_an_edited_sentence_is_matched_again_and_the_others_are_remembered(monkeypatch):
    text = " ".join(SENTENCES[:40])
    first = analyze(text)
    calls: list[tuple[int, int]] = []
    real = analyzer._matches

    def counting(compiled, masked, lo, hi):
        calls.append((lo, hi))
        return real(compiled, masked, lo, hi)

    monkeypatch.setattr(analyzer, "_matches", counting)
    assert analyze(text) == first
    assert calls == []  # nothing changed: every check's matches come from the memo
    edited = text.replace(SENTENCES[20], "Priya should have checked the config first.")
    analyze(edited)
    windows = set(calls)
    assert 1 <= len(windows) <= 2  # the edited sentence, and at most the one after it


def test_a_sentence_moved_elsewhere_gets_its_findings_at_its_new_place():
    sentence = "Dana should have checked the config before deploying."
    alone = analyze(sentence)
    later = analyze("The deploy finished at 14:02. " + sentence)
    assert [f.rule for f in alone] == [f.rule for f in later]
    assert [f.start + 30 for f in alone] == [f.start for f in later]


def test_turned_off_it_keeps_nothing():
    analyzer.remember_windows(False)
    analyze("Dana should have checked the config before deploying.")
    assert analyzer._memo is None
    analyzer.remember_windows(True)
    analyze("Dana should have checked the config before deploying.")
    assert analyzer._memo


def test_the_memo_is_emptied_when_full(monkeypatch):
    monkeypatch.setattr(analyzer, "_MEMO_LIMIT", 5)
    analyze(" ".join(SENTENCES[:30]))
    assert analyzer._memo is not None and len(analyzer._memo) <= 5


def test_an_apology_added_beside_a_remembered_sentence_is_seen():
    # The owned cue reads the chat line: the memo must not answer for the first
    # sentence from the time its line had no apology in it.
    plain = "I rebooted the gateway believing it was the lab one."
    assert not analyze(plain)
    owned = analyze(plain + " Sorry about that.")
    assert [f.rule for f in owned] == ["UB205"]
    assert not analyze(plain + " It came back at 14:10.")
