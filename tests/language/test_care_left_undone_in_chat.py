"""Chat leaves the subject out of the writer's own omission ("Didn't check the target
before running it") and reads as "I didn't …". An imperative "never …", a question to
someone else, and a look that found nothing ("didn't see any errors") are no omission;
nor is a late answer to a colleague's message.

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
        "Didn't check which context I was in before running the drain.",
        "Did not run the linter before tagging 2.4.",
        "Never noticed the replica had stopped, sorry.",
    ],
)
def test_the_writers_omission_with_the_subject_left_out(text):
    assert "counterfactual" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Never run a drain without cordoning the node first.",
        "Tagged 2.4 without running the linter?",
        "Did not see any errors in the canary after the rollout.",
        "I didn't notice anything odd in the dashboards before the page.",
        "Sorry Ilka, I didn't see your ping until this morning.",
    ],
)
def test_an_imperative_a_question_or_nothing_to_see(text):
    assert "counterfactual" not in _categories(text)


def test_a_look_at_something_in_particular_left_undone_stays_an_omission():
    assert "counterfactual" in _categories("I didn't notice any of the disk alerts.")
