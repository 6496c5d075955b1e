"""The writer's own slip judged in a chat line: "from me", a judged slip with an apology
beside it and the subject left out, and an apology intensified after the word.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Careless slip from me on the version pin.",
        "Dumb move on my end, reverting.",
        "Stupid typo, sorry all.",
        "Ugh, rookie mistake, sorry!",
        "Sorry, silly slip with the tag name.",
        "My apologies, boneheaded move with the cron line.",
    ],
)
def test_a_judged_slip_of_ones_own_is_self_blame(text):
    assert "UB202" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Silly mistake in the example: the flag is --dry-run, not -n.",
        "Stupid typo by the vendor's bot again, sorry for the noise.",
        "Sorry, dumb question: which region is the replica in?",
    ],
)
def test_a_judged_slip_that_is_not_the_writers_is_not_self_blame(text):
    assert "UB202" not in codes(text)


@pytest.mark.parametrize("text", ["Sorry very much for the broken tag!", "sorry so much, all"])
def test_an_apology_intensified_after_the_word_is_self_blame(text):
    assert "UB203" in codes(text)


def test_thanks_intensified_the_same_way_is_not_an_apology():
    assert not codes("Thank you very much for the quick revert.")


@pytest.mark.parametrize(
    "text", ["I'm so embarrassed, that was my tag.", "Guilty as charged, I merged it."]
)
def test_shame_said_now_is_self_blame(text):
    assert "UB202" in codes(text)


@pytest.mark.parametrize(
    "text",
    ["I was embarrassed by how slow the status page was.", "Customers were embarrassed."],
)
def test_a_feeling_reported_or_someone_elses_is_not(text):
    assert "UB202" not in codes(text)
