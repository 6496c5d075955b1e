"""A procedure set aside: deviating from it, not adhering to or complying with it, acting
without following it, and a change going ahead despite the warnings or the evidence (not
despite a holiday).

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The night crew deviated from the isolation procedure.", "blame_other"),
        ("The engineer strayed from the runbook at step 6.", "blame_other"),
        ("The vendor did not adhere to the maintenance window.", "counterfactual"),
        ("The patch was applied without following the checklist.", "counterfactual"),
        ("The cut-over proceeded despite repeated alerts.", "counterfactual"),
    ],
)
def test_a_procedure_or_a_warning_set_aside_is_flagged(text, category):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The traffic deviated from the usual pattern after the launch.",
        "The release went ahead despite the bank holiday.",
        "The job proceeded despite the slow disk, as designed.",
    ],
)
def test_traffic_or_a_schedule_set_aside_is_no_blame(text):
    assert categories(text) == []
