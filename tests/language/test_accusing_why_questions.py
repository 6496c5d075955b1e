"""Questions that accuse without "why did you": a trait asked about with "so", and an act
asked about with its subject left out, in a reply or with an edge.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Why are you so reluctant to tag a new release?",
        "Why is he so stubborn about the release freeze?",
        "Why was @pim so quick to close the ticket?",
        "So why merge the branch at all?",
        "But why revert it before we had the logs?",
        "Why push the tag without running the checks?",
        "Why even bother with review if you merge anyway?",
    ],
)
def test_an_accusing_question_is_blame(text):
    assert "UB105" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why is the cache so slow after a restart?",
        "Why were the queues so long on Monday?",
        "Why not use a feature flag for the migration?",
        "Why deploy to a canary first? It limits the blast radius.",
        "Why merge queues? They keep main green under load.",
    ],
)
def test_a_question_about_a_thing_or_a_practice_is_not(text):
    assert "UB105" not in codes(text)
