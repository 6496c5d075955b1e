"""An event foretold after a fix ("so this issue should never occur again") asks no one
to do anything; an act asked never to be done again still does.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Both races are fixed, so the deadlock should never occur again.",
        "With the lock in place this can never happen again.",
        "The guard means the double charge will never recur again.",
    ],
)
def test_an_event_foretold_is_no_plea(text):
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Never force-push to the release branch again.",
        "Please don't merge with red tests again.",
        "This will never happen again, I promise.",
    ],
)
def test_an_act_asked_never_again_or_a_vow_is_still_a_plea(text):
    assert "try_harder" in categories(text)
