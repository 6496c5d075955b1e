"""A habit of care asked after in the present, of everyone or of nobody ("Does anyone
ever read the release notes?", "Does nobody test these before merging?"), is an
accusing question (UB105); asking for news or facts is not.

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
        "Does anyone ever check the staging alerts?",
        "Does anybody around here ever review the Terraform plans?",
        "Does nobody verify the backups any more?",
        "Do no one on this team read the runbook?",
    ],
)
def test_a_habit_of_care_asked_after_is_an_accusing_question(text):
    assert "UB105" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone ever restored from the cold backups?",
        "Does anyone know why the nightly job failed?",
        "Does anyone ever use the v1 export endpoint?",
    ],
)
def test_news_facts_and_usage_asked_for_are_no_accusation(text):
    assert "UB105" not in _rules(text)
