"""Harm tied to a person's act in the shapes the eighth set showed (learned on
shapes-train8): the people a service is for who could no longer use it, what went
with the act ("…, losing …", "…, leaving the service to fall over"), a rate that
tripled, what safety reports tell followed; a sentence opening with "Because X did
…"; another's work named as the cause in a review comment ("the check you removed
is the reason …"); and the reason for a harm given as a person doing something.

Sentences are written for this file; the names and handles in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.lexicon import ROLE_WORDS


@pytest.mark.parametrize(
    "text",
    [
        # Who could no longer use the service.
        "Facilities cut the fibre to building C and now most of our tenants can't connect.",
        "Hesketh revoked the signing key, so 4,000 subscribers were locked out of the app.",
        "Dunstan changed the billing cron and 1,200 merchants were double-charged.",
        # What went with the act, and a rate that rose.
        "Perpetua restarted the broker mid-batch, losing two hours of payments.",
        "Odhran lowered every timeout to 50 ms and went home, leaving the gateway to fall over.",
        "Yestin flipped the cache flag for every region and the error rate tripled.",
        # Safety reports.
        "The shunting crew left the points unclamped, and the wagons derailed at the junction.",
        "The theatre nurse skipped the swab count and the patient was taken to intensive care.",
        "The site foreman waved the digger on, but the driver reversed and a worker was struck.",
        # "Because X did …, harm".
        "Because Radomir truncated the sessions table, 900 clients were logged out mid-order.",
        # Another's work as the cause, in review comments.
        "the retry cap you removed here is the reason checkout is timing out",
        "Reverting: the index @wend dropped is what has been killing the nightly report.",
        "The regex she added takes down the tokenizer on every emoji.",
        # The reason for a harm given as someone doing something.
        "The only reason the queue melted was Ansgar replaying a week of events at noon.",
        "What took search down for an hour was Liesl rebuilding the index on the primary.",
    ],
)
def test_harm_tied_to_a_persons_act_is_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A good outcome, or a bad quantity brought down.
        "Yestin flipped the cache flag and the error rate dropped by half.",
        "Hesketh rotated the signing key, so the old tokens stopped working as planned.",
        # A system as the agent of the same outcome.
        "The billing cron ran twice and 1,200 merchants were double-charged.",
        "Because the cron job truncated the sessions table, 900 clients were logged out.",
        # "Because" inside the sentence gives a reason, not a cause.
        "We paused the rollout because Radomir saw the error rate climb.",
        # Credit in the review-comment shape.
        "the retry cap you added here is the reason checkout recovered",
        "The fix she pushed is what stopped the crashes.",
        "The reason the deploy was fast was Ansgar caching the layers.",
        # A person who was affected, not the one who acted.
        "Perpetua was paged at 02:00, and the broker recovered at 02:40.",
    ],
)
def test_no_blame_without_a_persons_act_tied_to_harm(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_crews_are_people_and_a_pilot_rollout_stays_a_thing() -> None:
    roles = {w.lower() for w in ROLE_WORDS}
    assert {"co-pilot", "pilot", "releaser", "deckhand"} <= roles
    # "pilot" also names a trial: before a noun it is that noun's modifier.
    assert "blame_other" not in categories("The pilot rollout broke nothing.")
