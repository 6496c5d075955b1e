""" "Human error" talked about as a kind of thing is no cause given: every error of
the kind, whenever one is named, ordinary slips, a way of seeing named by the
label, and the label set aside among causes.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Any operator error should be read as a design question about the console.",
        "Most human errors in our history trace back to screens with no confirmation.",
        "Whenever a derailment is put down to driver error, the signalling gets a pass.",
        "Every time a review names human error, the action items get vaguer.",
        "Dashboards should survive ordinary human mistakes without paging anyone.",
        "Nobody gets disciplined for the odd, very understandable human mistake.",
        "Calling it a human error narrative hides the missing interlock.",
        "The inquiry listed causes other than pilot error: fatigue and a faulty gauge.",
    ],
)
def test_the_label_as_a_kind_of_thing_is_no_cause(text):
    assert "UB401" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The outage was caused by operator error.",
        "The derailment was put down to driver error.",
        "Root cause: human error during the failover.",
        "The board blamed pilot error for the hard landing.",
    ],
)
def test_the_label_given_as_this_events_cause_is_still_found(text):
    assert "UB401" in codes(text)
