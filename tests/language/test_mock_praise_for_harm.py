"""Mock praise or thanks for the harm itself ("great job deleting the staging
database", "nice job breaking the build"), and real thanks for cleanup ("thanks for
deleting the stale branches"): deleting, wiping, dropping and killing count as harm only
with something live or shared as their object.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Great job taking down checkout on launch day.",
        "Well done, bricking the shared build box.",
        "Nice one wiping the production replica.",
        "Thanks for dropping the prod database, really.",
    ],
)
def test_mock_praise_or_thanks_for_harm_is_blame(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for deleting the stale feature branches.",
        "Great job dropping the p99 below 200 ms.",
        "Nice work killing the flaky test.",
    ],
)
def test_thanks_for_cleanup_or_a_fix_is_no_blame(text):
    assert categories(text) == []
