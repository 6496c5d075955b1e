"""Harm a person did, told in any tense or voice: present-tense wrecking (a timeline, a
habit), more wrecking verbs, the passive with the person after "by", and an outcome that
follows the act ("… and the rooms overheated", "which is what caused the outage").

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories, cue

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


# --- a second act that wrecks; a shared or live thing destroyed ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The contractor worked on the live switchboard and cut the signalling.",
        "Against our runbook, the engineer chose to push the cert everywhere and took it offline.",
        "Our new intern deleted the shared analytics database on her first day.",
        "Whoever changed the lifecycle rule just wiped six months of billing logs.",
        "07:40 - the intern wipes the shared cache bucket (again).",
    ],
)
def test_wrecked_by_a_second_act_or_a_shared_thing_destroyed(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The admin deleted the production bucket as planned during the decommission.",
        "Quennell deleted the stale test buckets.",
        "Quennell restarted the pods and the errors stopped.",
        "The retention job wiped six months of billing logs as configured.",
    ],
)
def test_destroying_as_planned_or_by_a_thing(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- a person, not their work, as the reason things went bad -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We lost the whole Saturday of sales because of @quennell.",
        "Because of the storage team, we spent the night restoring from tape.",
        "Thanks to Quennell, nobody in the east wing has had email since Monday.",
        "Courtesy of Quennell, the whole floor went dark.",
    ],
)
def test_a_person_as_the_reason_for_a_loss(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Quennell, we caught the leak early.",
        "Thanks to Quennell, we lost nothing.",
        "Because of the storage team, the restore was quick.",
        # A capitalised name the roster does not know may be a product after "because of".
        "Because of Kubernetes, the pods went down.",
    ],
)
def test_credit_or_a_product_as_the_reason(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- "whoever …" as the subject: the main verb comes after it -----------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Whoever merged #4410 broke the nightly build.", "broke"),
        ("Whoever changed the lifecycle rule just wiped six months of logs.", "just"),
        ("Whoever wrote this did not think about large tables.", "did"),
    ],
)
def test_the_predicate_after_a_whoever_subject(text: str, verb: str) -> None:
    from unblame.language import clause

    first = clause.read(text, 0, len(text)).clauses[0]
    assert first.words[first.predicate].text == verb


def test_a_whoever_subject_breaking_something() -> None:
    assert "blame_other" in categories("Whoever merged #4410 broke the nightly build.")
    assert "blame_other" not in categories("Whoever merged #4410 fixed the nightly build.")


# --- departments, knacks, losses told before "because", work nouns -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "IT broke the print servers again.",
        "Networking blackholed our traffic for an hour.",
        "Quennell always manages to break the release branch before a freeze.",
        "It was Quennell who knocked the pharmacy dispensing queue offline.",
        "Forty flights were cancelled all because one technician pulled a plug.",
        "Thanks to the data team's backfill, every dashboard is showing garbage.",
    ],
)
def test_more_harm_by_people(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "It broke the print servers.",
        "Quennell always manages to fix the release branch before a freeze.",
        "Forty flights were cancelled because the storm closed the airport.",
        "We avoid words like careless and sloppy in incident reviews.",
        "Networking is the team that owns the load balancers.",
    ],
)
def test_no_harm_by_people(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- harm over time, to one's own thing, "took out", slips in the passive ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Whoever wrote this exporter has been corrupting our metrics for weeks.",
        "Your admin wiped the volume himself and now wants us to restore it.",
        "Nothing wrong with the library; the OP corrupted the cache themselves.",
        "Whoever edited the zone file took out email for the whole office.",
        "The newsletter was sent to the wrong list by someone in marketing.",
        "The outage followed an unauthorised change made by one employee.",
        "The night shift supervisor is to blame for the delay.",
        "A blunder by the duty planner left the depot without power.",
    ],
)
def test_harm_over_time_own_things_and_passive_slips(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The exporter has been corrupting our metrics for weeks.",
        "The admin restored the volume himself over the weekend.",
        "The newsletter was sent to the wrong list by the mailer's retry bug.",
        "The outage followed an automated change made by the deploy bot.",
        "The night shift supervisor is to thank for the quick restore.",
        "Quennell took out the trash before the retro.",
    ],
)
def test_no_person_harming(text: str) -> None:
    assert "blame_other" not in categories(text)
