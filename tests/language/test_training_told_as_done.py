"""Training and counsel told as done to people in a report ("the operator was
retrained", "was educated by the director on …"), training to be had by all staff,
people urged or advised to take care, and "should be expected to" as a directive.
Models are retrained too, and people were trained for a career: neither is a remedy.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The on-call engineer was counselled after the incident.",
        "Both technicians were retrained on the lockout procedure.",
        "The nurse was coached by the ward manager on double-checking doses.",
        "The board will ensure that all operators receive refresher training.",
        "We urge everyone to verify the recipient before sending.",
        "Reviewers should be expected to run the branch locally.",
    ],
)
def test_training_and_urging_people_is_a_weak_remedy(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ranking model was retrained on the new click data.",
        "I was trained as an electrician before joining the team.",
        "The classifier was retrained after the drift alert.",
    ],
)
def test_models_careers_and_legal_advice_are_no_remedy(text):
    assert "try_harder" not in categories(text)
