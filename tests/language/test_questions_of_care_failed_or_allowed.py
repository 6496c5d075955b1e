"""A question about a person's care that failed, was not going on, or let a bad turn
happen ("Did the crew fail to monitor the altitude?", "Why did the operator let the
tank overflow?"); the same questions asked of things are real questions.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Did the night crew fail to monitor the pressure gauge?",
        "Why wasn't the reviewer running the integration tests?",
        "Why did the shift operator let the backlog grow past an hour?",
        "How could they let the certificate lapse?",
    ],
)
def test_care_asked_of_a_person_as_failed_or_allowed_has_an_edge(text):
    assert "UB105" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Did the nightly backup fail to run?",
        "Why wasn't the cron job running?",
        "Why did the scheduler let the job run twice?",
        "Was anyone watching the graphs during the cutover?",
    ],
)
def test_the_same_questions_of_things_or_for_facts_are_real_questions(text):
    assert "UB105" not in _rules(text)
