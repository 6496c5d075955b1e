"""The all-triggers index: each trigger word with the trigger words that are its prefixes."""

from __future__ import annotations

from unblame.language import RULES, prose
from unblame.language.analyzer import _trigger_index, _TriggerScope

WORDS = sorted({w for rule in RULES for w in rule.all_triggers})


def test_every_trigger_word_lists_exactly_its_prefixes_in_sorted_order():
    _, _, prefixes = _trigger_index()
    expected = {w: tuple(p for p in WORDS if w.startswith(p)) for w in WORDS}
    assert prefixes == expected
    assert list(prefixes) == WORDS


def test_a_word_is_its_own_prefix_and_shorter_triggers_come_first():
    _, _, prefixes = _trigger_index()
    for word, found in prefixes.items():
        assert found[-1] == word
        assert [len(p) for p in found] == sorted(len(p) for p in found)
    nested = [w for w, found in prefixes.items() if len(found) > 1]
    assert nested, "some trigger words begin with others (lazy, lazi…)"


def test_the_index_finds_every_trigger_where_it_starts_even_inside_another():
    regex, _, prefixes = _trigger_index()
    word = next(w for w, found in prefixes.items() if len(found) > 1 and w[0].isalpha())
    text = f"xx {word} yy {word}"
    starts = []
    match = regex.search(text)
    while match is not None:  # as the scan does: again from the next position
        if match.group(1) == word:
            starts.append(match.start())
        match = regex.search(text, match.start() + 1)
    assert starts == [3, 4 + len(word) + 3]


def test_a_trigger_inside_another_selects_its_sentence():
    # A trigger word that starts inside a longer one ("…lessly" inside "carelessly").
    outer, inner = next(
        (w, v) for w in WORDS for v in WORDS if v != w and v in w[1:] and not w.startswith(v)
    )
    scope = _TriggerScope(prose.parse(f"Before. It was {outer} done. After."))
    assert scope.sentences[inner] == scope.sentences[outer] == {1}


def test_the_trie_holds_the_words_that_start_with_a_letter_and_find_the_rest():
    regex, others, _ = _trigger_index()
    assert others and all(not w[0].isalpha() for w in others)
    assert set(others) | {w for w in WORDS if w[0].isalpha()} == set(WORDS)
    for word in WORDS:
        match = regex.match(word)
        if word[0].isalpha():
            assert match is not None and match.group(1) == word
        else:
            assert match is None


def test_a_trigger_that_starts_with_a_space_or_a_quote_selects_its_sentence():
    scope = _TriggerScope(prose.parse("Plain words here. She said I'd be on time? Yes."))
    assert scope.sentences["'d"] == {1}
    assert scope.sentences["?"] == {1}
    assert "'d" not in _TriggerScope(prose.parse("Plain words, said Dana.")).sentences
