"""A slip named as the cause, however far the cause word stands and in any tense.

Headlines tell in the present ("blunder leads to …", "insurer blames clerical error"),
and reviews put the incident between the cause and the slip ("the root cause of last
night's outage was a typo"). None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {finding.category.value for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The root cause of last night's outage was a typo in the routing table.",
        "The cause of the data leak was a slip on the sharing settings page.",
        "Crew blunder leads to flooding of the server room",
        "Worker error causes week-long outage at the county depot",
        "Airline blames clerical error as passengers are sent the wrong tickets",
        "Staff blunder takes the booking site down for a day",
    ],
)
def test_a_slip_given_as_the_cause_is_read(text):
    assert "human_error" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The root cause of last night's outage was a bug in the routing code.",
        "The cause of the data leak was a default that made new folders public.",
        "The linter catches the typo that causes the build to fail.",
        "Fixing the typo causes no downtime.",
    ],
)
def test_a_defect_of_the_system_or_a_caught_slip_is_not(text):
    assert "human_error" not in _categories(text)
