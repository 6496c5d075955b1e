"""The label or a mistake talked about in general: a contributor to outages as a kind
("remains a contributor to banking outages"), the reason firms in general lose uptime,
a habit of causes ("it's usually down to human error"), and mistakes as the leading
cause of outages, not this incident's cause.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Operator error is still a big contributor to telecom outages.",
        "The main reason businesses suffer downtime is human error.",
        "Outages like this are typically down to human error.",
        "Errors by contractors are the leading cause of unplanned downtime.",
    ],
)
def test_the_label_in_general_is_no_cause_of_this_incident(text):
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human error was the main contributor to the outage.",
        "The outage was down to human error.",
        "A mistake by the contractor caused the outage.",
    ],
)
def test_the_label_as_this_incidents_cause_is_still_flagged(text):
    assert categories(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Operator error tells you where to start looking, nothing more.",
        "Pilot error is cited in most aviation accidents.",
        "Most breaches involve a human error somewhere.",
        "Citing human error as the cause closes the review too soon.",
        "The vendor's note says user error, but the form accepted an empty field.",
        "Human error accounts for a large share of downtime industry-wide.",
    ],
)
def test_the_label_as_a_concept_or_a_claim_turned_from_is_no_cause(text):
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human error caused most of the damage in this incident.",
        "The vendor said user error caused the outage.",
    ],
)
def test_the_label_given_as_this_incidents_cause_is_flagged(text):
    assert "human_error" in categories(text)
