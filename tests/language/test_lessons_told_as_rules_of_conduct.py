"""A remedy asks people to behave better however it is worded: a lesson turned into a
rule for everyone ("this is why you don't …", "we learned: never …"), a mandative
"that" clause with anyone in a role as its subject, and a directive softened by "just".
A practice the team already has, a thing asked to behave and a plain plan stay clean.

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
        "This is why you don't just push to the release branch on a Friday.",
        "That's why you always check which context kubectl points at.",
        "We learned the hard way: never deploy without a second pair of eyes.",
        "Lesson for today, I learned, always check the tag before you push.",
        "It is imperative that each operator verify the valve position before the test.",
        "It is vital that every reviewer check the migration by hand.",
        "Folks just need to slow down and read the diff.",
        "Operators just have to be more careful with the console.",
    ],
)
def test_a_remedy_that_asks_people_to_behave(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "That's why we don't deploy from laptops: the pipeline signs every image.",
        "This is why you should pin the base image in the Dockerfile.",
        "It is important that the service restart cleanly after a crash.",
        "It is vital that the controller reconcile the lease within a second.",
        "We just need to restart the pod once the volume is attached.",
        "We learned that the cache keeps stale entries for a day.",
    ],
)
def test_a_practice_a_thing_or_a_plan_stays_clean(text):
    assert "try_harder" not in _categories(text)
