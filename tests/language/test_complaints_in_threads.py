"""Blame as threads put it: the act questioned in the passive ("Why was this merged?"),
"how hard is it to run the tests?", a habit of not checking one's own work, care refused,
sarcastic thanks ("nice enough to delete …"), "did a mistake"; pleas put as a wish, a
request or a duty; a bad habit owned; and their neighbours that ask for facts.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Why was this even tagged?",
        "How hard is it to run the linter before pushing?",
        "The plugin author doesn't test his releases.",
        "The maintainer refused to review the fix for a month.",
        "The hosting company was kind enough to wipe every backup I had stored there.",
        "Somebody on the infra team did a mistake.",
    ],
)
def test_complaints_at_people_are_blame(text):
    assert set(categories(text)) & {"blame_other", "counterfactual"}


@pytest.mark.parametrize(
    "text",
    [
        "Why was the job restarted at noon?",
        "How hard is it to configure the proxy for IPv6?",
        "Marisol doesn't review pull requests on Fridays.",
        "The server refused to accept the connection.",
    ],
)
def test_questions_about_things_and_schedules_are_not(text):
    assert not set(categories(text)) & {"blame_other", "counterfactual"}


@pytest.mark.parametrize(
    "text",
    [
        "It would be nice if you tested the upgrade path before tagging.",
        "I'd ask everyone to wait for the canary before promoting.",
        "All we are asking is that contributors run the tests locally.",
        "It is the responsibility of every reviewer to read the whole diff.",
        "Kindly double-check the region before deploying.",
    ],
)
def test_vigilance_asked_as_a_wish_a_request_or_a_duty_is_a_plea(text):
    assert "try_harder" in categories(text)


def test_a_feature_wished_for_is_not_a_plea():
    assert "try_harder" not in categories("It would be nice if you could add an IPv6 option.")


def test_a_bad_habit_owned_is_self_blame():
    assert "self_blame" in categories("I have a bad habit of skimming the upgrade notes.")
