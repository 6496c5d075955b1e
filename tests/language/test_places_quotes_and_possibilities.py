"""Precision: a given name inside a place's name, a quoted phrase inside a clause, an
error that could cause harm rather than one that did, and a miss weighed as possible
or still to be found out.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import clause
from unblame.language.lexicon import NAME_MARK, mark_names


@pytest.mark.parametrize("place", ["San Francisco", "St Helena", "Santa Monica", "Fort Victoria"])
def test_a_given_name_after_a_place_word_is_the_place(place):
    assert NAME_MARK not in mark_names(f"The link to our {place} POP dropped.")


def test_a_given_name_alone_is_still_a_name():
    assert NAME_MARK in mark_names("Francisco restarted the router.")


def test_a_router_in_a_named_city_caused_no_ones_outage():
    text = "A hardware failure in our San Francisco POP caused a loss of connectivity."
    assert "blame_other" not in categories(text)


def test_a_short_quoted_phrase_does_not_split_its_clause():
    text = 'The vendor said a "network issue" caused the disruption.'
    assert len(clause.read(text, 0, len(text)).clauses) <= 2
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The design left conditions where a human error could cause an outage.",
        "A platform that could be brought down by a single data entry mistake is fragile.",
    ],
)
def test_an_error_that_could_cause_harm_is_not_given_as_the_cause(text):
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is possible that a reviewer overlooked the second patchset.",
        "We need to find out why nobody caught the schema drift.",
    ],
)
def test_a_miss_weighed_as_possible_or_still_to_find_out_is_an_inquiry(text):
    assert "counterfactual" not in categories(text)


def test_a_miss_stated_is_still_hindsight():
    assert "counterfactual" in categories("The reviewer overlooked the second patchset.")
