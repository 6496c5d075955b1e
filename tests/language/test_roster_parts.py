"""Rosters made of parts, and name spans found across several indexes.

The names here are invented for this file.
"""

from __future__ import annotations

import pytest

from unblame.language.lexicon import NAME_MARK, mark_names
from unblame.language.names import Roster, as_roster, build_index, name_spans, roster_indexes


def found(text: str, *rosters: list[str]) -> list[str]:
    indexes = [build_index(r) for r in rosters]
    return [text[a:b] for a, b in name_spans(text, *indexes)]


def test_a_roster_joins_its_parts_without_duplicates():
    roster = Roster(["Quillon", "Averly"], ["Averly", "Tamsk"])
    assert list(roster) == ["Averly", "Quillon", "Tamsk"]
    assert len(roster) == 3
    assert "Tamsk" in roster
    assert "tamsk" not in roster


def test_an_empty_roster_has_no_names():
    roster = Roster()
    assert len(roster) == 0
    assert list(roster) == []
    assert roster_indexes(roster) == ()


def test_a_roster_repr_counts_each_part():
    assert repr(Roster(["A1"], ["B1", "B2"])) == "Roster(1, 2 names)"


def test_as_roster_keeps_a_roster_and_wraps_anything_else():
    roster = Roster(["Quillon"])
    assert as_roster(roster) is roster
    wrapped = as_roster(("Quillon",))
    assert wrapped == roster
    assert hash(wrapped) == hash(roster)


def test_rosters_with_the_same_names_in_other_parts_differ():
    assert Roster(["Quillon", "Tamsk"]) != Roster(["Quillon"], ["Tamsk"])
    assert Roster(["Quillon"]) != ["Quillon"]


def test_empty_parts_get_no_index():
    assert len(roster_indexes(Roster([], ["Quillon"], []))) == 1


def test_names_from_every_index_are_found():
    text = "Quillon paged Tamsk and qbot-7 about it."
    assert found(text, ["Quillon"], ["Tamsk", "qbot-7"]) == ["Quillon", "Tamsk", "qbot-7"]


def test_the_longest_name_wins_across_indexes():
    text = "Averly Tamsk restarted it."
    assert found(text, ["Averly"], ["Averly Tamsk"]) == ["Averly Tamsk"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Our Release broke checkout.", []),
        ("Every Release has notes.", []),
        ("Yesterday Release paged us.", ["Release"]),
    ],
)
def test_a_name_after_a_determiner_is_a_common_noun(text, names):
    assert found(text, ["Release"]) == names


@pytest.mark.parametrize(
    "text",
    ["x@Quillon said hi", "Mc_Quillon left", "O’Quillon left", "Ana-Quillon left"],
)
def test_a_name_glued_to_what_comes_before_is_not_found(text):
    assert found(text, ["Quillon"]) == []


def test_a_name_must_end_at_a_word_boundary():
    assert found("Quillons arrived.", ["Quillon"]) == []
    assert found("Quillon's laptop.", ["Quillon"]) == ["Quillon"]


def test_mark_names_marks_roster_names_and_keeps_offsets():
    text = "Then Quillon restarted the proxy."
    marked = mark_names(text, Roster(["Quillon"]))
    assert len(marked) == len(text)
    start = text.index("Quillon")
    assert marked[start] == NAME_MARK
    assert marked[start + 1 :] == text[start + 1 :]
    assert marked[:start] == text[:start]


def test_mark_names_without_a_known_name_returns_the_text():
    text = "the queue stalled at noon"
    assert mark_names(text, Roster(["Quillon"])) == text
