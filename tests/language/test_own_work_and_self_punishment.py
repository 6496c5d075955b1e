"""The writer's own piece of work as the agent of the harm, whatever the work is called
("my code caused …", "my hotfix took down …"), and a punishment the writer proposes for
themself ("I should have my push rights revoked").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "My code took down the login page.",
        "My query caused the replica lag.",
        "My upgrade broke the arm64 images.",
    ],
)
def test_the_writers_work_as_the_agent_of_harm_is_self_blame(text):
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "My retention script deleted the expired exports as intended.",
        "My patch fixed the replica lag.",
    ],
)
def test_the_writers_work_doing_what_it_was_meant_to_is_no_blame(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I probably should have my merge rights revoked.",
        "Someone ought to pull my production keys.",
        "I deserve to get my admin access taken away.",
    ],
)
def test_a_punishment_proposed_for_oneself_is_self_blame(text):
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please revoke my old API keys; they were in the leaked file.",
        "We should revoke the contractor's VPN access today.",
    ],
)
def test_revoking_keys_or_access_as_housekeeping_is_no_self_blame(text):
    assert "self_blame" not in categories(text)


def test_the_rights_may_name_where_they_apply():
    assert "self_blame" in categories("I should have my merge rights to main revoked.")


@pytest.mark.parametrize(
    "text",
    ["The burden of the rollback is on him.", "The onus for the missing tags is on the vendor."],
)
def test_the_weight_of_it_put_on_someone_else_is_blame(text):
    assert "blame_other" in categories(text)


def test_the_weight_put_on_us_or_on_a_thing_is_no_blame():
    assert categories("The onus is on the scheduler to retry.") == []
    assert categories("The burden is on us to add the check.") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The one mistake I did was trusting the staging numbers.", "self_blame"),
        ("The big mistake she did was skipping the drain.", "blame_other"),
    ],
)
def test_a_slip_someone_did_is_owned_as_one_they_made(text, category):
    assert category in categories(text)


def test_an_error_not_seen_is_no_slip_owned():
    assert "self_blame" not in categories("The error I didn't expect was a 502 from the proxy.")
