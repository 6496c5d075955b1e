"""Sentences that talk about slips, human error or weak remedies without using them.

Each mechanism is pinned both ways: the shape that is talk about the thing, and the
nearest shape that still uses it. None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {finding.category.value for finding in analyze(text)}


# --- An activity as the subject is nobody's self-report ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Accidentally truncating a staging table is how most of us learned about backups.",
        "Mistakenly pointing a script at prod can happen to anyone on the rota.",
        "Inadvertently deleting a bucket should be impossible with versioning turned on.",
    ],
)
def test_an_activity_after_an_adverb_is_the_subject_not_a_chat_line(text):
    assert "self_blame" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Accidentally truncated the staging table, sorry everyone.",
        "Mistakenly pointed the script at prod, rolling back now.",
    ],
)
def test_a_chat_line_that_leaves_its_subject_out_is_still_read(text):
    assert "UB205" in codes(text)


def test_a_gerund_after_but_opens_a_clause_of_its_own():
    text = (
        "I moved the team to trunk-based work, but breaking main is simply what fast merges cost."
    )
    assert "self_blame" not in _categories(text)


def test_the_acts_own_harm_after_a_comma_is_still_read():
    assert "UB205" in codes("I merged the schema change, breaking the login page for an hour.")


# --- Human error as an effect, a definition or a claim talked about -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Copying keys between consoles by hand is tedious and leads to human errors.",
        "A dialog with two identical buttons invites operator mistakes.",
        "Operator error refers to an action that a system let through without a check.",
        "The old notion that human error was behind every outage did not survive the review.",
        "This case study, like most research on outages, looks at the systems around the people.",
    ],
)
def test_human_error_talked_about_is_no_cause(text):
    assert "UB401" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "This case study follows an outage at a colocation site caused by operator error.",
        "The outage was caused by user error.",
        "The confusing dialog led to a human error that took the site down.",
    ],
)
def test_human_error_as_the_incidents_cause_is_still_read(text):
    assert "UB401" in codes(text)


def test_a_scare_quoted_cause_far_from_its_verb_is_still_the_writers_claim():
    text = (
        "The cause of last week's power cut at the depot, which lasted about two hours, "
        "was a 'simple human error' by a crew on site."
    )
    assert "UB401" in codes(text)


# --- A neglect the system was to catch --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The missing import was not caught during the build phase and failed at start-up.",
        "The bad flag was not detected at the deploy stage.",
    ],
)
def test_a_check_a_pipeline_stage_was_to_make_is_no_hindsight(text):
    assert "UB307" not in codes(text)


def test_a_warning_missed_at_a_handover_is_still_hindsight():
    assert "UB307" in codes("The disk warning was not caught during the shift handover.")


# --- A weak remedy turned down ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The answer is not to lecture the team, ask reviewers to try harder, or add a sign-off.",
        "The fix isn't to ask people to be more careful with the console.",
        "Telling engineers to slow down failed because it leaned on memory, not on design.",
        "Asking everyone to double-check the region never works for long.",
    ],
)
def test_a_remedy_named_to_be_turned_down_is_no_try_harder(text):
    assert "try_harder" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fix is to ask people to be more careful with the console.",
        "The goal is not to find who did it, and everyone should be more careful.",
        "We need to remind engineers to follow the release checklist.",
    ],
)
def test_a_remedy_that_is_proposed_is_still_try_harder(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rather than punish anyone, we should make sure the same slip cannot happen again.",
        "The lesson: ensure this can never recur, by making the console refuse prod deletes.",
    ],
)
def test_a_slip_made_impossible_is_a_strong_remedy(text):
    assert "try_harder" not in _categories(text)


def test_a_slip_made_less_likely_by_care_is_still_try_harder():
    assert "try_harder" in _categories("We need to make sure this doesn't happen again.")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("My colleague made a mistake with the tags.", "blame_other"),
        ("My team accidentally deleted the staging bucket.", "self_blame"),
    ],
)
def test_my_colleague_is_someone_else_and_my_team_is_us(text, category):
    assert category in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Before opening a pull request, you should run the formatter.",
        "To cut a release, you must bump the version in pyproject first.",
        "When rotating keys, make sure the old key stays valid for a day.",
    ],
)
def test_a_how_to_step_is_no_remedy(text):
    assert "try_harder" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "To avoid this in the future, you should always run the tests before pushing.",
        "Before merging, please make sure the changelog is updated next time.",
        "After the outage, we need to be more careful with the console.",
    ],
)
def test_a_step_asked_because_of_an_incident_is_still_a_remedy(text):
    assert "try_harder" in _categories(text)
