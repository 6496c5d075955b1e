"""`trie_pattern`: a prefix-factored alternation that matches like a plain one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language.trie import trie_pattern


def plain(words: list[str]) -> str:
    """The flat alternation the trie replaces, longest word first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["blame"], "no blame here", ["blame"]),
        (["blame", "blamed"], "they blamed him", ["blamed"]),
        (["care", "careless", "carelessly"], "carelessly careless care", None),
        (["a.b", "a+b"], "a.b a+b axb", ["a.b", "a+b"]),
        (["(x)", "[y]"], "(x) [y] x y", ["(x)", "[y]"]),
    ],
)
def test_it_finds_every_word_preferring_the_longest(words, text, expected):
    found = re.findall(trie_pattern(words), text)
    if expected is None:
        expected = ["carelessly", "careless", "care"]
    assert found == expected


def test_metacharacters_in_words_are_literal():
    pattern = trie_pattern(["a.c"])
    assert re.fullmatch(pattern, "a.c")
    assert re.fullmatch(pattern, "abc") is None


def test_a_single_word_needs_no_group():
    assert trie_pattern(["oops"]) == "oops"


def test_shared_prefixes_are_written_once():
    pattern = trie_pattern(["mistyped", "misread", "mistook"])
    assert pattern.count("mis") == 1
    for word in ("mistyped", "misread", "mistook"):
        assert re.fullmatch(pattern, word)
    assert re.fullmatch(pattern, "mis") is None


def test_duplicates_and_order_do_not_change_the_pattern():
    assert trie_pattern(["b", "a", "ab", "a"]) == trie_pattern(["a", "ab", "b"])


def test_no_words_give_an_empty_pattern():
    assert trie_pattern([]) == ""


_WORDS = st.lists(st.text(alphabet="abc.*", min_size=1, max_size=5), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abc.* ", max_size=30))
def test_it_matches_exactly_like_a_longest_first_alternation(words, text):
    trie = re.compile(trie_pattern(words))
    flat = re.compile(plain(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(words=_WORDS, candidate=st.text(alphabet="abc.*", max_size=6))
def test_it_fullmatches_exactly_the_words_in_the_list(words, candidate):
    assert (re.fullmatch(trie_pattern(words), candidate) is not None) == (candidate in words)


def test_shared_prefixes_are_factored_and_metacharacters_escaped_once_each():
    assert trie_pattern(["a.b", "a.c", "a.", "x"]) == r"(?:a\.(?:(?:b|c))?|x)"
