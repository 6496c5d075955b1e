"""Blame as the news tells it: a person or a worker "has been blamed for" the outage,
an outage "attributed to a single employee", "the fault of one worker"; and a care
verb in British spelling ("did not recognise").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "A lone technician has been blamed for the station blackout.",
        "Crews for a cable contractor are being blamed for the fibre cut.",
        "The ferry's delay is being attributed to a single deckhand employee.",
        "Officials said the flooding was the fault of one maintenance worker.",
    ],
)
def test_a_person_blamed_in_the_passive_is_blame(text):
    assert "UB104" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The heatwave was blamed for the station blackout.",
        "Nobody was blamed for the fibre cut.",
        "The delay was attributed to a single failed pump.",
    ],
)
def test_a_thing_blamed_or_nobody_is_not_blame(text):
    assert "UB104" not in codes(text)


def test_a_care_verb_in_british_spelling_is_an_omission():
    assert "UB302" in codes("The duty nurse did not recognise the falling oxygen levels.")


def test_a_thing_that_did_not_recognise_is_no_omission():
    assert "UB302" not in codes("The parser did not recognise the new token.")
