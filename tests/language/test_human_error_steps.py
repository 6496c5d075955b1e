"""A person's slip given as the cause without the words "human error" (learned on
shapes-train9): a misstep, a rule not followed, an oversight that left something
open, a value or unit entered wrong, and "it was a typo, someone wrote …".

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The failover traces back to a procedural misstep by the night shift.",
        "A mis-step by a contractor during the rewiring left the rack without power.",
        "One operational misstep during the cutover snowballed into a day of delayed trains.",
        "Outage closed: change procedure not followed by the field team.",
        "The isolation checklist was not followed, which led to the burst main.",
        "An oversight by the payroll clerk left the salary export public for a week.",
        "The overcharge happened because the clerk entered the fee in cents rather than euros.",
        "The flood was the result of a contractor keying in the wrong setpoint for the pump.",
        "honestly it was a typo, someone wrote 0.0.0.0/0 in the ingress list",
    ],
)
def test_a_slip_given_as_the_cause_is_human_error(text: str) -> None:
    assert "human_error" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Rules and checks that are followed, or about to be.
        "Make sure the change procedure is followed before the window opens.",
        "The procedure was followed to the letter and the failover still stalled.",
        # A system entering a wrong unit is a defect, told without a person.
        "The script sets the timeout in seconds rather than milliseconds.",
        "The form rejects a wrong value entered in the dose field.",
        # A misstep that is not a cause.
        "We walked through each step of the cutover with the night shift.",
        # A typo that is caught, or that caused nothing.
        "The linter caught the typo before merge.",
    ],
)
def test_no_human_error_without_a_slip_as_cause(text: str) -> None:
    assert "human_error" not in categories(text)
