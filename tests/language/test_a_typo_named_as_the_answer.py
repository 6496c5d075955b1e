"""A slip named as the answer to "what was it?" ("it was just a typo") is human error
given as the cause; a typo pointed at to be fixed, or asked about, is not.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Looked again at the failed rollout: it was just a typo.",
        "That was a typo in the ingress annotation.",
        "This is simply an oversight and the fix is small.",
        "It was a silly typo.",
        "The trigger was a spelling error in the bucket name.",
        "A spelling mistake in the queue name caused the backlog.",
    ],
)
def test_a_slip_named_as_the_cause(text):
    assert "UB402" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's a typo in the README, the flag is --dry-run.",
        "Is it a typo or a renamed setting?",
        "Fixed a spelling error in the runbook title.",
        "It was a typical Monday until the queue backed up.",
    ],
)
def test_a_typo_to_fix_or_a_question_is_not_a_cause(text):
    assert "UB402" not in _rules(text)
