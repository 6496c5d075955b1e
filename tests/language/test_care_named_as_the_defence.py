"""Care or training named as what protects people from the next slip is a remedy that
asks them to try harder, in either order ("the only protection is diligence",
"training is the first line of defence"); people "drilled" so it never happens again
and a promise to "take steps to make sure" are the same. A tool named as the defence and
a drill of a system are not.

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
        "Training is the first line of defence against a wrong valve.",
        "Vigilance remains our best protection here.",
        "The dispatchers will be drilled on the new call script.",
        "I am going to take steps to make sure I never skip the dry run again.",
    ],
)
def test_care_or_training_as_the_defence(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitoring is the first line of defence for the payment queue.",
        "We drilled the regional failover twice last quarter.",
        "We will take steps to add a canary stage to the pipeline.",
    ],
)
def test_a_tool_a_system_drill_or_a_system_step(text):
    assert "try_harder" not in _categories(text)
