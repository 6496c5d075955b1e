"""Damage told in the passive with a person's work after "by" ("ten tests were broken
by your commit") blames as the active does; a thing after "by", or a repair, does not.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import SYSTEM, WORK
from unblame.language.clause import read


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


def test_a_persons_work_after_by_is_the_passives_agent():
    text = "Three dashboards were broken by your refactor."
    assert read(text, 0, len(text)).clauses[0].agent == WORK


def test_a_thing_after_by_stays_a_thing():
    text = "Three dashboards were broken by the upgrade."
    assert read(text, 0, len(text)).clauses[0].agent == SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "Three dashboards were broken by your refactor.",
        "The audit table was dropped by Wendell's migration script.",
    ],
)
def test_damage_by_a_persons_work_blames(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The audit table was dropped by a scheduled migration.",
        "The flaky test was fixed by your commit.",
    ],
)
def test_damage_by_a_thing_or_a_repair_blames_nobody(text):
    assert "blame_other" not in _categories(text)
