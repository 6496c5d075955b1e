"""A miss told inside a relative clause with no "that" ("the breaks we didn't
detect"), "detect" owned by the team but not by a tool, a care verb with "re-"
("did not retest"), and care graded as short with the work as subject.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest

from unblame.language import agents as kinds
from unblame.language import analyze, clause


def rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


def agents(text: str) -> list[str]:
    return [c.agent for c in clause.read(text, 0, len(text)).clauses]


def test_a_pronoun_after_a_noun_opens_a_relative_clause_of_its_own():
    assert agents("Version 4.2 shipped two regressions we didn't detect.")[-1] == kinds.GROUP


@pytest.mark.parametrize(
    "text",
    [
        "The alert we added last quarter fired at 02:10.",  # no verb before the pronoun
        "After the deploy we rolled back the flag.",
        "Sorry we broke the nightly build.",
    ],
)
def test_a_pronoun_without_a_full_clause_before_it_does_not_split(text):
    sentence = clause.read(text, 0, len(text))
    assert not any(
        c.words[0].low == "we" and c is not sentence.clauses[0] for c in sentence.clauses
    )


def test_a_miss_in_a_contact_relative_is_hindsight():
    assert "UB302" in rules("Version 4.2 shipped two regressions we didn't detect.")


def test_a_plain_act_in_a_contact_relative_is_not():
    assert not rules("This is the first time we have seen the error in production.")


def test_the_team_not_detecting_is_a_miss_it_owns():
    assert "UB302" in rules("We didn't detect the schema drift for a week.")


@pytest.mark.parametrize(
    "text",
    [
        "The scanner didn't detect the expired token.",
        "Kubectl didn't detect the drift because the field was ignored.",
        "We didn't detect the drift because the alert routed to a retired channel.",
    ],
)
def test_a_tool_not_detecting_or_a_miss_with_its_reason_is_not_blame(text):
    assert "UB302" not in rules(text)


def test_a_care_verb_with_re_is_still_care():
    assert "UB302" in rules("The vendor did not retest the driver after the refactor.")


@pytest.mark.parametrize(
    "text",
    [
        "The firmware image did not undergo adequate regression testing.",
        "The patch never received proper review before the freeze.",
    ],
)
def test_care_graded_as_short_with_the_work_as_subject_is_hindsight(text):
    assert "UB307" in rules(text)


def test_a_plain_fact_about_review_is_not():
    assert "UB307" not in rules(
        "The patch did not receive any review because direct pushes were allowed."
    )
