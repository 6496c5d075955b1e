"""More ways a slip is tied to the outcome as its cause (UB402): "is to blame", "ended
up taking down", "results from", "turns out it was a typo", and a stray keystroke as a
slip of the hand like a stray digit.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "A mistyped bucket name is to blame for the data loss.",
        "Two typos were to blame for the failed failover.",
        "One fat-fingered value ended up taking the checkout offline.",
        "The refund backlog results from a copy-paste error in the rates file.",
        "Turns out it was a typo in the cron expression.",
        "It turned out that it was a mistyped port in the health check.",
        "The whole outage came down to a single stray keystroke.",
        "The root cause was a typo.",
        "The culprit was a fat-fingered port number.",
        "Just a copy-paste error from the staging file.",
        "Probably a typo.",
        "Simple oversight.",
        "The problem: a mistyped bucket name in the cleanup job.",
    ],
)
def test_a_slip_tied_to_the_outcome_is_named_as_its_cause(text):
    assert "UB402" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Turns out it was a race between the two cache writers.",
        "Turns out it was the expired certificate all along.",
        "The load balancer is to blame for the uneven traffic.",
        "The backlog results from the queue's retry storm.",
        "Taking down the old cluster took two hours.",
        "The root cause was a race in the cache.",
        "The cause of the typo was a missing lint rule.",
        "Just a typo fix.",
        "Minor typo in the docs, otherwise approved.",
        "Typos in the glossary are tracked in #12.",
        "The problem: a race between the two cache writers.",
    ],
)
def test_a_cause_without_a_slip_is_no_mistake_as_cause(text):
    assert "UB402" not in _rules(text)
