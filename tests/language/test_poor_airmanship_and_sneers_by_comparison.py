"""Poor decision-making or airmanship pinned on a person is a judgement of them, as
"poor judgment" is; so is a sneer by comparison ("as useless as a …").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The board cited the captain's poor decision-making on the approach.",
        "The crew's poor airmanship led to the runway excursion.",
        "Our new vendor is as useless as a screen door on a submarine.",
    ],
)
def test_a_judgement_of_a_person(text):
    assert "UB103" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Good decision-making under pressure needs displays that show the trend.",
        "The new dashboard is as useful as the old one, and faster.",
    ],
)
def test_praise_and_plain_comparisons_judge_nobody(text):
    assert "UB103" not in _rules(text)
