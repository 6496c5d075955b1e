"""People in general told in the present ("Operators forget steps under pressure",
"Sometimes a developer accidentally commits a key") say how work goes: the clause
reader gives them the agent GENERIC and no finding judges them; the same words in the
past, with a determiner, or with a modal ask or tell something of someone.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, clause


def _agents(text: str) -> list[str]:
    return [c.agent for c in clause.read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Operators forget steps when they are tired.",
        "Engineers mistakenly deploy to the wrong region now and then.",
        "Sometimes a developer accidentally commits a key to the repo.",
        "Occasionally someone accidentally deletes a dashboard.",
        "Users accidentally remove their own files.",
    ],
)
def test_people_in_general_in_the_present_are_judged_by_no_one(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sometimes a developer accidentally commits a key to the repo.",
        "Occasionally someone accidentally deletes a dashboard.",
    ],
)
def test_the_clause_reader_names_people_in_general(text):
    assert agents.GENERIC in _agents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Engineers mistakenly deployed to the wrong region.",
        "The engineers mistakenly deploy to the wrong region every week.",
        "A developer accidentally committed a key to the repo.",
        "Alternatively the reviewers accidentally approved it.",
    ],
)
def test_a_past_act_or_a_definite_subject_stays_someones(text):
    assert agents.GENERIC not in _agents(text)
    assert "blame_other" in categories(text)


def test_a_modal_asks_something_of_the_people_it_names():
    text = "Operators must double-check the target host."
    assert agents.GENERIC not in _agents(text)
    assert "try_harder" in categories(text)
