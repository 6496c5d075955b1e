"""Hindsight told with no person in it: an outcome that "could easily have been avoided", a
person's step whose timing is judged, and a change that went out "without proper testing".

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _codes(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "All of this could easily have been avoided.",
        "The whole outage should have been prevented.",
        "In hindsight, the failover should have happened much sooner.",
        "The escalation should have come earlier.",
        "The patch was rolled out without proper validation.",
        "The schema change was merged without any testing.",
    ],
)
def test_hindsight_about_steps_is_read(text):
    assert "UB307" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "This could have been avoided with a presubmit check.",
        "The outage could have been prevented by a quota on the batch queue.",
        "The page should have come sooner: the alert threshold was too high.",
        "The batch job should have started earlier, but the scheduler was paused.",
    ],
)
def test_what_the_system_lacked_is_not_hindsight_about_people(text):
    assert "UB307" not in _codes(text)
