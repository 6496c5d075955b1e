"""Pleas introduced by the words that address or ask the reader: a vocative ("guys,"),
"please" or "can you (please)" before the imperative, semantic versioning asked of a
maintainer, and a skill asked of the reader as a taunt.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.agents import Word
from unblame.language.cues_remedy import _past_asking, _past_vocative


def _words(text: str) -> list[Word]:
    out, at = [], 0
    for token in text.split():
        start = text.index(token, at)
        out.append(Word(token, token.lower(), start, start + len(token)))
        at = start + len(token)
    return out


def test_a_vocative_before_a_comma_is_passed():
    assert _past_vocative(_words("guys , stop pushing"), 0) == 2


def test_my_before_a_vocative_is_passed_too():
    assert _past_vocative(_words("my man , stop pushing"), 0) == 3


def test_a_word_that_addresses_nobody_is_kept():
    assert _past_vocative(_words("guys stop pushing"), 0) == 0


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("please follow semver", 1),
        ("can you follow semver", 2),
        ("can you guys please follow semver", 4),
        ("please can you follow semver", 3),
        ("follow semver", 0),
    ],
)
def test_asking_words_are_passed(text, after):
    assert _past_asking(_words(text), 0) == after


@pytest.mark.parametrize(
    "text",
    [
        "Folks, please stop merging with red builds.",
        "Team, stop tagging releases from feature branches.",
        "Please follow semver for the 2.x line.",
        "Can you please follow semantic versioning?",
        "Please could you stick to semver next time.",
        "Obey semver, it exists for a reason.",
    ],
)
def test_a_plea_after_a_vocative_or_an_asking_word(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Could you paste the output of the failing job here?",
        "Folks, the rollback finished at 10:40.",
        "Can you share the dashboard link?",
        "We follow semver for every public package.",
    ],
)
def test_a_question_or_a_report_after_those_words_is_no_plea(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Can you guys learn how to cut a release?",
        "Maybe learn how to rebase before pushing.",
        "Please learn to run the tests.",
        "Learn to use the staging cluster.",
    ],
)
def test_a_skill_asked_of_the_reader_is_a_plea(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "You can learn how to configure retention in the docs.",
        "We learned how to read the planner output during the incident.",
        "Learn how to set up the exporter in five minutes.",
    ],
)
def test_learning_offered_or_told_is_no_plea(text):
    assert categories(text) == []
