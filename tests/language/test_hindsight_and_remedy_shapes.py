"""Hindsight and try-harder remedies in the shapes the ninth set showed (learned on
shapes-train9): a person's past decision graded ("was the wrong call by the DBA"),
a little more care that would have saved the day, "not a single reviewer noticed";
sanctions told as a stern talk or rights suspended, vigilance promised, people made to
read the runbook, and "don't … again" with a hyphenated verb.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents


@pytest.mark.parametrize(
    "text",
    [
        "It was a mistake for the release manager to sign off without a canary.",
        "Failing over by hand was the wrong call by the on-call.",
        "Pausing the consumers was a bad decision on the part of the data team.",
        "With a bit more care in review, the off-by-one would have been caught.",
        "A little more attention from the approver and the bad rule would never have merged.",
        "Not a single engineer noticed that the quota was per region.",
    ],
)
def test_hindsight_on_a_decision_is_counterfactual(text: str) -> None:
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Choosing Postgres was the right call by the team.",
        "It was a mistake in the config loader, fixed in 4.2.",
        "More care is needed around the cache layer's defaults.",
        "Not a single alert fired during the outage.",
        "With more replicas, the failover would have been invisible.",
    ],
)
def test_no_hindsight_on_a_person_without_a_graded_decision(text: str) -> None:
    assert "counterfactual" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The developer involved has had a stern word with their lead.",
        "Maelis's production rights are revoked until further notice.",
        "The support team commits to staying extra vigilant over the holidays.",
        "Leads will make sure their engineers read the new escalation policy.",
        "pls don't hot-patch prod again without telling anyone",
    ],
)
def test_sanctions_and_vigilance_are_try_harder(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The service account's rights are revoked after each rotation.",
        "The job will ensure the replicas are healthy before the switch.",
        "The pipeline commits to the release branch after the checks pass.",
        "The pager stays alert-free while the maintenance window is open.",
    ],
)
def test_no_try_harder_for_systems(text: str) -> None:
    assert "try_harder" not in categories(text)


def test_not_a_single_person_is_nobody_but_not_a_single_alert_is_a_thing() -> None:
    assert agents.agent_of("Not a single reviewer") == agents.NOBODY
    assert agents.agent_of("Not a single alert") != agents.NOBODY
