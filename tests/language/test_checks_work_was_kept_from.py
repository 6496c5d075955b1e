"""Work kept from the check it owed ("did not subject the firmware to regression
tests", "did not have a second technician review it", "the new path was never run"),
and a contributor's workflow asked for politely ("kindly use a PR", "please *at least*
make sure it builds", "please restrain from …").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The contractor never submitted the change for approval.",
        "We didn't put the migration through QA.",
        "The lead did not have anyone review the firewall rules.",
        "The restore procedure was never exercised.",
    ],
)
def test_work_kept_from_its_check_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We didn't send the logs to the vendor until Monday.",
        "The batch job was not run because the lock was held.",
        "The nightly job never ran on the replica.",
    ],
)
def test_sending_or_a_job_not_running_is_no_hindsight(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kindly use merge requests for the infra repo.",
        "Please _at least_ make sure the tests pass locally.",
        "Please restrain from tagging by hand.",
    ],
)
def test_a_workflow_asked_of_contributors_is_a_plea(text):
    assert "try_harder" in categories(text)


def test_an_instruction_to_use_an_interface_is_no_plea():
    assert categories("Please use the new token endpoint from March.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The fallback path was never executed by the integration suite.",
        "The migration's down step had never been run by CI.",
    ],
)
def test_a_safeguard_as_the_agent_of_the_check_is_no_hindsight(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The pull request was not reviewed by another developer.",
        "The firewall change was never checked by a second pair of eyes.",
    ],
)
def test_a_missing_second_review_names_the_safeguard_not_a_person(text):
    assert categories(text) == []


def test_a_pull_request_merged_without_its_steps_is_still_hindsight():
    assert "counterfactual" in categories("Both pull requests were merged without rebasing.")
