"""A remedy that leans on people's vigilance, named to be judged unsafe ("it's too
risky to assume someone will read the docs", "we can't rely on engineers
remembering the flag"), is the writing the try-harder rules ask for.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

TRY_HARDER = {"UB501", "UB502", "UB503", "UB504"}


@pytest.mark.parametrize(
    "text",
    [
        "It's too risky to assume someone will double-check the region before every purge.",
        "It is unrealistic to expect operators to always remember the maintenance flag.",
        "We can't rely on people reading the banner before they press deploy.",
        "Reviewers cannot simply depend on each other to spot the wrong bucket.",
        "Hoping everyone remembers the freeze is wishful thinking; the pipeline should enforce it.",
    ],
)
def test_vigilance_judged_unsafe_is_no_plea(text):
    assert not codes(text) & TRY_HARDER


@pytest.mark.parametrize(
    "text",
    [
        "Going forward, operators must always remember the maintenance flag.",
        "Everyone should double-check the region before every purge.",
    ],
)
def test_vigilance_asked_for_is_still_a_plea(text):
    assert codes(text) & TRY_HARDER
