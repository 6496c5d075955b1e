"""Verdicts given by someone who judges ("the board found the driver at fault"),
and the crews of aircraft named as people ("the pilots ignored the warning")
while a pilot project stays a thing.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "The tribunal held the crane operator at fault for the collapse.",
        "Investigators concluded that the signaller was at fault.",
        "The ferry's helmsman was deemed at fault by the coroner.",
        "The utility ruled both field technicians at fault for the fire.",
        "The contractor has been found partly at fault.",
    ],
)
def test_a_verdict_given_by_a_judge_is_fault_assigned(text):
    assert "UB104" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The tribunal held the crane operator not at fault.",
        "The inquiry found no one at fault.",
        "Investigators found the brake sensor at fault.",
        "The review found the vendor's firmware at fault.",
        "We found the cache at fault after an hour of tracing.",
    ],
)
def test_no_verdict_on_a_person_is_no_fault_assigned(text):
    assert "UB104" not in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The pilot was at fault for the hard landing.", "UB104"),
        ("The pilots ignored the stall warning twice.", "UB106"),
        ("The pilot should have gone around after the second warning.", "UB301"),
    ],
)
def test_a_pilot_is_a_person(text, code):
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The pilot program was at fault for the missing metrics.",
        "The pilot rollout should have been limited to one region.",
        "In the pilot, three customers saw errors.",
        "The pilot failed because the feature flag was off.",
    ],
)
def test_a_pilot_project_is_a_thing(text):
    assert not codes(text) & {"UB104", "UB106", "UB301", "UB101", "UB102"}
