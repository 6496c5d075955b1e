"""Vigilance asked as an impersonal necessity ("it's crucial to ensure …"), a
maintainer's act asked to be left undone ("please do not make breaking changes"),
and the same wording when the step is moved into the pipeline.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "It's crucial to ensure that every migration gets a second pair of eyes.",
        "It is essential that operators verify the target host before running the purge.",
        "It is important to double-check the region flag on every deploy.",
        "Please do not make breaking changes in a minor release.",
    ],
)
def test_vigilance_asked_as_a_necessity_or_a_prohibition_is_a_plea(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is important to ensure that the deploy tool blocks unreviewed changes.",
        "It is important to test the restore path in CI every week.",
        "It is important to note that the cache was cold.",
    ],
)
def test_a_necessity_met_by_the_system_or_a_note_is_not(text):
    assert "try_harder" not in categories(text)
