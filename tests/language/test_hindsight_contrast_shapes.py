"""Hindsight in the shapes the eleventh set showed (learned on shapes-train11): the
right step named beside the one taken ("Instead of waiting for the canary, the
deployer pushed …"), what it would have taken, a rhetorical "how did four reviewers
approve …", "if X had simply …", a small act by a person that would have prevented
it, "will have seen", "had all the information and sat on it", "never occurred to",
"at no point did either of …", a regulator's "did not take all reasonable measures".

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Instead of draining the node, the operator rebooted it in place.",
        "Rather than paging the DBA, Oriel spent an hour tuning the query.",
        "To leak the token, someone would have had to ignore the secret scanner twice.",
        "How did three approvers sign off on a migration with no rollback?",
        "If Tamsin had just opened the runbook, the failover would have been clean.",
        "One quick message from the release lead would have stopped the second push.",
        "Whoever approved the change will have known the freeze was on.",
        "The platform team had all the data by Monday and sat on it.",
        "It never occurred to anyone in support to check the status page.",
        "At no point did either of the reviewers run the migration locally.",
        "The contractor did not take reasonable precautions before cutting the cable.",
    ],
)
def test_hindsight_on_people(text: str) -> None:
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # The remedy told with "instead of": a change to the system.
        "Instead of restarting the pods, the operator now runs the failover script.",
        # A system's miss, asked about.
        "How did the cache miss the invalidation?",
        # The future, not hindsight.
        "By Friday you will have seen the new dashboard.",
        # A system that did not take a step.
        "The scheduler did not take the maintenance window into account.",
        # Having information is not sitting on it.
        "The on-call had all the data needed to decide within minutes.",
    ],
)
def test_no_hindsight_on_people_in_the_same_shapes(text: str) -> None:
    assert "counterfactual" not in categories(text)
