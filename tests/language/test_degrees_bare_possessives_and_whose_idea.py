"""Fault given with any adverb of degree ("definitely to blame", "clearly at fault"),
a possessive written without its apostrophe ("the devs fault"), blame put on someone by
a third party, and "whose bright idea was that?"; with the sentences that share the
words and blame nobody.

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
        "The platform team is definitely to blame for the outage.",
        "The night crew was clearly at fault.",
        "Honestly it's the devs fault, again.",
        "Half our rollbacks are QAs fault.",
        "The vendor's statement placed the blame for the outage squarely on the operators.",
        "Whose bright idea was that?",
        "Whose idea was it to rotate the keys during the sale?",
    ],
)
def test_fault_given_or_asked_for(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The operator is hardly to blame for a prompt that looked the same on both hosts.",
        "The developers fault-injection suite passed.",
        "The SREs fault tree now includes the DNS path.",
        "Please don't put the blame on the on-call engineer.",
        "We put the blame on the missing alert, where it belongs.",
        "Whose turn is it on call this week?",
    ],
)
def test_denied_fault_kinds_of_fault_and_real_questions_blame_nobody(text):
    assert "blame_other" not in _categories(text)
