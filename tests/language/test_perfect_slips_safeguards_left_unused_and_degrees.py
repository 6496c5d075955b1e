"""Slips told in the perfect or counted, safeguards left unused, and blame given by
degree; with the sentences that share their words and judge nobody.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I have broken the release pipeline twice this week.",
        "I'd just broken the nightly export when the page came in.",
        "I've botched the certificate rotation again.",
        "I made several mistakes during the failover.",
        "Looking back I made a few errors in the cutover plan.",
    ],
)
def test_a_slip_told_in_the_perfect_or_counted_is_narrated_as_a_slip(text):
    assert "UB205" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I found the export job broken when I logged in.",
        "I have broken the migration down into three steps.",
        "I'd say the importer is broken for large files.",
        "Engineers make more mistakes after midnight; the rota now ends at ten.",
        "The linter makes several errors on generated code.",
    ],
)
def test_a_state_a_plan_or_people_in_general_is_no_slip(text):
    assert not {r for r in _rules(text) if r.startswith("UB2")}


@pytest.mark.parametrize(
    "text",
    [
        "I missed two edge cases in the date parser.",
        "I missed the failing integration test in my review.",
    ],
)
def test_what_a_check_would_have_caught_missed_by_oneself_is_hindsight(text):
    assert "UB204" in _rules(text)


def test_a_meeting_missed_is_no_hindsight():
    assert not _rules("I missed the review meeting on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "The crew did not use the descent checklist.",
        "The operator did not apply the published shutdown procedure.",
        "The contractor never ran the pressure tests.",
    ],
)
def test_a_safeguard_a_person_left_unused_is_hindsight(text):
    assert "UB302" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The deploy script did not run the smoke tests.",
        "We did not use the staging environment because it was being rebuilt.",
    ],
)
def test_a_tool_that_skipped_a_safeguard_or_a_plain_use_judges_nobody(text):
    assert "UB302" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The contractor is more to blame than the crew.",
        "Priya is mostly to blame for the rollback.",
        "The night supervisor is more at fault than the trainee.",
    ],
)
def test_blame_given_by_degree_is_still_given(text):
    assert _rules(text) & {"UB101", "UB104"}


def test_a_design_more_to_blame_than_a_person_blames_no_one():
    assert not _rules("The alert design is more to blame than anyone on call.")


@pytest.mark.parametrize(
    "text",
    [
        "Officials say operator error caused the blackout.",
        "Investigators say human error was behind the derailment.",
    ],
)
def test_a_finding_reported_with_say_is_still_given_as_the_cause(text):
    assert "UB401" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "We no longer say human error in our reviews.",
        "When people say operator error, ask what the console showed.",
    ],
)
def test_saying_the_label_as_a_habit_gives_no_cause(text):
    assert "UB401" not in _rules(text)
