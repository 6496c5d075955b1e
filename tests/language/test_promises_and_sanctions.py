"""The writer's own checking habit promised ("I will test before pushing from now on"),
review by a second person promised as the fix ("all changes will be peer reviewed"),
and sanctions told in a report's words ("appropriate action has been taken against the
staff member", "the contractor has been removed from the account").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I will double-check the region every time from now on.",
        "We'll review the plan output in future before applying.",
        "Going forward, schema changes will be peer reviewed.",
        "Every hotfix must be checked by a second engineer.",
    ],
)
def test_promised_care_and_second_pairs_of_eyes_are_weak_remedies(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Disciplinary action has been taken against the technician.",
        "The operator has been removed from the night rota.",
    ],
)
def test_sanctions_told_in_a_reports_words_are_punitive(text):
    assert "UB503" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The old cron host has been removed from the inventory.",
        "The merge queue will now block changes without an approving review.",
        "I will test the restore on Friday.",
    ],
)
def test_things_removed_and_mechanisms_are_no_plea(text):
    assert "try_harder" not in categories(text)
