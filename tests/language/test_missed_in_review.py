"""A thing missed in the work of checking, told with a pronoun ("missed it in review",
"reviewed it and missed it"), is care left undone; "that" before a preposition or the
end of the sentence is the object of the act, not the start of a clause.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import clause


def _clause_words(text: str) -> list[list[str]]:
    return [[w.low for w in c.words] for c in clause.read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "I missed that in my review of the chart.",
        "Sorry, I missed it during testing.",
        "I approved it and missed the second migration.",
        "The approver read it and still missed the wildcard.",
    ],
)
def test_a_thing_missed_while_checking_is_care_left_undone(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I missed it while I was on leave last week.",
        "I missed that talk at the conference.",
        "I noticed that in prod the flag was still on.",
    ],
)
def test_missing_an_event_or_noticing_a_fact_is_no_omission(text):
    assert "counterfactual" not in categories(text)


def test_that_before_a_preposition_is_an_object():
    assert _clause_words("I missed that in review.") == [
        ["i", "missed", "that", "in", "review", "."]
    ]


def test_that_after_a_verb_of_noticing_still_opens_a_clause():
    assert len(_clause_words("I noticed that in prod the flag was on.")) == 2
