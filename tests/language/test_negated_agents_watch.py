"""Care nobody took, told with a negated agent: watch kept and ground mapped
("neither operator monitored the queue", "nobody had mapped the dependencies"), an
adverb of care before the verb, "no one" ending a relative clause as "nobody" does, and
"since 2019" as a time, not a reason that explains the omission away.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, clause


@pytest.mark.parametrize(
    "text",
    [
        "Neither operator monitored the replication lag.",
        "Neither technician properly tracked the spare-part orders.",
        "Nobody had mapped the service dependencies before the move.",
        "Nobody had updated the failover runbook since 2021.",
        "The invoices were wrong because of a rate change no one noticed.",
    ],
)
def test_care_a_negated_agent_did_not_take_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody was hurt when the rack tipped over.",
        "Nobody has needed the legacy VPN since 2019.",
        # The system's part given as the reason: no verdict.
        "Nobody monitored the queue because it had no dashboard yet.",
    ],
)
def test_states_and_explained_gaps_are_no_verdict(text):
    assert "counterfactual" not in categories(text)


def test_no_one_ending_a_relative_clause_is_the_agent():
    text = "The totals broke because of a rate change no one noticed."
    assert agents.NOBODY in [c.agent for c in clause.read(text, 0, len(text)).clauses]
