"""Hindsight in shapes learned from probes of real writing kept outside the project
(issue 7): an aside between the person and the omission, a neglect named as a noun, and
"should have" with the act left unsaid.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The surgeon, however, failed to check the second line.",
        "The engineer, who was new to the rota, failed to notice the warning.",
        "The root cause was the failure to properly review the firewall change.",
        "Downtime grew after a failure to escalate the second page.",
        "The crane hit a cable run that it was steered into, in a spot they should not have.",
        "I sized the cluster much smaller than I should have.",
        "I merged it on a Friday when I really shouldn't have.",
    ],
)
def test_hindsight_with_an_aside_a_noun_or_the_act_unsaid(text: str) -> None:
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Benedikt, as always, missed nothing in the review.",
        "A failure to connect to the broker left the queue growing.",
        "The job took longer than it should have, because the index was cold.",
        "Should I have paged the database team earlier?",
    ],
)
def test_things_praise_and_questions_are_not_hindsight(text: str) -> None:
    assert "counterfactual" not in categories(text)


# --- What a sentence does not tell: risks, open questions, concessions, longing ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Operator error will always be a risk; the response to it is what counts.",
        "A common cause of outages across the industry is human error.",
        "The regulator publishes yearly figures on breaches involving human error.",
        "When human error is identified as the cause, ask whether the person had a chance.",
    ],
)
def test_human_error_as_a_standing_risk_or_category_is_no_cause(text: str) -> None:
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The trust would not say whether anyone had been disciplined.",
        "Irrespective of who broke it, the release notes are no place for insults.",
        "No matter who merged it, the pipeline let it through.",
        "Our deploy bot was sorely missed while it was down.",
    ],
)
def test_open_questions_concessions_and_longing_judge_nobody(text: str) -> None:
    assert categories(text) == []


def test_a_past_perfect_if_still_tells_what_happened() -> None:
    assert "counterfactual" in categories(
        "If the on-call had checked the host, the table would be there."
    )


def test_the_cause_of_these_outages_is_a_cause_given() -> None:
    assert "human_error" in categories(
        "The biggest cause of the outages last week was human error."
    )
