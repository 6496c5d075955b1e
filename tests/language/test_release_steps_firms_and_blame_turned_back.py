"""Release steps missed before an outage, a firm's things failing, apologies for what
users saw, comparisons about things, and blame turned back on its target.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The chart version had not been bumped before the release was cut.",
        "The changelog entry hadn't been written when the tag went out.",
        "The alert was muted for the load test and never re-enabled.",
        "The smoke suite was not re-run after the last rebase.",
    ],
)
def test_a_release_step_missed_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The deploy guide hasn't been updated since the cluster move.",
        "The cache entry had not been found, so the request went to the origin.",
    ],
)
def test_a_present_state_or_a_lookup_is_no_missed_step(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "This rename should have been a breaking release.",
        "That should've been a breaking change, not a patch.",
    ],
)
def test_the_form_of_a_release_judged_after_the_fact(text):
    assert "counterfactual" in categories(text)


def test_a_breaking_release_told_as_done_is_no_judgement():
    assert categories("The rename went out as a breaking release with a guide.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The timeouts were caused by our CDN provider's edge nodes dropping requests.",
        "The outage was caused by the vendor's firmware update on the switches.",
        "Most 503s were caused by one of our suppliers' gateways timing out.",
    ],
)
def test_a_firms_thing_failing_is_no_persons_act(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The outage was caused by the new contractor.",
        "The purge was caused by the contractor's crew running the old script.",
    ],
)
def test_a_person_after_by_is_still_named_as_the_cause(text):
    assert "blame_other" in categories(text)


def test_an_engineers_slip_after_by_is_still_human_error():
    assert "human_error" in categories("The outage was caused by the engineer's typo.")


@pytest.mark.parametrize(
    "text",
    [
        "Our apologies for the error many of you saw while paying.",
        "Thanks for bearing with us, and apologies for the errors this afternoon.",
    ],
)
def test_an_apology_for_the_error_users_saw_is_a_formula(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    ["Apologies for this error, I pasted the wrong key.", "Sorry for the silly error."],
)
def test_an_apology_for_ones_own_error_is_still_judged(text):
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The leak made restarts happen far more often than they should have.",
        "The race caused them to be much slower than they should have been.",
    ],
)
def test_they_after_than_can_be_the_things_an_event_happens_to(text):
    assert "counterfactual" not in categories(text)


def test_people_compared_with_what_they_should_have_done_stay_hindsight():
    assert "counterfactual" in categories("We waited much longer than we should have.")


@pytest.mark.parametrize(
    "text",
    [
        "You only have yourself to blame here.",
        "The platform team has nobody to blame but themselves.",
        "She has no one else to blame but herself.",
    ],
)
def test_blame_turned_back_on_another_is_blame(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text", ["I only have myself to blame.", "We had nobody to blame but ourselves."]
)
def test_blame_turned_back_on_the_writer_is_self_blame(text):
    assert "self_blame" in categories(text)


def test_having_oneself_something_is_no_blame():
    assert categories("You have yourself a shiny new dashboard.") == []
