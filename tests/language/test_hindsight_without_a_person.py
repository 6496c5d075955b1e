"""Hindsight told with no person in it: an outcome that "could easily have been avoided", a
person's step whose timing is judged, and a change that went out "without proper testing".

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


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
    assert "UB307" in codes(text)


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
    assert "UB307" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Had I pinged the owners first, we might have caught the conflict.",
        "Had I known the cache was shared, I would have flushed it per tenant.",
        "Honestly, had I waited for the canary, none of this would have shipped.",
    ],
)
def test_the_writers_inverted_if_is_hindsight_about_the_writer(text):
    assert "UB204" in codes(text)


def test_a_question_that_opens_with_had_i_asks():
    assert "UB204" not in codes("Had I tagged the release before you pulled it?")


def test_personnel_are_people():
    text = "The ledger was corrupted by personnel who failed to follow the runbook."
    assert "UB302" in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("We were far too slow to fail over.", "UB302"),
        ("They took way too long to escalate the page.", "UB302"),
        ("The failover took far too long.", "UB307"),
        ("The whole incident was entirely avoidable.", "UB307"),
        ("This outage was preventable.", "UB307"),
        ("A more attentive reviewer would have caught the typo.", "UB103"),
    ],
)
def test_slowness_preventability_and_a_better_person_are_judged(text, code):
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bug was preventable with a type check in CI.",
        "The build took too long because the cache was cold.",
        "A better tool would have caught it.",
        "The restore was slow to start: the snapshot was in cold storage.",
    ],
)
def test_what_the_system_lacked_or_did_is_not_judged(text):
    assert not codes(text) & {"UB302", "UB307", "UB103"}
