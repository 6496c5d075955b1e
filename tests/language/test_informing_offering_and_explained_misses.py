"""Words of care that inform, offer or explain rather than ask for effort: "you should
know that …" informs, "we would like to take the time to thank …" offers, "to learn from
our mistakes" is a practice's purpose, and "we didn't catch it because the alert wasn't
set up" names the gap that explains the miss.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "You should know that the staging cluster is down until noon.",
        "Everyone should know about the freeze by now; it's on the calendar.",
        "We'd like to take the time to thank everyone who joined the bridge.",
        "We run game days to learn from our mistakes before customers see them.",
        "We didn't notice it because the dashboard had no panel for it.",
        "Nobody spotted it since the logs were sampled at 1%.",
    ],
)
def test_informing_offering_and_explained_misses_are_no_blame(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You should know the failover runbook by heart.", "try_harder"),
        ("We will learn from our mistakes and slow down.", "try_harder"),
        ("The reviewer didn't take the time to run it locally.", "counterfactual"),
        ("We didn't notice it because we were rushing the release.", "counterfactual"),
    ],
)
def test_the_same_words_asking_effort_or_judging_people_are_still_flagged(text, category):
    assert category in categories(text)


def test_the_explaining_gap_may_follow_a_longer_object():
    text = "We didn't notice the lag on the replica because the panel was hidden."
    assert categories(text) == []
