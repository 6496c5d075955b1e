"""The writer's act judged or gone astray ("sloppy editing on my part", "pushed to main
instead of my fork", "left the branch failing", "while forgetting to bump"); remedies
that ask for conduct ("can everyone please test before pushing", "procedures must be
followed", "staff retraining"); hindsight in passive steps and inverted conditions.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Three dashboards broke because of some hasty renaming on my part.",
        "Some bad copy-pasting on my end took out the staging config.",
        "I'm flagellating myself over the missed renewal.",
        "Been beating myself up about the cache purge all week.",
    ],
)
def test_an_act_of_mine_judged_is_self_blame(text):
    assert "UB206" in codes(text)


def test_good_work_on_my_part_is_no_judgement():
    assert not codes("Decent work on my part, if I say so myself.")


@pytest.mark.parametrize(
    "text",
    [
        "I pushed the hotfix to upstream instead of my fork.",
        "I merged the branch into release instead of develop.",
        "I left the docs site in a broken state over the weekend.",
    ],
)
def test_my_change_put_where_it_was_not_meant_or_left_broken_is_a_self_report(text):
    assert "UB205" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I restarted the replica instead of failing over, as the runbook says.",
        "We shipped the fix behind a flag instead of waiting for the train.",
        "The migration left the table in an inconsistent state.",
    ],
)
def test_a_choice_made_or_a_things_state_is_no_self_report(text):
    assert "UB205" not in codes(text)


def test_another_person_leaving_a_thing_broken_is_blame():
    assert "UB101" in codes("Ferreira left the release branch in a broken state.")


def test_a_step_forgotten_while_acting_is_the_writers_hindsight():
    assert "UB204" in codes("I cut the release while forgetting to bump the chart version.")


def test_an_inverted_condition_after_its_clause_is_the_writers_hindsight():
    assert "UB204" in codes("I'd have seen it had I actually been watching the graphs.")


@pytest.mark.parametrize(
    "text",
    [
        "Can everyone please run the linter before pushing?",
        "Can we all test migrations locally first?",
        "Can I ask that releases not be tagged without a changelog.",
        "Going forward, the change process must be followed for every DNS edit.",
        "Operators have been told not to restart the primary by hand.",
        "Staff retraining on the new paging console.",
    ],
)
def test_a_remedy_that_asks_for_conduct_is_try_harder(text):
    assert {"UB502", "UB504"} & codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The failover procedure should be followed when the primary is down.",
        "The new checklist will be followed by the release bot.",
        "Staff training materials moved to the wiki last month.",
        "Can everyone see the dashboard now?",
    ],
)
def test_a_runbooks_own_instruction_or_a_thing_is_no_plea(text):
    assert not {"UB502", "UB504"} & codes(text)


def test_one_person_barred_is_a_sanction_not_training():
    found = codes("Okafor has been asked not to deploy without a second pair of eyes.")
    assert "UB503" in found
    assert "UB502" not in found


@pytest.mark.parametrize(
    "text",
    [
        "In hindsight, the branch should have been rebased before it landed.",
        "The schema should have been backed up before the migration.",
        "Someone did something they weren't supposed to do.",
    ],
)
def test_hindsight_on_a_step_or_a_rule_broken_is_counterfactual(text):
    assert {"UB301", "UB307"} & codes(text)


def test_a_job_not_meant_to_run_is_no_hindsight():
    assert not codes("The job wasn't supposed to run on weekends.")
