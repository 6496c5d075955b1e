"""A frame check skips a sentence its cue's precheck rules out before any of the
per-match work is set up (issue 7, speed); the findings are the same either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unblame.language import analyze, analyzer, cues
from unblame.language.analyzer import remember_windows

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    json.loads(line)["text"]
    for line in (ROOT / "corpus/sentences.jsonl").open(encoding="utf-8")
    if line.strip()
]
SAMPLES = sorted((ROOT / "samples").glob("*.md"))


@pytest.fixture(autouse=True)
def as_lint_runs():
    """`unblame lint`'s path: no memo of windows, so every window is asked afresh."""
    remember_windows(False)
    yield
    remember_windows(True)


def test_may_carry_asks_the_precheck_each_cue_uses():
    text = "I accidentally pushed to the wrong branch, sorry."
    for cue in cues.CUES:
        precheck = cues.PRECHECKS.get(cue)
        expected = precheck is None or precheck.search(text, 0, len(text)) is not None
        assert cues.may_carry(text, 0, len(text), cue) is expected, cue


def test_cues_that_share_a_precheck_share_its_answer():
    text = "The on-call pushed untested code to production."
    assert cues.PRECHECKS["blunder"] is cues.PRECHECKS["slip"]
    same = cues.may_carry(text, 0, len(text), "slip")
    assert cues.may_carry(text, 0, len(text), "blunder") is same is True


def test_a_sentence_its_precheck_rules_out_is_never_read(monkeypatch):
    read: list[tuple[int, int]] = []
    real = cues.read

    def spy(masked: str, lo: int, hi: int):
        read.append((lo, hi))
        return real(masked, lo, hi)

    monkeypatch.setattr(cues, "read", spy)
    text = "Dana restarted the pod at 14:05.\n\nDana pushed the wrong tag.\n"
    found = analyze(text)
    # The second line may carry a slip and is read; what is read always passed
    # the precheck of the cue it was read for.
    assert read
    assert any(f.start >= text.index("Dana pushed") for f in found)
    for lo, hi in read:
        assert any(cues.may_carry(text, lo, hi, cue) for cue in cues.CUES)


def _without_the_early_exit(monkeypatch: pytest.MonkeyPatch, text: str) -> list[object]:
    """The findings when `_run_rule` leaves every sentence to `cues.find_in`."""
    with monkeypatch.context() as patch:
        patch.setattr(analyzer.cues, "may_carry", lambda masked, lo, hi, cue: True)
        return analyze(text)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_sample_reviews_give_the_same_findings_either_way(monkeypatch, path):
    text = path.read_text(encoding="utf-8")
    assert analyze(text) == _without_the_early_exit(monkeypatch, text)


def test_the_corpus_gives_the_same_findings_either_way(monkeypatch):
    text = "\n\n".join(CORPUS)
    found = analyze(text)
    assert len(found) > 100
    assert found == _without_the_early_exit(monkeypatch, text)
