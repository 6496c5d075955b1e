"""Names are found at a cost that does not depend on the roster (unblame.language.names)."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import analyze
from unblame.language.lexicon import NAME_MARK, mark_names
from unblame.language.names import Roster, as_roster, build_index, name_spans, roster_indexes


def spans(text: str, *names: str) -> list[str]:
    return [text[a:b] for a, b in name_spans(text, build_index(names))]


def test_a_name_matches_case_sensitively_and_as_a_whole_word():
    assert spans("Grace paged Grace", "Grace") == ["Grace", "Grace"]
    assert spans("the grace period; Graceful restart", "Grace") == []


def test_a_name_glued_to_a_word_a_handle_or_a_hyphenated_name_is_not_that_name():
    assert spans("@Neil O'Neil Jean-Neil Neil_x xNeil", "Neil") == []
    # Followed by a hyphen it is still the name, as in "Neil-approved".
    assert spans("Neil-approved", "Neil") == ["Neil"]


def test_the_leftmost_then_the_longest_name_wins():
    assert spans("Anna Maria rolled back", "Anna", "Maria", "Anna Maria") == ["Anna Maria"]
    assert spans("Anna Mariana rolled back", "Anna", "Anna Maria") == ["Anna"]


def test_names_that_no_capital_announces_are_found_too():
    assert spans("jdoe and _bot and 42ops, not jdoex", "jdoe", "_bot", "42ops") == [
        "jdoe",
        "_bot",
        "42ops",
    ]


def test_blank_and_padded_names_are_cleaned():
    index = build_index(["  Zorbel ", "", "   "])
    assert index.by_first_word == {"Zorbel": ("Zorbel",)}
    assert index.uncapitalised == {}


def test_marking_keeps_the_length_and_marks_the_first_letter_only():
    text = "Zorbel and Priya Patel met zq."
    marked = mark_names(text, ["Zorbel", "Priya Patel", "zq"])
    assert len(marked) == len(text)
    assert marked == f"{NAME_MARK}orbel and {NAME_MARK}riya Patel met {NAME_MARK}q."


def test_a_roster_compares_and_hashes_by_its_parts():
    everyone = frozenset({"Zorbel", "zq"})
    first, second = Roster(everyone, frozenset()), Roster(everyone, frozenset())
    assert first == second and hash(first) == hash(second)
    assert first != Roster(everyone, frozenset({"Quill"}))
    assert "zq" in first and "Quill" not in first
    assert list(Roster(["b", "a"], ["a", "c"])) == ["a", "b", "c"]
    assert len(Roster(["b", "a"], ["a", "c"])) == 3
    assert as_roster(first) is first
    assert as_roster(["x"]) == Roster(frozenset({"x"}))


def test_a_part_seen_again_reuses_its_index():
    everyone = frozenset({"Zorbel", "Quill"})
    one = roster_indexes(Roster(everyone, frozenset({"Ada"})))
    two = roster_indexes(Roster(everyone, frozenset({"Bea"})))
    assert one[0] is two[0]
    assert one[1] is not two[1]


def test_analysing_with_a_new_roster_compiles_nothing():
    text = "Zorbel should have checked the config before deploying."
    analyze(text, names=["Zorbel"])  # warms the rules' lazily compiled patterns
    with mock.patch.object(re, "compile", side_effect=AssertionError("compiled per roster")):
        for n in range(50):
            findings = analyze(text, names=Roster(["Zorbel"], [f"Person{n}"]))
            assert [f.rule for f in findings] == ["UB301"]


def _reference(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Position by position, the longest name that starts there as a whole word."""
    found, at = [], 0
    while at < len(text):
        glued = at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_@'’-")
        after_article = re.search(r"\b(?:the|a)[ \t]+$", text[:at]) is not None
        ends = [
            at + len(n)
            for n in names
            if text.startswith(n, at) and not re.match(r"\w", text[at + len(n) : at + len(n) + 1])
        ]
        if ends and not glued and not after_article:
            found.append((at, max(ends)))
            at = max(ends)
        else:
            at += 1
    return found


_WORDS = st.sampled_from(
    ["Ann", "Anna", "Maria", "ann", "Bo", "bo", "x", "O'Bo", "Bo-Ann", "the", "a"]
)
_SEPARATORS = st.sampled_from([" ", "  ", "-", "'", "@", ".", "\n", ""])


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=12),
    names=st.sets(st.sampled_from(["Ann", "Anna", "Anna Maria", "Maria", "bo", "Bo", "O'Bo"])),
)
def test_spans_agree_with_a_per_roster_alternation(words, names):
    text = "".join(word + sep for word, sep in words)
    expected = _reference(text, names) if names else []
    assert name_spans(text, build_index(names)) == expected


def test_a_name_after_an_article_is_a_common_noun():
    # An account called "release" must not turn every release into a person.
    assert spans("The release broke checkout; release rolled it back.", "release") == ["release"]
    assert spans("the Grace period and Grace", "Grace") == ["Grace"]
    assert analyze("The release broke checkout for an hour.", names=["release"]) == []
