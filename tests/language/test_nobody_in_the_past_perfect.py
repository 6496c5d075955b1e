"""A step nobody took, told in the past perfect or with "ever" ("nobody had tested
the restore", "no one ever checked the backups"), is the same hindsight as
"nobody tested the restore"; "nobody has read it" tells how things stand now.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Nobody had verified the failover target before the drill.",
        "No one had reviewed the firewall diff.",
        "No one ever checked whether the snapshots could be restored.",
        "Nobody had run the smoke tests against the new image.",
        "None of us had noticed the expiry date.",
    ],
)
def test_a_step_nobody_had_taken_is_hindsight(text):
    assert "UB302" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The design doc is one that nobody has read since 2021.",
        "Nobody had access to the vault during the incident.",
        "Nobody had been paged, because the alert routed to a retired rota.",
        "Nobody had tested the restore because the runbook never asked for it.",
    ],
)
def test_a_state_or_a_reason_given_is_no_verdict(text):
    assert "UB302" not in codes(text)
