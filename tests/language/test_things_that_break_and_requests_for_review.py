"""A thing that breaks or crashes by itself is no one's act; a review asked for
one's own work is a request, not a remedy; a formal apology is courtesy.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Zephyr broke, apparently.",
        "Grafana crashed on startup after the upgrade.",
        "Kestrel crashes repeatedly when the disk is full.",
    ],
)
def test_a_named_thing_breaking_by_itself_is_not_a_person_wrecking_it(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["Ottilie broke the release branch again.", "The new developers have ruined this app."],
)
def test_a_person_breaking_or_ruining_something_still_is(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please check my work.",
        "Please review this PR when you have a minute.",
        "pls look over my patch",
    ],
)
def test_asking_for_a_review_of_ones_own_work_is_a_request(text):
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["Please check your work before merging.", "Please review this PR carefully next time."],
)
def test_telling_others_to_check_harder_is_still_a_plea(text):
    assert "try_harder" in categories(text)


def test_a_formal_apology_is_courtesy():
    assert "self_blame" not in categories("My sincere apologies for the delay in replying.")


def test_a_deep_apology_is_still_intense():
    assert "self_blame" in categories("My deepest apologies, I broke the deploy.")
