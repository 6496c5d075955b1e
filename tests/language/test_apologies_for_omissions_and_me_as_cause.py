"""An apology for care left undone is hindsight on oneself, and "because of me" names the
writer as the cause; etiquette about the conversation is neither.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for not checking the replica lag before the cutover.",
        "I apologise for skipping the dry run on staging.",
        "Apologies again for failing to pin the base image.",
        "Really sorry about forgetting to rotate the webhook secret.",
    ],
)
def test_an_apology_for_a_step_left_undone_is_self_hindsight(text):
    assert "UB204" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for not getting back to you before the weekend.",
        "Apologies for not answering in the thread, I was offline.",
        "Sorry about missing the meeting on Tuesday.",
        "Sorry for not being clearer in the ticket.",
        "We are sorry the dashboard was not updated sooner.",
    ],
)
def test_etiquette_about_the_conversation_is_not_hindsight(text):
    assert "UB204" not in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The staging deploy stalled for an hour because of me.",
        "Half the queue was dropped due to me restarting the broker.",
    ],
)
def test_the_writer_as_the_cause(text):
    assert "UB201" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Because of me you now get a page when the disk is at 80%.",
        "The review was delayed because of meetings all afternoon.",
        "They paged the database team due to memory pressure.",
    ],
)
def test_a_good_outcome_or_another_cause_is_not_self_blame(text):
    assert "UB201" not in _rules(text)
