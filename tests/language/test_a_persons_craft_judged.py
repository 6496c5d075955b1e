"""A person's craft judged poor is a verdict on the person, whatever the craft: "poor
flying", "bad piloting", "poor lookout", "poor workmanship", as "poor airmanship" was.
A website's "poor navigation" and a poor signal are things.

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
        "Put simply, it was poor flying on the approach.",
        "The inquiry cited poor lookout on the bridge.",
        "Bad driving by the shunter derailed the wagons.",
        "Poor workmanship on the joint let the water in.",
    ],
)
def test_a_craft_judged_poor(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Poor navigation on the billing page sent users in circles.",
        "Poor signal in the basement dropped the handheld radios.",
    ],
)
def test_a_things_poor_quality(text):
    assert "blame_other" not in _categories(text)
