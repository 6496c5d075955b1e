"""Reports keep people anonymous with a number ("Nurse #1", "Employee #3"): the person is
still the agent. "There," before a clause is a place, not the "there" of "there was".

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import OTHER, SYSTEM
from unblame.language.clause import read


def _first_agent(text: str) -> str:
    return read(text, 0, len(text)).clauses[0].agent


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Technician #2 opened the wrong breaker.", OTHER),
        ("Operator #4 typed the wrong setpoint.", OTHER),
        ("Ticket #42 broke the nightly build.", SYSTEM),
        ("There, the on-call engineer restarted the wrong pod.", OTHER),
        ("There was a second alert at 09:12.", SYSTEM),
    ],
)
def test_the_agent_of_numbered_people_and_there(text, agent):
    assert _first_agent(text) == agent


def test_a_numbered_person_slipping_is_blame():
    assert {"UB101", "UB102"} & {f.rule for f in analyze("Technician #2 opened the wrong breaker.")}


@pytest.mark.parametrize(
    "text",
    [
        "The operator's decision to skip the walkdown led to the collision.",
        "The technician's decision to bypass the interlock contributed to the accident.",
    ],
)
def test_a_persons_act_tied_to_a_reports_outcome(text):
    assert "UB101" in {f.rule for f in analyze(text)}


def test_a_things_part_in_the_error_is_not_blame():
    assert "UB101" not in {f.rule for f in analyze("A schema mismatch led to the error.")}
