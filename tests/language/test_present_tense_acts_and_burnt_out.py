"""Timelines and headlines tell a person's act in the present ("Ysolde wrecks the
cache"), with verbs no list can hold; a person who "fried" or "blew away" a shared thing
wrecked it. A thing that fries by itself, a neutral present act and a plural noun after
an acronym stay clean.

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
        "11:02 Ysolde botches the cutover and the replica stays behind.",
        "03:40 Benedikt clobbers the shared queue config; every consumer stalls.",
        "Fenwick fried the build cache on the shared runner.",
        "Ottilie blew away the staging bucket at midnight.",
    ],
)
def test_a_wrecking_act_told_of_a_named_person(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The power supply in rack 4 fried overnight.",
        "11:02 Ysolde rolls back the release and errors drop.",
        "Benedikt merges the patch at 14:10.",
        "The SDK releases a new version every month.",
        "Gusts blew away the tarpaulin over the generator.",
    ],
)
def test_a_thing_failing_or_a_neutral_act_stays_clean(text):
    assert not _categories(text) & {"blame_other", "self_blame", "counterfactual"}


def test_the_present_verb_after_a_name_ends_the_subject():
    masked = mark_names("Benedikt clobbers the shared queue config.")
    (read,) = clause.read(masked, 0, len(masked)).clauses
    assert read.agent == "other"
    assert read.words[read.predicate].low == "clobbers"
