""" "Once" as a count ("without even once checking") keeps its clause whole; havoc wreaked
by a person is a wreck; hindsight may say for whom ("it would have been appropriate for
the employee to …") and name a person by what they ran ("if the driver of train 9 had …").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.clause import read


def test_once_as_a_count_does_not_open_a_clause():
    text = "The admin rebooted every host without even once checking the quorum."
    assert len(read(text, 0, len(text)).clauses) == 1
    assert "UB302" in codes(text)


def test_once_opening_a_clause_still_does():
    text = "Once the admin rebooted the hosts, the quorum came back."
    assert len(read(text, 0, len(text)).clauses) == 2


def test_havoc_wreaked_by_a_person_is_a_wreck_and_by_weather_is_not():
    assert "UB101" in codes("Renata wreaked havoc on the billing cluster last night.")
    assert not codes("The ice storm wreaked havoc on the regional grid.")


@pytest.mark.parametrize(
    "text",
    [
        "It would have been appropriate for the operator to isolate one feeder, not two.",
        "It would have been wiser for us to wait for the canary.",
    ],
)
def test_hindsight_that_says_for_whom_is_still_hindsight(text):
    assert "UB306" in codes(text)


def test_a_person_named_by_what_they_ran_in_a_counterfactual_if():
    text = "If the driver of the 06:12 service had braked at the signal, it would have stopped."
    assert "UB303" in codes(text)
