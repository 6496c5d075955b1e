"""Verdicts told in idiom: punishment wished on someone, praise for a disaster, sneers by
comparison or by title, and judgement words not yet on the list.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def categories(text: str) -> list[str]:
    return [f.category.value for f in analyze(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Punishment wished in idiom.
        "Heads should roll on the platform team after this one.",
        "If it were up to me, Wystan would be clearing out his desk tonight.",
        "Whoever shipped that migration deserves to be walked out of the building.",
        "The admin who pulled that cable deserves to lose his job.",
        "That release manager has earned a one-way ticket out of this company.",
        "Somebody should be shown the door for this.",
        # Praise for the disaster.
        "Bravo to the data crew for turning a five-minute backfill into a day-long outage.",
        "Kudos to whoever decided the replica was the right place to run the purge.",
        "Nice work @wystan, the API has been returning 503s since your merge.",
        "Another flawless release from the geniuses in the platform group.",
        # Sneers and judgement words.
        "The contractor did a shoddy job on the cutover.",
        "Their new DBA is about as useful as a screen door on a submarine.",
        "Everyone knew Wystan couldn't be trusted with the billing console.",
        "The vendor kept cutting corners on the rack work.",
    ],
)
def test_a_verdict_in_idiom(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kudos to the team for a clean rollout.",
        "Bravo to the on-call for catching the outage early.",
        "Kudos to the team for turning a week-long migration into a one-hour job.",
        "Wystan will lose his job title in the reorg, not his job.",
        "Our geniuses in research shipped a great model.",
        "We cleared out the old desk phones from the NOC.",
        "The new dashboard is as useful as the old one, and faster.",
    ],
)
def test_no_verdict(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- fault placed on a named person, a root cause that is a person, headlines -------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("This one is on Wystan, not on the tooling.", "blame_other"),
        ("Wystan is to blame for the lost invoices.", "blame_other"),
        ("Root cause: Wystan.", "blame_other"),
        ("The root cause of the outage was Wystan running the old playbook.", "blame_other"),
        ("Root cause: the operator's decision to skip the canary.", "blame_other"),
        ("The fault lies with whoever approved the vendor's plan.", "blame_other"),
        ("Wystan's slip with the ACL is why the kiosks went dark.", "blame_other"),
        ("Technician blamed for county-wide radio blackout", "blame_other"),
        ("Metro outage pinned on night worker who tripped a breaker", "blame_other"),
        ("I feel awful, this whole mess is on me.", "self_blame"),
    ],
)
def test_fault_placed_on_a_person(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The retro is on Monday.",
        "The meeting is on Zoom.",
        "Nobody is to blame.",
        "Root cause: DNS.",
        "The fault lies with the retry logic.",
        "This task is on me and Wystan this week.",
        "The root cause was the cache running out of memory.",
    ],
)
def test_no_fault_on_a_person(text: str) -> None:
    assert not {"blame_other", "self_blame"} & set(categories(text))
