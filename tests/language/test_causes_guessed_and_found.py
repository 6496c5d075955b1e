"""A person's slip guessed at or found to be this incident's cause is still given as the
cause: "human error may be to blame for …", "a mistyped X was found to be the cause".
A risk that stays, a habit of outages in general and a slip found and fixed are not.

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
        "Human error may be to blame for the signalling fault, the operator said.",
        "Operator error could be to blame for Tuesday's failed cutover.",
        "A mistyped subnet mask was found to be the cause of the routing loop.",
        "One mistyped account number was determined to be the root cause of the double payments.",
    ],
)
def test_a_slip_guessed_or_found_as_the_cause(text):
    assert "human_error" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human error will always be a risk in manual cutovers.",
        "Human error could be to blame in many outages of this kind.",
        "The mistyped subnet mask was found and fixed within the hour.",
    ],
)
def test_a_risk_a_habit_or_a_slip_found_and_fixed(text):
    assert "human_error" not in _categories(text)
