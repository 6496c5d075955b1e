"""More trades and offices that news of outages and accidents names are people
("the foreman ignored the warning", "a subcontractor severed the duct"), and
the words that also name programs stay off the list.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.lexicon import ROLE_WORDS


def _categories(text: str) -> set[str]:
    return {finding.category.value for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The foreman ignored the gas alarm and kept the crew digging.",
        "A subcontractor should have checked the duct map before trenching.",
        "The lineman forgot to ground the conductor before climbing.",
        "The flight attendant was at fault, the airline said.",
        "The landlord's carelessness left the server room flooded.",
    ],
)
def test_trades_named_in_the_news_are_people(text):
    assert _categories(text) & {"blame_other", "counterfactual"}


@pytest.mark.parametrize("word", ["builder", "miner", "courier", "inspector", "tester", "chef"])
def test_words_that_also_name_programs_are_no_roles(word):
    assert word not in {w.lower() for w in ROLE_WORDS}


@pytest.mark.parametrize(
    "text",
    [
        "The builder image broke the nightly.",
        "The inspector flagged the stale lockfile, as designed.",
    ],
)
def test_a_program_named_like_a_trade_is_blamed_for_nothing(text):
    assert "blame_other" not in _categories(text)
