"""Hindsight told as an outcome avoidable "by first reading the documentation", care
that "failed to act", a decision that "should have resulted in a major version
change" in a second clause joined by "and it …".

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents as kinds
from unblame.language import clause


@pytest.mark.parametrize(
    "text",
    [
        "Both regressions could have been avoided by first reading the upgrade notes.",
        "The duty manager failed to act on the first alarm.",
        "Fair point, and it should have resulted in a major version change.",
    ],
)
def test_hindsight_on_a_step_of_care_is_counterfactual(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The outage could have been avoided by adding a canary stage.",
        "The deploy job failed to act on the signal.",
    ],
)
def test_a_safeguard_missing_or_a_job_failing_is_not(text):
    assert "counterfactual" not in categories(text)


def test_and_with_a_pronoun_and_its_verb_opens_a_clause():
    text = "We paged the storage team and they rolled back the flag."
    agents = [c.agent for c in clause.read(text, 0, len(text)).clauses]
    assert agents == [kinds.GROUP, kinds.OTHER]
