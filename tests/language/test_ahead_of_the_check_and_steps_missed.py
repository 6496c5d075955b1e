"""A change let out while its check still ran ("merged while the checks were in
progress"), for the writer as for another person; a step of the work missed
("missed updating the schema file"); building and compiling as steps an act went
without; and the writer's own hands acting for the writer.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.agents import SELF, agent_of


@pytest.mark.parametrize(
    "text",
    [
        "I merged the fix while the pipeline was still running.",
        "I tagged the release while the canary was red.",
    ],
)
def test_the_writers_change_let_out_while_its_check_ran(text):
    assert "self_blame" in categories(text)


def test_another_persons_change_let_out_while_its_check_ran():
    assert "blame_other" in categories("The contractor deployed while the tests were pending.")


@pytest.mark.parametrize(
    "text",
    [
        "I missed bumping the version in the manifest.",
        "I shipped the package without actually building it.",
        "The maintainer published the crate without compiling it first.",
    ],
)
def test_steps_missed_or_gone_without_are_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The job ran while the tests were running.",
        "I merged the fix after the pipeline went green.",
        "I missed the standup while the checks were running.",
    ],
)
def test_programs_and_acts_after_the_check_are_no_slip(text):
    assert "self_blame" not in categories(text)
    assert "blame_other" not in categories(text)


def test_the_writers_fingers_are_the_writer():
    assert agent_of("my fingers") == SELF
