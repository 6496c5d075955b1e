"""Care left undone told in the register of inspection and safety reports: a step owed
before the act ("did not drain the line before opening it", "prior to reaching"), a
step the rules required ("did not complete the required checks"), "omitted to", an
adverb of care ("failed to accurately transcribe"), inspecting and examining as acts
of attention, clinical roles, and a person's "failure to" as a board's finding.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.agents import OTHER, agent_of


@pytest.mark.parametrize(
    "text",
    [
        "The crane operator did not check the shackle before lifting the load.",
        "The operators did not open the bypass prior to starting the pump.",
        "The night staff did not perform the required fall assessment.",
        "The clerk omitted to attach the signed consent form.",
        "The pharmacist failed to accurately record the dose.",
        "The co-pilot did not visually inspect the de-icing boots.",
        "The driver's failure to observe the signal caused the collision.",
        "The failure by the technician to lock out the panel led to the shock.",
        "The prescriber did not follow the standard for legible orders.",
    ],
)
def test_care_left_undone_in_a_reports_words_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The job did not finish before the deadline.",
        "The pump's failure to start tripped the alarm.",
        "The valve did not open before reaching the setpoint.",
    ],
)
def test_machines_and_deadlines_are_no_omission(text):
    assert "counterfactual" not in categories(text)


@pytest.mark.parametrize("role", ["prescriber", "clinician", "locum", "requester"])
def test_clinical_and_clerical_roles_are_people(role):
    assert agent_of(f"The {role}") == OTHER
