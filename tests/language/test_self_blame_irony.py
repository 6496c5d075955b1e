"""Self-blame told with irony or as a record (learned on shapes-train9): unfit for the
job, ironic praise of oneself, a habit or record of breaking things, not able to do
one's own craft, and a promise to earn back trust.

Sentences are written for this file.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I'm too thick for this rota, I wiped the queue with one command.",
        "im not fit to be let near the load balancer, broke the health checks again",
        "After today I'll prove I'm not the weakest link on this team.",
        "Brilliant work on my part: I rotated the key and forgot the old one was still in use.",
        "A flawless lesson in how not to tag a release, from yours truly.",
        "Classic me, pasting the staging token into the prod config.",
        "Everything I touch breaks, today it was the search index.",
        "Whenever I deploy on a Monday something falls over.",
        "Fourth incident this month with my name on it.",
        "Ten years of ops and apparently I can't tell two hostnames apart.",
        "I still can't write a simple regex without breaking the parser.",
        "I'm so sorry, team, I'll earn back your trust.",
    ],
)
def test_ironic_or_recorded_self_blame(text: str) -> None:
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Not knowing something yet is honesty about the state, not about oneself.
        "I still can't tell whether the job ran.",
        "I still can't write to the bucket; the role lacks the permission.",
        # Unfit for something else, or praise of shared work.
        "I'm not fit to travel this week, so Dana will cover my shift.",
        "Nice work from me and Dana on the migration, it went smoothly.",
        # A record of the system, not of oneself.
        "Every time the cron job runs, the disk fills up.",
        "Fourth incident this month with the same root cause in the cache layer.",
        # Trust to be earned by the service.
        "The status page has to earn back customers' trust with honest updates.",
    ],
)
def test_no_self_blame_without_a_verdict_on_oneself(text: str) -> None:
    assert "self_blame" not in categories(text)
