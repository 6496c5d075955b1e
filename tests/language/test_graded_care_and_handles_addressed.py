"""Care graded short ("without a thorough round of testing", "had not received adequate
training") and a handle that addresses the reader before the sentence proper.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import clause, clause_subject


def _subject_start(text: str) -> str:
    words = clause.read(text, 0, len(text)).words
    return words[clause_subject._skip_openers(words)].text


@pytest.mark.parametrize(
    "text",
    [
        "The hotfix shipped without a thorough round of integration testing.",
        "The schema change was merged without an adequate level of review.",
        "The dispatcher had not received adequate training on the new console.",
        "The crew never received sufficient drills for a manual cut-over.",
    ],
)
def test_care_graded_short_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The importer ran without a thorough check of its own inputs.",
        "The staff received adequate training in March.",
    ],
)
def test_a_thing_without_a_check_or_care_received_is_no_hindsight(text):
    assert categories(text) == []


def test_a_handle_before_a_capitalised_word_addresses_the_reader():
    assert _subject_start("@rowan It should have been tested first.") == "It"


def test_a_handle_before_a_verb_is_the_subject():
    assert _subject_start("@rowan merged the branch.") == "@rowan"


def test_hindsight_about_a_thing_after_a_handle_is_read():
    text = "@rowan It should have been tested on a real device before the release."
    assert "counterfactual" in categories(text)


def test_the_writers_own_slip_told_to_a_handle_is_not_the_handles():
    found = categories("@rowan I accidentally deleted the tag, restoring it now.")
    assert "blame_other" not in found
    assert "self_blame" in found


def test_a_handles_own_slip_is_still_theirs():
    assert "blame_other" in categories("@rowan accidentally deleted the tag.")
