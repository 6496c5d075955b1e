"""Contempt for what someone did or left undone, a change merged "in the first place",
a person reviewing their own commits, a mistake "committed"; and the same words about
days and things.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "I despise you for not writing commit messages.",
        "How did this get merged in the first place?",
        "You reviewed your own commits?",
        "The fitter committed the same mistake as the crew before him.",
    ],
)
def test_contempt_self_review_and_a_committed_mistake_are_blame(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hate working on Fridays.",
        "How did this get fixed so quickly?",
        "The bot merged its own dependency bumps overnight.",
    ],
)
def test_feelings_about_days_fixes_and_bots_are_not(text):
    assert "blame_other" not in categories(text)
