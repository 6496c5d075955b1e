"""Harm told as "took X off the internet", and "human error" in quotes given as
what the failure was.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "An engineer took the entire company server fleet off the internet.",
        "A technician ran a command that took the whole region off the network.",
    ],
)
def test_a_person_taking_something_off_the_net_wrecked_it(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    ["The storm took the region off the grid.", "We took the old API off the network on schedule."],
)
def test_a_storm_or_a_planned_retirement_is_not_blame(text):
    assert "blame_other" not in categories(text)


def test_human_error_in_quotes_given_as_what_the_failure_was_is_a_cause():
    text = 'The operator told reporters the outage was an "unfortunate human error".'
    assert "human_error" in categories(text)


def test_human_error_in_quotes_as_a_term_is_not():
    assert "human_error" not in categories('The term "human error" ends the inquiry too early.')
