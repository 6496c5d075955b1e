"""A failing of care or attention "on the part of" someone, as formal reports word it,
puts it on that person; the same on the part of a thing, or denied, does not.

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
        "The derailment was caused by inaction on the part of the conductor.",
        "Inquiry findings: poor look-out on the part of the helmsman.",
        "There was a lapse on the part of the night crew.",
        "A failure to monitor the tank on the part of the operator led to the spill.",
    ],
)
def test_a_failing_on_the_part_of_a_person(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "There was no lapse on the part of the crew.",
        "A lapse on the part of the load balancer dropped the sessions.",
        "The delay came from a misunderstanding on the part of the vendor's scheduler.",
    ],
)
def test_a_failing_denied_or_on_the_part_of_a_thing(text):
    assert "blame_other" not in _categories(text)
