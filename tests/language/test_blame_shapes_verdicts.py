"""Verdicts told in idiom: punishment wished on someone, praise for a disaster, sneers by
comparison or by title, and judgement words not yet on the list.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


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


# --- from formal reports, headlines and forums (learned on shapes-train4) -----------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("This merge of yours took down the staging cluster.", "blame_other"),
        (
            "The board found that the signaller's handling of the request caused the diversion.",
            "blame_other",
        ),
        (
            "The inquiry found that the supervisor's instruction to skip the test caused the leak.",
            "blame_other",
        ),
        ("The depot sat idle for six hours because of a single fitter.", "blame_other"),
        ("The blame for the flood lies squarely with the shift supervisor.", "blame_other"),
        ("I lay this one at the feet of the release manager.", "blame_other"),
        ("Responsibility for this mess sits with one person.", "blame_other"),
        ("Wystan was at fault for the mix-up.", "blame_other"),
        ("Pharmacist blamed as clinic admits dosing error", "blame_other"),
        ("Water board blames maintenance fitter for boil notice", "blame_other"),
        ("We spent the weekend cleaning up after Wystan's deploy.", "blame_other"),
        ("Wystan, this is your mess.", "blame_other"),
        ("I'm tired of fixing whatever the mobile team breaks.", "blame_other"),
        ("Whenever Wystan is on call, something falls over.", "blame_other"),
        ("Every release Wystan touches gets rolled back.", "blame_other"),
        ("ok who let @wystan loose on the dns console", "blame_other"),
        ("Nice one @wystan, the whole staging env is toast.", "blame_other"),
        (
            "The engineer responsible for Monday's data loss has been moved off the rota.",
            "blame_other",
        ),
        ("The corrupted export is on me, nobody else.", "self_blame"),
        ("Why did they let someone as dumb as me near billing?", "self_blame"),
    ],
)
def test_verdicts_in_reports_headlines_and_forums(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The blame for the flood lies with the drainage design.",
        "Responsibility for the runbook sits with the platform team.",
        "Nobody was at fault.",
        "Storm blamed for weekend blackout",
        "We spent the weekend cleaning up after the storm.",
        "Whenever the cache is cold, the first request is slow.",
        "One engineer restarted the pods at 14:05.",
        "A single retry caused the duplicate.",
        "The review is on me this week.",
        "The engineer responsible for Monday's rollout paged the vendor.",
    ],
)
def test_no_verdict_in_reports_headlines_and_forums(text: str) -> None:
    assert not {"blame_other", "self_blame"} & set(categories(text))
