"""Adverbs that comment on a clause from its start ("Somehow your PR broke …",
"Unfortunately you mixed …") stand before the subject, not in it; a mix-up with its
object between ("mixed something up") is still one; and harm as a habit told in the
past ("kept deleting the database") judges the person as "keeps" does, where a program
kept at its work ("the scheduler kept deleting old rows") judges no one.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.agents import OTHER, WORK, agent_of


@pytest.mark.parametrize(
    ("phrase", "agent"),
    [
        ("Somehow your PR", WORK),
        ("Unfortunately the contractor", OTHER),
        ("Apparently Dana", OTHER),
    ],
)
def test_a_comment_adverb_is_not_part_of_the_subject(phrase, agent):
    assert agent_of(phrase) == agent


@pytest.mark.parametrize(
    "text",
    [
        "Somehow your last release broke the mobile build.",
        "Unfortunately you mixed the two configs up while rebasing.",
        "The same contractor kept wiping the test bench.",
    ],
)
def test_slips_and_habits_after_a_comment_adverb_are_read(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The scheduler kept deleting rows older than a week.",
        "The cache keeps crashing under load.",
    ],
)
def test_programs_at_their_work_judge_no_one(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "How could the admins have mistakenly purged the customer domain?",
        "How could the contractor have accidentally cut both feeds?",
    ],
)
def test_how_could_someone_have_done_it_takes_the_act_as_done(text):
    assert "blame_other" in categories(text)


def test_how_could_i_have_known_is_no_slip():
    assert categories("How could I have known about the hidden dependency?") == []
