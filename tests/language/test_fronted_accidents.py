"""An accident said before the subject ("By mistake, I …", "Inadvertently, the
operator …") frames the act after it, as the same word after the subject does.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.clause import read


@pytest.mark.parametrize(
    "text",
    [
        "By mistake, I have tagged the nightly as stable.",
        "Accidentally, I scaled the queue workers to zero.",
        "By accident, I synced the old schema over the new one.",
        "Stupidly, I rotated the token before the deploy finished.",
        "By mistake, we purged the CDN for every customer.",
        "We purged the CDN for every customer by mistake.",
    ],
)
def test_the_writers_act_told_as_an_accident_up_front_is_self_blame(text):
    assert "UB205" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "By mistake, Orsolya tagged the nightly as stable.",
        "Inadvertently, the release manager scaled the queue workers to zero.",
        "Mistakenly, a DBA dropped the audit schema.",
        "Carelessly, the new hire rotated the token mid-deploy.",
    ],
)
def test_another_persons_act_told_as_an_accident_up_front_is_blame(text):
    found = codes(text)
    assert found & {"UB102", "UB103"}
    # The adverb before the subject belongs to that subject, not to the writer.
    assert "UB205" not in found


@pytest.mark.parametrize(
    "text",
    [
        "By accident, I found the cause in an unrelated trace.",
        "We spotted the stale replica by chance during the drill.",
        "I found the leak by accident while reading the heap dump.",
        "By mistake, the cleanup job deleted the old snapshots.",
        "By design, nobody can purge the CDN by mistake any more.",
        "With the new guard, we can no longer drop a table by mistake.",
        "Unfortunately, I was on leave when the tag was cut.",
    ],
)
def test_luck_a_system_or_an_act_that_cannot_happen_is_not_blame(text):
    assert not {"UB102", "UB205"} & codes(text)


def test_a_lone_adverb_before_a_comma_opens_the_clause_after_it():
    text = "Accidentally, I scaled the queue workers to zero."
    sentence = read(text, 0, len(text))
    assert len(sentence.clauses) == 1
    clause = sentence.clauses[0]
    assert clause.agent == "self"
    assert clause.words[clause.predicate].text == "scaled"
