"""Claims denied whole ("It's not that people got careless"), a determiner's noun read
without a verb in between, a mistake in code's logic as a defect, a habit the writer
keeps, human error as a product of the system, and a remedy described as a reflex.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "It's not that the operators got sloppy over the years.",
        "It is not that our reviewers are careless or lazy.",
        "It wasn't that the on-call was negligent; the page never reached her.",
        "The failover stalled, not because the SRE was careless, but because the lock was held.",
    ],
)
def test_a_verdict_inside_a_denied_claim_is_not_blame(text):
    assert "UB103" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's not that the tooling was bad, but the operator was careless.",
        "It's not the tooling; it's that the reviewer was careless.",
        "The operator was careless, and that is not because of the tooling.",
    ],
)
def test_a_verdict_after_the_denial_turns_is_still_blame(text):
    assert "UB103" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Let me say it plainly: this isn't the engineer's fault.",
        "That wasn't the operator's mistake at all.",
    ],
)
def test_a_denied_fault_with_a_demonstrative_subject_is_not_blame(text):
    assert "UB104" not in codes(text)


@pytest.mark.parametrize(
    "text", ["That was the engineer's fault.", "This one is the new contractor's fault."]
)
def test_a_fault_named_after_a_demonstrative_subject_is_still_blame(text):
    assert "UB104" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The outage turned out to be a mistake in the backoff logic.",
        "Bills doubled because of an error in the proration formula.",
        "It was an error in the shard-selection algorithm.",
    ],
)
def test_a_mistake_in_code_logic_is_a_defect_not_a_human_error(text):
    assert not {"UB401", "UB402"} & codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A typo in the backoff settings took the workers offline.",
        "The outage was traced to a mistake in the hand-written cutover script.",
    ],
)
def test_a_typo_or_a_mistake_in_a_hand_made_change_is_still_one(text):
    assert "UB402" in codes(text)


def test_a_habit_the_writer_keeps_is_no_confession():
    assert not codes("I would never tag a release without the changelog reviewed.")


@pytest.mark.parametrize(
    "text",
    [
        "Operator error usually is a symptom of a confusing console.",
        "Human error is typically the product of the tools people are given.",
    ],
)
def test_human_error_as_the_product_of_the_system_is_no_cause(text):
    assert "UB401" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The first instinct after an outage is to retrain the people involved.",
        "The usual reaction was to remind everyone to be more careful.",
    ],
)
def test_a_weak_remedy_described_as_a_reflex_is_not_proposed(text):
    assert not {"UB501", "UB502", "UB504"} & codes(text)


def test_a_weak_remedy_proposed_is_still_flagged():
    assert "UB502" in codes("We will retrain the people involved on the failover runbook.")
