"""Pronouns with their verb contracted in ("they're", "he's"), chat's "your"/"ur" for
"you're", and a question reported after "asking why" with its own subject.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, clause


def _agents(text: str) -> list[tuple[str, str]]:
    sentence = clause.read(text, 0, len(text))
    return [(c.agent, " ".join(w.text for w in c.words)) for c in sentence.clauses]


@pytest.mark.parametrize(
    ("word", "agent"),
    [
        ("they're", agents.OTHER),
        ("you’ve", agents.OTHER),
        ("she's", agents.OTHER),
        ("we're", agents.GROUP),
        ("i’ll", agents.SELF),
    ],
)
def test_a_contracted_pronoun_keeps_its_person(word, agent):
    assert agents.agent_of(word) == agent


def test_a_future_you_foretells_and_names_nobody():
    # "you'll run it on the wrong box one day" is a prediction about anyone.
    assert agents.agent_of("you'll") == agents.SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "your so bad at writing migrations.",
        "ur so bad at this, honestly.",
        "they're so bad at tagging releases.",
        "he's so bad at reading a diff.",
    ],
)
def test_ability_denied_after_a_contracted_or_chat_you_is_a_verdict(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your so-called canary never received traffic.",
        "Is your analytics account an admin?",
        "Thanks, your script is so much faster now.",
        "you're a reviewer on this one, right?",
    ],
)
def test_a_possessive_your_or_a_plain_question_is_no_verdict(text):
    assert categories(text) == []


def test_chat_your_reads_as_you_are_only_before_so_such_or_an():
    words = agents.words_of("your so slow and your laptop is fine")
    assert [w.low for w in words if w.text == "your"] == ["you're", "your"]


def test_the_question_after_asking_why_has_its_own_subject():
    found = _agents("We're asking why the scheduler retried it without a lock.")
    assert found[0] == (agents.GROUP, "We're asking")
    assert found[1][0] == agents.SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "We keep asking how the pipeline let a release through without a canary.",
        "Everyone wondered why the scheduler had started the job without its lock.",
    ],
)
def test_a_thing_acting_in_a_reported_question_is_no_hindsight(text):
    assert categories(text) == []


def test_a_person_acting_in_a_reported_question_is_still_read():
    assert "counterfactual" in categories(
        "I'm asking why you deployed on a Friday without telling anyone."
    )
