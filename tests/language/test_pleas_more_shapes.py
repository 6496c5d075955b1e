"""More shapes of a remedy that asks people to try harder: "take (the) time to", a
comma after "please", an adverb of care before the imperative ("Carefully check …"),
the state to work in ("Do not work late!"), a promise not to repeat the mistake, and
reminders of a rule told as received.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Please take the time to read the plan output.",
        "Take time to confirm the hostname.",
        "Please, never skip the canary stage.",
        "Thoroughly review the migration before you merge.",
        "Don't code when you're exhausted.",
        "Never work on prod after hours.",
        "We will not make that mistake again.",
        "I am not going to make the same error twice.",
        "The night crew were reminded of the lockout procedure.",
        "Every cashier received a reminder about the refund policy.",
    ],
)
def test_remedies_that_ask_people_to_try_harder(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was reminded of the 2019 outage when the alert fired.",
        "The bot posts the on-call rota every Monday.",
        "Carefully chosen defaults keep the deploy safe.",
        "The job does not work when the disk is full.",
        "It took time to find the right log.",
    ],
)
def test_memories_tools_and_facts_ask_nothing_of_people(text):
    assert "try_harder" not in categories(text)
