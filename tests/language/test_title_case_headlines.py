"""A headline in title case is read as if written in sentence case: its capitals mark
the style, not names, so the rules that read case see the words they know.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.prose import sentence_case_titles


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Carrier Blames Human Error For Weekend Outage", "UB401"),
        ("Regulator Says Operator Error Caused The Blackout", "UB401"),
    ],
)
def test_a_title_case_headline_is_read(text, rule):
    assert rule in _rules(text)


def test_the_line_keeps_its_length_first_word_and_acronyms():
    line = "NTSB Report Blames Crew For Missed Checklist"
    lowered = sentence_case_titles(line)
    assert len(lowered) == len(line)
    assert lowered == "NTSB report blames crew for missed checklist"


@pytest.mark.parametrize(
    "text",
    [
        "The Grafana dashboard showed the spike at 09:14.",
        "Rollback Plan",
        "Ada rolled back the release at 14:05.",
    ],
)
def test_prose_and_short_headings_are_left_as_written(text):
    assert sentence_case_titles(text) == text


def test_a_heading_in_title_case_names_no_one():
    assert not _rules("## Timeline Of The Failover And Recovery")


def test_a_marked_name_counts_as_capitalised_and_is_kept():
    from unblame.language.lexicon import NAME_MARK

    line = f"Engineer {NAME_MARK}ob Deletes Production Database"
    assert sentence_case_titles(line) == f"Engineer {NAME_MARK}ob deletes production database"
