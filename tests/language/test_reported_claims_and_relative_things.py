"""Whose act a clause tells: a thing's slip in a relative clause ("a bot that
accidentally pushed"), a design's behaviour for anyone ("if you didn't pass a
region, the tool would …"), a claim someone reported ("the vendor claimed …") and a
claim reported and turned down; a slip in scare quotes is still named as someone's.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.clause import read


@pytest.mark.parametrize(
    "text",
    [
        "We ran a sync job that accidentally overwrote the staging bucket.",
        "I maintain a release bot which mistakenly tagged the nightly as stable.",
    ],
)
def test_a_things_slip_in_a_relative_clause_is_not_the_writers(text):
    assert not {"UB205", "UB102"} & codes(text)


def test_the_relative_clause_after_a_thing_has_the_thing_as_its_agent():
    text = "We ran a sync job that accidentally overwrote the staging bucket."
    clauses = read(text, 0, len(text)).clauses
    assert [c.agent for c in clauses] == ["group", "system"]


@pytest.mark.parametrize(
    "text",
    [
        "We brought in a contractor that accidentally overwrote the staging bucket.",
        "It was Ilario that mistakenly tagged the nightly as stable.",
    ],
)
def test_a_persons_slip_in_a_relative_clause_is_still_theirs(text):
    assert "UB102" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the old firmware, if you didn't set a channel, the radio would reboot.",
        "If someone forgot to pass a region, the tool would purge every region.",
    ],
)
def test_a_design_that_behaves_so_for_anyone_is_no_omission(text):
    assert "UB302" not in codes(text)


def test_a_real_omission_in_the_second_person_is_still_one():
    assert "UB302" in codes("You didn't check the replica lag before the failover.")


@pytest.mark.parametrize(
    "text",
    [
        "The carrier claimed operator error caused the blackout, but we disagree.",
        "Some argue human error is behind most outages, but I don't agree.",
    ],
)
def test_a_reported_claim_turned_down_is_not_the_writers_cause(text):
    assert not {"UB101", "UB401"} & codes(text)


def test_the_speaker_of_a_claim_is_not_the_agent_of_the_cause():
    assert "UB101" not in codes("The carrier claimed operator error caused the blackout.")


def test_a_person_named_inside_the_claim_is_still_the_agent():
    assert "UB101" in codes("The carrier claimed the technician caused the blackout.")


def test_a_slip_in_scare_quotes_is_still_named_as_someones():
    text = "The blackout, the mayor said, came from the fitter’s “mistake” with the breaker."
    assert "UB104" in codes(text)
