"""A person named by a word for the guilty, an idiom of authorship, a tally, a demand to
answer for it, or a world where someone else was at the helm (learned on
shapes-train10): "the culprit is Orlaith, who …", "has Lorcan's fingerprints all over
it", "three times it was Vasco", "the bisect points straight at Mirela", "explain
himself to the board", "with anyone but Malachy at the console, …".

Sentences are written for this file; the names and handles in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The culprit turned out to be our own build engineer.",
        "Found the culprit: Evander, who set the TTL to zero.",
        "culprit identified, it's @ravn and his cron tweak",
        "Patient zero for the outage was the new contractor.",
        "The main offender is Sigrun; her backfill pinned the primary.",
        "This mangled schema has Odile's fingerprints all over it.",
        "The broken dashboard is Tancredi's handiwork.",
        "Five outages since spring, five times it was Leofric.",
        "The bisect points squarely at Brannagh.",
        "I expect the developer who wiped the bucket to explain himself.",
        "With anyone but Ferelith on the rota, we would have been back in minutes.",
        "Had Osric kept his hands off the router, nobody would have been paged.",
    ],
)
def test_the_guilty_named(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The culprit was Redis, which evicted the session keys.",
        "The culprit turned out to be a runaway query.",
        "The main offender is the retry loop in the auth client.",
        "The fix has Odile's name on it.",
        "The tidy rollback script has Odile's fingerprints all over it, and it saved us hours.",
        "Five outages since spring, and five times it was Leofric who found the fix.",
        "The bisect points at the v2.3 tag.",
        "With anyone on the rota, the runbook now takes ten minutes.",
    ],
)
def test_no_blame_when_the_guilty_is_a_thing_or_the_credit_is_sincere(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- the harm in the passive, with the person inside a possessive or a relative clause --


@pytest.mark.parametrize(
    "text",
    [
        "A week of invoices was lost in Gwenllian's cleanup.",
        "The whole cache tier was rebooted through Anselm's misfired playbook run.",
        "Customer emails leaked on Ysolde's watch.",
        "Search was broken by the reindex that Caradoc ran at noon.",
        "Billing went down because of a flag that the new SRE, Tobiah, flipped in prod.",
        "Council payroll chaos traced to lone contractor's script",
        "Hospital records lost after contractor wiped server",
    ],
)
def test_harm_in_the_passive_with_the_person_inside(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "No data was lost in Gwenllian's cleanup.",
        "The outage was fixed by the patch that Caradoc pushed.",
        "Data was lost in PostgreSQL's upgrade.",
        "Triggered when a technician pulled the uplink, the failover worked as designed.",
        "The alert was resolved by the runbook that Tobiah wrote.",
    ],
)
def test_no_blame_without_a_persons_harm_in_the_passive(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- harm told as a community's loss, a whole collection deleted, a build turned red ----


@pytest.mark.parametrize(
    "text",
    [
        "Admin @kestrin purged 300 accounts with a sloppy filter and half the guild quit.",
        "The wiki is empty because Rhosyn deleted the whole namespace during a tidy-up.",
        "@tamsk, this is the third patch of yours that has turned the ARM build red.",
        "Gwydion dropped the feature flag table and got our API key rate-limited.",
    ],
)
def test_harm_as_a_communitys_loss_or_a_whole_collection(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rhosyn deleted the old backups after the retention review, as planned.",
        "The cleanup job deleted the whole namespace, as configured.",
        "The retry change turned the error rate down.",
        "Half the guild left for the holidays, so the event was quiet.",
    ],
)
def test_no_blame_for_planned_deletes_systems_or_good_news(text: str) -> None:
    assert "blame_other" not in categories(text)
