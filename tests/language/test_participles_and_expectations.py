"""Two readings that describe rather than blame: a trained person described by the
participle ("even highly-trained operators slip"), which is no remedy, and what an
event was expected to be, with the chat subject left out ("Should have been a routine
deploy"), which is no hindsight on the writer. Training asked for and the writer's own
"should have" stay findings.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Even highly-trained operators can misread a gauge at 3 a.m.",
        "Even trained people can make mistakes under pressure.",
        "Should have been a routine certificate rotation.",
        "Should have been an easy rollback, but the snapshot was missing.",
    ],
)
def test_a_description_or_an_expectation_is_no_finding(text):
    assert not _categories(text) & {"try_harder", "counterfactual", "self_blame"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We retrained the operators on the new console.", "try_harder"),
        ("Should have tested the rollback first, sorry.", "counterfactual"),
        ("Should have been more careful with the flags.", "counterfactual"),
    ],
)
def test_training_asked_for_and_the_writers_hindsight_stay(text, category):
    assert category in _categories(text)
