"""Hindsight with an adverb inside the modal ("should obviously have"), a check run
told as not done by nobody ("Nobody ran the test suite"), and the steps a change owes
before it lands ("didn't rebase before merging").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "We should obviously have paused the rollout at the first error.",
        "We should of course have drained the node first.",
        "The reviewers should really have asked for a load test.",
        "We should all have read the upgrade notes.",
    ],
)
def test_an_adverb_inside_the_modal_keeps_the_hindsight(text):
    assert "UB301" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cache should probably have expired by then.",
        "We should obviously have a canary stage for this service.",
    ],
)
def test_a_thing_or_a_plan_with_an_adverb_is_no_hindsight_about_a_person(text):
    assert "UB301" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody ran the contract tests before the cut-over.",
        "No one ran the linter on the generated files.",
        "None of the reviewers ran the smoke tests on staging.",
        "Nobody did a dry run of the restore.",
    ],
)
def test_a_check_nobody_ran_is_an_omission(text):
    assert "UB302" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody ran into the race until the traffic doubled.",
        "The pipeline ran the contract tests before the cut-over.",
        "No test ran against the new schema.",
        "Nobody ran the report that week because of the holiday freeze.",
    ],
)
def test_running_into_something_or_a_pipeline_running_checks_is_no_omission(text):
    assert "UB302" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Somebody didn't rebase before merging the hotfix.",
        "The author didn't compile the branch before pushing it.",
    ],
)
def test_a_step_a_change_owes_left_undone_by_a_person_is_an_omission(text):
    assert "UB302" in codes(text)


def test_code_that_did_not_compile_is_no_omission():
    assert not codes("The branch didn't compile on the arm64 runners.")
