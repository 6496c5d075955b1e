"""Chat's own words for a slip ("oopsie", "flub", "blooper", "faux pas") are slips
to own or to pin on someone, as "goof" and "boo-boo" were.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Reverted my oopsie from this morning.", "UB201"),
        ("Sorry, my flub: the tag pointed at the wrong commit.", "UB201"),
        ("Classic blooper of mine, fixing now.", "UB201"),
        ("Dana's oopsie took the docs site down.", "UB101"),
    ],
)
def test_chats_words_for_a_slip_are_slips(text, code):
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The blooper reel from the offsite is in the shared drive.",
        "The installer shows an 'Oopsie!' page when the disk is full.",
    ],
)
def test_the_words_for_other_things_are_none(text):
    assert not codes(text)
