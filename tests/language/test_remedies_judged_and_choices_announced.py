"""A weak remedy judged not to work is not proposed ("reminder emails may not be the
most effective way"); a choice announced as it is made is no hindsight ("I am merging
this without a review as …"); a blame denied in reports is not the writer's claim.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Sending reminder emails to all staff may not be the most effective way.",
        "Retraining the on-call rotation rarely works.",
        "Telling engineers to double-check would not be enough.",
    ],
)
def test_a_weak_remedy_judged_not_to_work_is_not_proposed(text):
    assert not {"UB501", "UB502", "UB504"} & codes(text)


def test_a_weak_remedy_proposed_is_still_flagged():
    assert "UB502" in codes("We will send reminder emails to all engineers.")


def test_a_choice_announced_as_it_is_made_is_no_hindsight():
    assert not codes("I am merging this PR without a code review as we ship the fix tonight.")


def test_the_same_act_told_after_the_fact_is():
    assert "UB204" in codes("I merged this PR without a code review.")


@pytest.mark.parametrize(
    "text",
    [
        "The carrier denied reports that its technician botched the upgrade.",
        "The spokesperson dismissed claims that an engineer accidentally cut the fibre.",
    ],
)
def test_a_blame_denied_in_reports_is_not_flagged(text):
    assert not {"UB101", "UB102"} & codes(text)


def test_a_denial_elsewhere_does_not_hide_the_blame_after_it():
    text = "The carrier denied it, but the technician accidentally cut the fibre."
    assert "UB102" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A memo was distributed to all maintenance staff describing the incident.",
        "Letter sent to every shift technician stressing the lockout steps.",
    ],
)
def test_a_reminder_sent_round_to_staff_is_a_training_remedy(text):
    assert "UB502" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A notice was sent to all tenants about the maintenance window.",
        "The status email was sent to all customers at 14:00.",
    ],
)
def test_a_notice_to_customers_is_no_reminder_to_staff(text):
    assert "UB502" not in codes(text)
