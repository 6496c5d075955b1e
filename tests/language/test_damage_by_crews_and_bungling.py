"""Damage to buried plant by a crew ("drilled through a fibre cable", "hit a gas main"),
a bad command typed, the place in the work forgotten, and "bungling" or "inept" put on
people; and the same damage done by weather or a machine.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "A paving contractor drilled through the fibre trunk behind the exchange.",
        "A contractor hit a gas main while digging the new footings.",
        "An operator typed a bad command into the billing console.",
        "The vendor bungled the cut-over.",
    ],
)
def test_a_person_damaging_plant_or_judged_as_bungling_is_blamed(text):
    assert "blame_other" in categories(text)


def test_forgetting_which_step_one_was_on_is_a_step_left_undone():
    assert "counterfactual" in categories(
        "The fitter forgot what step he was on after the call-out."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Lightning struck a power line near the exchange.",
        "The storm damaged several fibre cables along the coast.",
        "The backhoe's GPS hit no utilities during the survey.",
    ],
)
def test_weather_and_machines_damaging_plant_blame_no_one(text):
    assert "blame_other" not in categories(text)
