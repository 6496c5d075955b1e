"""A person rated as a worker, a decision of theirs judged, and care put on each person as
the remedy ("it is the responsibility of each engineer to verify", "re-emphasised the
importance of following the checklist", "were told to test locally").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Quentin is a lousy reviewer.",
        "She's not a strong operator, honestly.",
        "He wasn't a particularly careful engineer.",
        "The DBA made a questionable decision to drop the index.",
        "Our vendor's admin made some reckless choices that week.",
    ],
)
def test_rating_another_person_is_blame(text):
    assert "UB103" in codes(text)


@pytest.mark.parametrize(
    "text",
    ["I made a poor decision to fail over.", "I'm not a good enough on-call for this."],
)
def test_rating_oneself_is_self_blame(text):
    assert "UB202" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Quentin is a great reviewer.",
        "The tool is a poor substitute for an engineer.",
        "The alert was a poor signal for the on-call.",
        "The balancer made a bad choice of backend.",
        "It's not a good engineer experience.",
        "I made a good decision to fail over.",
    ],
)
def test_praise_and_ratings_of_things_are_not(text):
    assert not codes(text) & {"UB103", "UB202"}


@pytest.mark.parametrize(
    "text",
    [
        "Developers were told to test their branches locally first.",
        "Operators were advised to wait for the second alert before paging.",
        "We have re-emphasised the importance of following the rollout checklist.",
        "The team reiterated the importance of double-checking the region.",
        "It is the responsibility of each engineer to verify their migration.",
        "It is each developer's responsibility to check the target before deploying.",
        "It is up to every operator to confirm the host.",
    ],
)
def test_care_put_on_people_is_try_harder(text):
    assert "UB502" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The outage highlighted the importance of monitoring disk usage.",
        "The responsibility of the scheduler is to check leases.",
        "Clients were told to retry after the maintenance window.",
    ],
)
def test_a_lesson_about_the_system_or_a_notice_to_clients_is_not(text):
    assert "UB502" not in codes(text)
