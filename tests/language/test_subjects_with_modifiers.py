"""Subjects that carry a modifier between their head and the verb: a time phrase
before them, a one-word aside in brackets, a participle phrase with an adverb
before the verb, "that" as a determiner after a preposition.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest

from unblame.language import agents as kinds
from unblame.language import analyze, clause, clause_subject


def first_agent(text: str) -> str:
    sentence = clause.read(text, 0, len(text))
    return sentence.clauses[0].agent


def rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Later that night, a contractor unplugged the wrong rack.",
        "Last Friday, the on-call engineer restarted the primary.",
        "Early one morning, a technician swapped the patch cables.",
    ],
)
def test_a_short_time_phrase_before_its_comma_is_not_the_subject(text):
    assert first_agent(text) == kinds.OTHER


def test_a_long_phrase_ending_in_a_time_word_is_no_time_opener():
    # Four words before the comma are more than a time phrase: the comma closes nothing.
    assert (
        clause_subject._time_phrase_end(
            clause.read("We ran it every single night, then", 0, 33).words, 0
        )
        == 0
    )


@pytest.mark.parametrize(
    "text",
    [
        "During that window, a contractor unplugged the wrong rack.",
        "After that change, a technician swapped the patch cables.",
    ],
)
def test_that_after_a_preposition_is_a_determiner(text):
    sentence = clause.read(text, 0, len(text))
    assert [c.agent for c in sentence.clauses] == [kinds.OTHER]


def test_that_after_a_noun_still_opens_a_clause():
    text = "The script that Odile wrote deleted the bucket."
    assert len(clause.read(text, 0, len(text)).clauses) > 1


@pytest.mark.parametrize(
    "text",
    [
        "Another (exhausted) sysadmin had accidentally dropped the replica.",
        "The (new) contractor pushed the wrong tag.",
    ],
)
def test_a_one_word_aside_after_a_determiner_describes_the_subject(text):
    assert first_agent(text) == kinds.OTHER
    assert "UB102" in rules(text)


def test_a_one_word_aside_does_not_make_a_thing_a_person():
    assert not rules("The deploy (finally) finished after the retry.")


def test_an_adverb_before_the_verb_after_a_participle_phrase_frames_the_act():
    text = "A contractor working the Saturday shift inadvertently pulled the power cut-off."
    spans = [text[f.start : f.end] for f in analyze(text) if f.category == "blame_other"]
    assert any("inadvertently" in span for span in spans), spans


def test_a_participle_phrase_with_a_plain_act_stays_unflagged():
    assert not rules("A contractor working the Saturday shift replaced the failed power supply.")
