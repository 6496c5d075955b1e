"""A trade no list can hold is known by its ending: "the signalman", "a millwright",
"two linesmen", "the technician" are people, in the clause reader and in the rules'
ROLE slot alike. Words that only look so ("German", "command") and products named so
("Postman") are not.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.lexicon import is_role


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "word", ["signalman", "millwright", "linesmen", "technician", "cartwright", "crewman"]
)
def test_a_trade_by_its_ending(word):
    assert is_role(word)


@pytest.mark.parametrize("word", ["german", "postman", "batman", "command", "caiman"])
def test_words_that_only_look_like_trades(word):
    assert not is_role(word)


@pytest.mark.parametrize(
    "text",
    [
        "A shipwright failed to follow the hull inspection procedure.",
        "The trackman accidentally cleared the wrong section.",
        "Two linesmen failed to follow the switching order.",
    ],
)
def test_a_trade_as_the_agent_of_a_slip_or_omission(text):
    assert _categories(text) & {"blame_other", "counterfactual"}


@pytest.mark.parametrize(
    "text",
    [
        "Postman failed to send the request with the new header.",
        "The German failover site took over at 14:02.",
    ],
)
def test_products_and_lookalikes_stay_things(text):
    assert not _categories(text) & {"blame_other", "counterfactual"}
