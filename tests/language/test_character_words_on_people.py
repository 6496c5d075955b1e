"""A word of character put on a person ("a clumsy contractor", "the hapless
intern") judges them; the same word put on a thing ("a clumsy workaround",
"a useless alert") judges nobody.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "The duct was crushed by an inept contractor with a mini digger.",
        "Some absent-minded admin left the bucket public.",
        "The bumbling vendor took three days to answer.",
        "A thoughtless night operator silenced every alarm on the panel.",
        "Our arrogant consultants rewrote the failover script over a weekend.",
    ],
)
def test_a_word_of_character_on_a_person_judges_them(text):
    assert "UB103" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A clumsy workaround kept the queue alive until Monday.",
        "The useless alert fired forty times overnight.",
        "The inept error message hid the real cause.",
        "A foolish default let every tenant read the bucket.",
    ],
)
def test_the_same_word_on_a_thing_judges_nobody(text):
    assert "UB103" not in codes(text)
