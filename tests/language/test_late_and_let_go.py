"""A person late to a warning ("reacted too late", "responded far too slowly") and a
level let go past its limit ("let the disk fill up", "let the speed decay too far") are
slips told of the act; a tool that reacts slowly, or a level let grow on purpose, is not.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The shift lead reacted too late to the pressure alarm.",
        "The on-call responded way too slowly to the first page.",
        "The operator let the audit partition fill up.",
        "The crew let the cabin temperature climb too high.",
    ],
)
def test_lateness_and_levels_let_go_are_another_persons_slip(text):
    assert "blame_other" in categories(text)


def test_the_writers_own_lateness_is_a_self_report():
    assert "self_blame" in categories("I responded too slowly to the second alert.")


@pytest.mark.parametrize(
    "text",
    [
        "The autoscaler reacted too slowly to the spike.",
        "We let the queue grow to absorb the burst.",
        "The operator let the primary finish its checkpoint before failing over.",
    ],
)
def test_tools_and_deliberate_choices_are_no_slip(text):
    assert categories(text) == []
