"""Blame by sarcasm, rhetoric and the outage said to be a person (learned on
shapes-train8): "nice of you to drop …", praise with the damage after it, "how many
more outages is X going to cause", "who in their right mind", "funny how … only …
when X", "I'm sure it's a coincidence that …", the harm "the moment X touched it";
"the outage was X unplugging …", "the mess X left", "undoing what X merges", "the
problem comes from X", "introduced by the PR of X", "wrecked by the … team".

Sentences are written for this file; the names and handles in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Cheers, Ulfric, nice of you to wipe the staging volume before the demo.",
        "Superb work on the rollout, Nneka, it only took out login for half the users.",
        "Excellent, Barnaby: one flag flip and every dashboard is dead.",
        "Bravo to whoever lowered the pool size; checkout has been down since noon.",
        "How many more rollbacks is Cosmin going to cause before the freeze?",
        "Who in their right mind deletes a bucket without a snapshot?",
        "Strange how the queue only ever backs up when Ilsabet is on call.",
        "I'm sure it's pure coincidence that search broke an hour after Tobiah's deploy.",
        "Nothing says 'fully tested' like Ruairi's migration failing on the first table.",
        "The billing run crashed the moment Ysolt touched the tax tables.",
        "Last night's outage was the vendor engineer rebooting the wrong controller.",
        "The slipped launch is down to Evander sitting on the security review.",
        "We lost a week cleaning up the mess Perpetua left in the billing schema.",
        "The breakage that Domenico caused is still in the error budget.",
        "I spend every Monday undoing what Ferelith pushes on Friday.",
        "The regression comes from Hallvard, he removed the retry.",
        "This bug is introduced by the commit of Oyelaran in the last release.",
        "Yet another release wrecked by the mobile team.",
    ],
)
def test_sarcasm_rhetoric_and_the_outage_as_a_person(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice of you to drop by the retro, Ulfric.",
        "Superb work on the rollout, Nneka, it went out without a blip.",
        "Bravo to whoever added the canary, the bad build never left staging.",
        "How many more nodes does the cluster need before the sale?",
        "Strange how the queue only backs up when the batch job runs.",
        "The billing run crashed the moment the tax service timed out.",
        "The outage was the cache expiring every key at once.",
        "The mess the migration left in the tables took a day to clean.",
        "The error came from the storage driver, not from our code.",
        "The problem comes from the cache layer.",
        "The crash was fixed by the commit of Oyelaran in the last release.",
    ],
)
def test_no_blame_in_the_same_shapes_about_systems_or_credit(text: str) -> None:
    assert "blame_other" not in categories(text)
