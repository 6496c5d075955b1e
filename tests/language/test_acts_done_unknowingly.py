"""An act done "unknowingly" or "unwittingly" is told as an accident, as "accidentally"
is, and an adverb of accident may open the sentence before its subject with no comma
("Mistakenly the engineer applied …"): the subject after it is the agent, not the
writer. A thing that merely happened stays clean.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze, clause
from unblame.language.lexicon import mark_names


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The fitter unknowingly isolated the wrong feeder.",
        "Unwittingly the contractor cut the fibre to the east hall.",
        "Mistakenly the release manager tagged the nightly as stable.",
    ],
)
def test_an_act_done_unknowingly_by_someone_else(text):
    categories = _categories(text)
    assert "blame_other" in categories
    assert "self_blame" not in categories


def test_the_writers_own_act_done_unknowingly():
    assert "self_blame" in _categories("I unknowingly pushed the branch to the public remote.")


@pytest.mark.parametrize(
    "text",
    [
        "Unknowingly to everyone, the certificate had expired on Sunday.",
        "Accidentally the build passed on the second run.",
    ],
)
def test_a_thing_that_happened_stays_clean(text):
    assert not _categories(text) & {"blame_other", "self_blame"}


def test_a_fronted_adverb_leaves_the_subject_after_it():
    masked = mark_names("Mistakenly the engineer applied the wrong patch.")
    (read,) = clause.read(masked, 0, len(masked)).clauses
    assert read.agent == "other"
