"""Fragments the rules and cues share: one spelling each, read by every rule that needs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import unblame.language as language
from unblame.language import lexicon

PACKAGE = Path(language.__file__).parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "lexicon.py")


def _codes(text: str) -> set[str]:
    return {finding.rule for finding in language.analyze(text)}


@pytest.mark.parametrize(
    "spelling", ["double-check", "double check", "doublecheck", "triple-check", "Triple check"]
)
def test_the_recheck_fragment_reads_every_spelling(spelling):
    assert re.fullmatch(lexicon.RECHECK, spelling, re.IGNORECASE)


@pytest.mark.parametrize("word", ["check", "cross-check", "double-click", "checkbox"])
def test_the_recheck_fragment_wants_checking_again(word):
    assert not re.fullmatch(lexicon.RECHECK, word, re.IGNORECASE)


@pytest.mark.parametrize(
    "fragment", [r"(?:double|triple)[-", r"Monday|Tuesday", r"(?=\s*(?:[.,;:!?)]|$))"]
)
def test_no_rule_or_cue_spells_a_shared_fragment_again(fragment):
    # A second spelling drifts: one list learns "triple" or "Sunday" and the other does not.
    spelled_again = [p.name for p in SOURCES if fragment in p.read_text(encoding="utf-8")]
    assert spelled_again == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Viktor ran the migration without triple-checking the host, and the index was dropped.",
        "Zofia did not double check the target host.",
    ],
)
def test_checking_again_reads_the_same_in_every_spelling(sentence):
    hyphen_free = sentence.replace("-check", " check")
    assert _codes(sentence) == _codes(hyphen_free)
    assert _codes(sentence), sentence


@pytest.mark.parametrize("word", ["Vasco", "Ngozi", "Maybelle"])
def test_a_capitalised_word_can_be_someone(word):
    pattern = re.compile(lexicon.CAPITALISED_PERSON, re.VERBOSE)
    assert pattern.fullmatch(word)


@pytest.mark.parametrize(
    "word", ["Friday", "Tuesday", "March", "Yesterday", "It", "The", "Nobody", "Their", "Last"]
)
def test_days_months_and_openers_are_not_someone(word):
    pattern = re.compile(lexicon.CAPITALISED_PERSON, re.VERBOSE)
    assert not pattern.fullmatch(word)


@pytest.mark.parametrize(
    "sentence",
    [
        "That was Friday's big mistake: the deploy freeze had lapsed.",
        "Sunday's error spike came from the retry storm.",
        "This one is on Thursday, when the quota reset.",
        "Yesterday is at fault for nothing; the cron ran twice.",
    ],
)
def test_a_day_is_never_the_one_at_fault(sentence):
    assert "UB104" not in _codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "That was Ingrid's big mistake, plain and simple.",
        "The outage is Tomasz's fault.",
        "Bartholomew is at fault here.",
        "This one is on Oluwaseun.",
    ],
)
def test_a_capitalised_name_still_takes_the_fault(sentence):
    assert "UB104" in _codes(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Gunnhild pushed to the release branch when she really shouldn't have.", "UB301"),
        ("Gunnhild deleted the branch, which she ought not to have.", "UB301"),
        ("I merged it on a Friday, which I definitely should not have.", "UB204"),
        ("I restarted the primary when I ought not to have.", "UB204"),
    ],
)
def test_should_have_with_the_act_left_unsaid_reads_alike_for_anyone(sentence, code):
    # One slot ({SHOULD_HAVE_UNSAID}) for another's hindsight and the writer's own.
    assert code in _codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The cache should have a longer lifetime.",
        "I think we should have a runbook for this.",
    ],
)
def test_should_have_followed_by_a_thing_is_no_act_left_unsaid(sentence):
    assert not _codes(sentence) & {"UB301", "UB204"}
