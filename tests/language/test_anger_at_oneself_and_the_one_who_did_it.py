"""Anger or disappointment turned on oneself, "being an idiot", and the writer named
as the one who did the harm either way round; with the sentences that share the words
and blame nobody.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I was furious with myself for missing the expiry date.",
        "Honestly I'm disappointed in myself about the rollback.",
        "After a night of self-loathing I wrote up the timeline.",
        "I was being an idiot about the cache headers.",
        "It was me who dropped the audit table.",
        "The person who wiped the staging bucket was me.",
    ],
)
def test_the_writer_blaming_themselves(text):
    assert "self_blame" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Don't be angry with yourself; the prompt looked the same for both clusters.",
        "I am happy with myself for writing the runbook early.",
        "Self-hosted runners were down for an hour.",
        "It was me who pushed the tag, following the release checklist as written.",
        "It was me who found the stuck consumer.",
        "I was being careful with the cutover order.",
    ],
)
def test_kindness_pride_and_acts_told_blame_no_one(text):
    assert "self_blame" not in _categories(text)
