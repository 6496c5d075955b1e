"""Care left undone told of a thing or of nobody: a certificate "not renewed", options
"never mentioned", an entry that "got overlooked", "nobody was watching", an outcome
avoidable "by a thorough reading", and a change that "should've been a pull request".

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The login outage happened because the signing certificate was not renewed.",
        "The two new flags were never mentioned in the upgrade notes.",
        "The migration note got overlooked in the 4.1 release.",
        "The cron certificate lapsed because nobody was watching the expiry dates.",
        "The data loss could have been avoided by a careful reading of the upgrade guide.",
        "This should've been a pull request.",
        "That change should have been a major version bump.",
    ],
)
def test_care_left_undone_told_of_a_thing_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Not anyone's fault; the expiry wasn't tracked anywhere.",
        "The outage could have been prevented by a canary stage.",
        "This should have been a warning, not an error, in the linter.",
        "Nobody was paged because the route was missing.",
    ],
)
def test_a_missing_safeguard_or_a_design_choice_is_not(text):
    assert "counterfactual" not in categories(text)
