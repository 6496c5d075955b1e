"""A request to read what is at hand ("please check the attached log") asks for
attention now, not for care next time: it is no try-harder remedy.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Please check the attached heap dump.",
        "Please read the timeline above for the order of events.",
        "please look at the linked dashboard",
        "Please check the runbook for details on the new flag.",
        "Check the enclosed report, please.",
    ],
)
def test_a_pointer_to_what_is_at_hand_is_no_plea(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Please check your migration before merging.",
        "Please read the diff before you approve.",
        "Please make sure the checklist below is followed on every release.",
        "Please double-check the attached hostnames next time.",
    ],
)
def test_care_asked_of_the_reader_is_still_a_plea(text):
    assert "try_harder" in categories(text)
