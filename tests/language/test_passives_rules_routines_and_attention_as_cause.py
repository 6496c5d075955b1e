"""A passive whose verb carries a particle ("was shut down by the technician"), a
safeguard shared by two verbs ("failure to use and follow"), rules asked of everyone
("Follow the rules"), a check made a daily routine, and a failing of attention given as
the cause ("due to driver distraction"); with the sentences that share their words.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The feeder was accidentally shut down by the technician.",
        "The pump was switched off by the operator by mistake.",
    ],
)
def test_a_passive_with_a_particle_names_its_person(text):
    assert "blame_other" in _categories(text)


def test_a_passive_with_a_particle_done_by_a_thing_blames_nobody():
    assert not _categories("The feeder was shut down by the protection relay.")


def test_a_safeguard_shared_by_two_verbs_is_still_owed():
    text = "Investigators cited the crew's failure to use and follow the landing checklist."
    assert "counterfactual" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Follow the rules.",
        "Stick to all safety procedures, whatever the pressure.",
        "Review the access procedures daily.",
        "Check the backup report every morning.",
    ],
)
def test_rules_and_routines_asked_of_people_are_try_harder(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Follow the procedure below to restore the volume.",
        "Follow the procedures in section 3 of the runbook.",
        "Read the daily report for the figures.",
        "The job checks the backups daily.",
    ],
)
def test_steps_pointed_to_and_machines_on_a_schedule_ask_no_care(text):
    assert "try_harder" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The derailment was due to driver distraction.",
        "The missed page was put down to a lapse in concentration.",
        "Most of the spills happened due to simple forgetfulness.",
    ],
)
def test_a_failing_of_attention_given_as_the_cause(text):
    assert "human_error" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The console was redesigned to reduce errors caused by distraction.",
        "The new alert grouping reduces distraction for the on-call.",
    ],
)
def test_a_design_against_the_failing_gives_no_cause(text):
    assert "human_error" not in _categories(text)
