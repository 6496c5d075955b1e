"""The all-triggers index: each trigger word with the trigger words that are its prefixes."""

from __future__ import annotations

from unblame.language import RULES
from unblame.language.analyzer import _trigger_index

WORDS = sorted({w for rule in RULES for w in rule.all_triggers})


def test_every_trigger_word_lists_exactly_its_prefixes_in_sorted_order():
    _, prefixes = _trigger_index()
    expected = {w: tuple(p for p in WORDS if w.startswith(p)) for w in WORDS}
    assert prefixes == expected
    assert list(prefixes) == WORDS


def test_a_word_is_its_own_prefix_and_shorter_triggers_come_first():
    _, prefixes = _trigger_index()
    for word, found in prefixes.items():
        assert found[-1] == word
        assert [len(p) for p in found] == sorted(len(p) for p in found)
    nested = [w for w, found in prefixes.items() if len(found) > 1]
    assert nested, "some trigger words begin with others (lazy, lazi…)"


def test_the_index_finds_every_trigger_where_it_starts_even_inside_another():
    regex, prefixes = _trigger_index()
    word = next(w for w, found in prefixes.items() if len(found) > 1)
    text = f"xx {word} yy {word}"
    starts = [m.start() for m in regex.finditer(text) if m.group(1) == word]
    assert starts == [3, 4 + len(word) + 3]
