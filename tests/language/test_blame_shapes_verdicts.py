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
