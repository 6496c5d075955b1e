"""A warning set aside with its pronoun inside ("blew it off"), a title mocked ("you call
yourself a DBA?"), a team owning a mistake ("a mistake on our side"), and plural or
relative time phrases before their comma ("Other times, …", "Two days later, …").

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
        "The night-shift engineer blew it off and went back to sleep.",
        "Ops waved them off without opening the dashboard.",
        "The lead just shrugged it off.",
    ],
)
def test_a_warning_set_aside_with_its_pronoun_inside(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    ["The gust blew it off the mast.", "The pager blew up at 02:00 and we paged storage."],
)
def test_wind_or_a_pager_blowing_is_no_one_setting_a_warning_aside(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["You call yourselves maintainers?", "She calls herself a senior SRE and skipped the canary."],
)
def test_a_title_mocked_is_a_verdict(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text", ["What do you call yourself in the status channel?", "I call myself lucky."]
)
def test_a_name_asked_or_ones_own_luck_is_no_verdict(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text", ["That was a blunder on our part.", "Sorry folks, a screw-up on our end."]
)
def test_a_team_owning_a_slip_is_self_blame(text):
    assert "self_blame" in categories(text)


def test_an_error_on_our_side_is_what_a_status_page_says_of_a_system():
    assert categories("An error on our side paused the exports for an hour.") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Other times, the reviewers skip the diff.", "the"),
        ("Two days later, Dana restored the volume.", "Dana"),
        ("Some time ago, we moved the cron to the scheduler.", "we"),
        ("A few hours earlier, the vendor rotated the keys.", "the"),
    ],
)
def test_a_time_phrase_before_its_comma_is_no_subject(text, subject):
    assert _subject_start(text) == subject


def test_a_habit_told_after_a_time_phrase_is_read():
    found = categories("Other times, developers just don't test their builds enough.")
    assert "blame_other" in found


@pytest.mark.parametrize(
    "text",
    [
        "Leaving the firewall open was serious misconduct.",
        "The board called it a dereliction of duty by the night crew.",
    ],
)
def test_conduct_judged_as_an_employer_judges_it(text):
    assert "blame_other" in categories(text)
