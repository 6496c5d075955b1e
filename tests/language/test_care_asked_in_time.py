"""A verb of care asked of the reader at the moment of their own workflow ("when you
merge") or set in time ("next time") is a plea to try harder; the same verb in a
runbook's step, or a plan with a date, is not.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Check the target branch when pushing a hotfix.",
        "Verify the version number when you tag the release.",
        "Read the generated plan next time.",
        "Going forward, test the chart upgrade on a scratch cluster.",
        "Kindly make your changes through merge requests.",
        "Please err on the side of caution and roll back early.",
    ],
)
def test_care_asked_of_the_reader(text):
    assert "UB504" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Check the replica lag when promoting the standby.",
        "Review the alert thresholds next quarter.",
        "Verify the restore by querying the orders table.",
        "The bot comments when you push a tag without a changelog entry.",
    ],
)
def test_a_runbook_step_or_a_plan_is_not_a_plea(text):
    assert "UB504" not in _rules(text)
