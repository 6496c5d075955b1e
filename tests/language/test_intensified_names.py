"""A person called a noun that "complete", "total", "utter", "absolute", "big" or "real"
sharpens is a name called, whatever the noun (UB103 for another person, UB202 for the
writer); the praising and measuring nouns ("a real expert", "a big fan of") and the
roles ("a real engineer") are not.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The vendor's technician is a complete numbskull.",
        "Honestly, whoever set this up was an utter numpty.",
        "He's such a total space cadet.",
        "That admin is an absolute menace-in-training.",
    ],
)
def test_an_intensified_noun_said_of_a_person_is_a_name_called(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dana is a big fan of feature flags.",
        "The contractor was a total professional throughout.",
        "Ravi is a real engineer, not a box-ticker.",
        "She is a big reason the migration went smoothly.",
        "The new schema is a complete rewrite of the old one.",
        "The backlog is a total of forty tickets.",
    ],
)
def test_praise_measures_roles_and_things_are_no_insult(text):
    assert "blame_other" not in categories(text)
