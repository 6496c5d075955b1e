"""A relative clause after a circumstance ("disciplined for an accident that cut
power") tells what the circumstance did, not the person the clause was about; a slip
said with "can" or "could" ("a new hire could accidentally delete the bucket") is a
risk to design against, not an act told. A person's product named as the object
("merges the change that breaks every report") stays their doing.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import OTHER, SYSTEM
from unblame.language.clause import read


def _agents(text: str) -> list[tuple[str, str]]:
    sentence = read(text, 0, len(text))
    return [(c.agent, " ".join(w.text for w in c.words)) for c in sentence.clauses]


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The linesman was not reprimanded for a fault that tripped the whole feeder.",
        "The dispatcher was thanked after the storm that knocked out the radio mast.",
    ],
)
def test_a_relative_clause_after_a_circumstance_acts_through_it(text):
    assert _agents(text)[-1][0] == SYSTEM
    assert "blame_other" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Odile merges the schema change that breaks every report.",
        "Once again the mobile team shipped a build that breaks sign-in.",
    ],
)
def test_a_persons_product_named_as_the_object_stays_their_doing(text):
    assert _agents(text)[-1][0] == OTHER
    assert "blame_other" in _categories(text)


def test_a_persons_work_after_a_preposition_is_no_circumstance():
    text = "The team still jokes about the migration of his that took billing down."
    assert _agents(text)[-1][0] != SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "A new hire could accidentally delete the bucket, so deletes now need two approvals.",
        "The on-call engineer can accidentally target production from the staging shell.",
    ],
)
def test_a_slip_said_as_a_risk_tells_no_act(text):
    assert "blame_other" not in _categories(text)


def test_the_same_slip_told_as_done_still_blames():
    assert "blame_other" in _categories("The on-call engineer accidentally targeted production.")
