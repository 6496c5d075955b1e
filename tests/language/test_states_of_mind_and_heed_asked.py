"""Care asked as a state of mind ("don't get complacent"), as proofreading before a
submission, or as heed owed to a warning in the passive ("alarms must never be
ignored"); with the tips and tool behaviour that share the words.

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
        "Don't get distracted while you are on call.",
        "Never become complacent about the release checklist.",
        "Please do not get sloppy with the rollback steps.",
        "Proofread your runbook edits before submission.",
        "Recheck the firewall values twice.",
        "Alarms must never be ignored.",
        "Warning signs should not be overlooked during a rollout.",
    ],
)
def test_care_asked_of_people_is_a_try_harder_remedy(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Don't get distracted by the spikes; the error budget graph is the signal.",
        "Confirm the replica lag is under five seconds before promoting.",
        "Deprecation warnings should not be ignored by the build.",
        "Steps can't be skipped because the tool enforces the order.",
    ],
)
def test_a_reading_tip_a_runbook_step_or_tool_behaviour_asks_no_care(text):
    assert "try_harder" not in _categories(text)
