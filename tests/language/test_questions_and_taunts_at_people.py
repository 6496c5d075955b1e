"""Blame put as a question with the person after the auxiliary, embedded in "I'm
curious why you …", as the taunt "you had one job", or as "the engineer whose
fault it was"; and the questions of the same shape asked of things.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import analyze


def blame_rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text) if f.category == "blame_other"}


@pytest.mark.parametrize(
    "text",
    [
        "Why didn't the reviewer read the migration?",
        "Why didn't your release captain check the canary?",
    ],
)
def test_why_did_not_a_person_take_care_is_an_accusing_question(text):
    assert "UB105" in blame_rules(text)


@pytest.mark.parametrize(
    "text",
    ["Why didn't the canary catch the regression?", "Why didn't the tests catch the typo?"],
)
def test_the_same_question_asked_of_a_safeguard_asks_about_the_system(text):
    assert not blame_rules(text)


def test_an_embedded_why_you_about_an_act_is_an_accusing_question():
    assert "UB105" in blame_rules(
        "I'm curious why you dropped the v1 endpoints in a patch release."
    )


@pytest.mark.parametrize(
    "text",
    [
        "I understand why you made that call with every dashboard green.",
        "I wonder why the scheduler skipped the Tuesday run.",
    ],
)
def test_understanding_a_choice_or_wondering_about_a_tool_is_not(text):
    assert not set(categories(text)) & {"blame_other", "counterfactual", "self_blame"}


@pytest.mark.parametrize("text", ["You had one job.", "The release manager had one job."])
def test_the_one_job_taunt_is_blame(text):
    assert blame_rules(text)


def test_a_machine_with_one_job_is_not_taunted():
    assert not blame_rules("The cron job had one job: rotate the logs.")


@pytest.mark.parametrize(
    "text",
    [
        "The contractor whose fault it was has since left.",
        "Spare a thought for the admin whose mistake this was.",
    ],
)
def test_a_person_whose_fault_it_was_is_fault_assigned(text):
    assert "UB104" in blame_rules(text)
