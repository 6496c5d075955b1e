"""Harm a person did, told in any tense or voice: present-tense wrecking (a timeline, a
habit), more wrecking verbs, the passive with the person after "by", and an outcome that
follows the act ("… and the rooms overheated", "which is what caused the outage").

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import cue

from unblame.language import analyze


def categories(text: str) -> list[str]:
    return [f.category.value for f in analyze(text)]


# --- wrecking, past and present ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("09:12 Quennell breaks the staging VPN with an untested rule.", "breaks"),
        (
            "The contractor takes the kiosk network offline every Friday.",
            "takes the kiosk network offline",
        ),
        ("Quennell wrecked staging on Tuesday.", "wrecked"),
        ("The network crew blackholed our traffic for an hour.", "blackholed"),
        ("Quennell locked every tenant out of the console.", "locked every tenant out of"),
        ("The contractor made a real mess of the rollout.", "made a real mess"),
        ("@quennell force-pushed over the release branch.", "force-pushed over"),
        ("The contractor flooded the server room.", "flooded the server room"),
        ("The electrician cut alarm monitoring for the east wing.", "cut alarm monitoring"),
        (
            "The night shift knocks the printers offline with their reboots.",
            "knocks the printers offline",
        ),
    ],
)
def test_a_person_wrecking_something_in_any_tense(text: str, words: str) -> None:
    assert cue(text, "wreck") == words
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Breaking work up, taking over, planned work: no wreck.
        "Quennell breaks the migration into three steps.",
        "The contractor takes over the on-call rotation next week.",
        "The electrician cut power to rack 4 for the planned maintenance.",
        "Quennell cut the release at noon.",
        "The contractor flooded the test rig on purpose to check the sensors.",
        # A thing wrecking is no person's doing.
        "The cron job breaks the cache every night.",
    ],
)
def test_no_person_wrecking(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- the passive, with the person after "by" ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Checkout was taken down by Quennell during an unannounced change.",
        "The pricing sheet was leaked by a sales rep who forwarded it to a competitor.",
        "The depot radios were knocked out by a contractor working on the wrong mast.",
        "Every nightly export was deleted by the on-call engineer's cleanup script.",
        "Clinic scheduling felled by night-shift admin's botched patch",
        "The outage was caused by a painter who leaned a ladder on the breaker panel.",
    ],
)
def test_harm_in_the_passive_by_a_person(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Checkout was taken down by the failover script.",
        "The pricing sheet was leaked by a misconfigured bucket policy.",
        "The radios were knocked out by a lightning strike on the mast.",
        "The old exports were deleted by the retention job as designed.",
        "The outage was caused by a certificate that expired at midnight.",
    ],
)
def test_harm_in_the_passive_by_a_thing(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- the outcome that followed the act -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "One technician switched the chiller off by hand and the rooms overheated.",
        "The cleaning crew unplugged the core switch and the trading floor went offline.",
        "The operator restarted the primary in the morning rush and froze all orders.",
        "The contractor went around the change board, which is what caused the outage.",
        "The crew improvised their own steps, and that is why the alarm lines went silent.",
        "Someone deleted the shared secrets and now nothing can start.",
    ],
)
def test_an_act_and_the_harm_that_followed(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The chiller failed at noon and the rooms overheated.",
        "The operator restarted the primary and the errors stopped.",
        "The crew followed the runbook, and that is why the alarms stayed quiet.",
        "Quennell restarted the queue and now nothing is stuck.",
    ],
)
def test_no_person_tied_to_harm(text: str) -> None:
    assert "blame_other" not in categories(text)
