"""Names are looked up before their context is checked; the result is the same either way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import names as names_module
from unblame.language.names import build_index, name_spans

ROSTER = ["Dana", "Anna Maria", "Lee", "release", "ops-bot"]
OTHER_WORDS = ["Anna", "Maria", "The", "the", "a", "Our", "Grace", "Deploy"]
OTHER_WORDS += ["x-", "@", "-", ".", ","]
WORDS = st.sampled_from([*ROSTER, *OTHER_WORDS])


def _context_first(text: str, *indexes: names_module.NameIndex) -> list[tuple[int, int]]:
    """The order before: the context checks for every capitalised word, then the lookup."""
    found = []
    groups = [index.by_first_word for index in indexes]
    for match in names_module._CAPITALISED.finditer(text):
        start = match.start()
        if names_module._glued(text, start) or names_module._after_article(text, start):
            continue
        end = names_module._longest(text, start, (g.get(match.group()) for g in groups))
        if end:
            found.append((start, end))
    uncapitalised = [index.uncapitalised for index in indexes if index.uncapitalised]
    for match in names_module._ANY_WORD.finditer(text) if uncapitalised else ():
        start = match.start()
        if names_module._glued(text, start) or names_module._after_article(text, start):
            continue
        end = names_module._longest(text, start, (g.get(match.group()) for g in uncapitalised))
        if end:
            found.append((start, end))
    return names_module._leftmost_longest(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", "  ", "", "\t"])), max_size=12))
def test_looking_names_up_first_finds_the_same_spans(pieces):
    text = "".join(word + gap for word, gap in pieces)
    index = build_index(frozenset(ROSTER))
    assert name_spans(text, index) == _context_first(text, index)


def test_a_name_after_an_article_or_glued_is_still_no_name():
    index = build_index(frozenset(ROSTER))
    text = "Dana and the Lee, x-Dana, Anna Maria and the release."
    spans = [text[a:b] for a, b in name_spans(text, index)]
    assert spans == ["Dana", "Anna Maria"]
