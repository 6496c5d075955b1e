"""More verdicts on other people: an attitude said alone ("management doesn't care"),
understanding denied with "comprehend", judgement words ("ineptitude", "unforgivable"), a
folly pinned on someone ("stupid of him"), and blame placed or put on a person, in
headlines too ("… blamed on technician flipping the wrong breaker").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Frankly the platform team doesn't care.",
        "The contractors don't care at all, and it shows.",
        "The vendor's engineers don't comprehend how DNS works.",
        "The ineptitude of the vendor's support desk cost us a day.",
        "Leaving the console unlocked was unforgivable.",
        "Rebooting both routers at once was dumb of them.",
        "The board put the blame squarely on the night operator.",
        "Data leak blamed on employee emailing the wrong spreadsheet",
    ],
)
def test_verdicts_on_other_people(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The load balancer doesn't care which pool answers.",
        "I don't care which option we pick.",
        "The report placed the blame on the expired certificate.",
        "The outage was blamed on staff shortages.",
        "It is stupid of us to rely on one region.",
    ],
)
def test_tools_choices_and_the_writers_own_folly_are_not_verdicts_on_others(text):
    assert "blame_other" not in categories(text)
