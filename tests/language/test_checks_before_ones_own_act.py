"""An imperative check set before the reader's own next act ("Test locally before you
deploy", "Make sure the tests pass before merging") asks people to be careful each
time (UB504); "check out" is a version-control step, and "make sure" a one-off task,
unless it recurs.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Test the playbook locally before you run it on the fleet.",
        "Check the invoice batch before you press approve.",
        "Review the generated SQL before anyone runs it.",
        "Confirm the version bump before merging.",
        "Make sure the dry run is clean before you apply.",
        "Make sure the canary is green each time you promote.",
    ],
)
def test_a_check_before_ones_own_act_asks_for_care(text):
    assert "UB504" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Check out the hotfix branch before you build the image.",
        "Check in the lockfile with the dependency bump.",
        "Make sure the new dashboard shows the queue depth.",
        "The deploy tool checks the canary before it promotes.",
        "Restart the worker after you change the config.",
        # A runbook's step addresses no one: its "before" orders the steps.
        "4. Confirm the standby is in sync before promoting it.",
    ],
)
def test_version_control_steps_tasks_and_tooling_are_no_plea(text):
    assert "UB504" not in _rules(text)
