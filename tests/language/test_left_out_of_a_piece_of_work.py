"""Something left out of a piece of work ("I missed this host in my last change",
"the reviewer missed two call sites in the patch") is care left undone.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I missed the staging bucket in my last change to the lifecycle rules.", "UB204"),
        ("I missed one region in the original migration.", "UB204"),
        ("The contractor missed two breakers in the audit.", "UB302"),
    ],
)
def test_something_left_out_of_a_piece_of_work_is_an_omission(text, code):
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I missed the standup during the incident.",
        "Readers missed the banner in the console.",
        "The probe missed two heartbeats in the last minute.",
    ],
)
def test_missing_a_meeting_or_a_things_miss_is_no_omission(text):
    assert not codes(text) & {"UB204", "UB302"}
