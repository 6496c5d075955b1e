"""A question of care a person cannot or will not give is an accusation ("why can't he
read the runbook?", "why won't they follow the checklist?"); the same asked of a thing,
of the writer, or about what someone perceives (the review's own question about a
panel or a page) is not.

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
        "Why can't he just read the runbook?",
        "Why won't the night crew follow the checklist?",
        "Why do the reviewers not check the migrations?",
        "Why doesn't anyone ever test the restore?",
    ],
)
def test_care_that_a_person_cannot_or_will_not_give(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why can't the cache hold more than a day of entries?",
        "Why doesn't the job retry after a timeout?",
        "Why can't I see the dashboard for the EU region?",
        "Why doesn't the operator see the alarm on the main panel?",
    ],
)
def test_a_thing_the_writer_or_what_someone_perceives(text):
    assert "blame_other" not in _categories(text)
