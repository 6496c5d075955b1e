"""The writer's own team judged by the writer ("we dropped the ball", "we were idiots",
"we were so careless") is self-blame, not blame of others: the editor must not tell a
writer they are blaming someone else.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "We dropped the ball on the capacity review.",
        "We were complete idiots about the backups.",
        "We got careless with the feature flags.",
        "Honestly we were a bunch of amateurs that week.",
    ],
)
def test_the_teams_own_verdict_is_self_blame_only(text):
    found = categories(text)
    assert "self_blame" in found
    assert "blame_other" not in found


def test_the_same_verdict_on_another_team_is_blame_of_others():
    assert "blame_other" in categories("The ops team were careless with the cables.")


def test_a_verdict_denied_is_no_blame():
    assert categories("We were not careless; the tool hid the flag.") == []
