"""The faster programs of `regex_case` match exactly what `re`'s own programs match."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import string
import sys
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_regex_cache import PATTERNS, TEXTS

from unblame.language import regex_case
from unblame.language.regex_case import cases, compile_code, first_chars

# Letters with cases outside ASCII, cased letters outside ASCII, and the usual text.
AWKWARD = "İıſK \u212aé É ß ẞ Σσς ’“”' — \n"


def faster(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with `compile_code`'s program."""
    parsed = _parser.parse(pattern, flags)
    code = compile_code(parsed, flags)
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    program = _sre.compile(
        pattern, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(indexgroup)
    )
    assert isinstance(program, re.Pattern)
    return program


def test_each_letters_cases_are_what_ignorecase_matches_over_every_code_point():
    any_letter = re.compile("|".join(string.ascii_lowercase), re.IGNORECASE).fullmatch
    candidates = [chr(c) for c in range(sys.maxunicode + 1) if any_letter(chr(c))]
    for letter in string.ascii_lowercase:
        literal = re.compile(letter, re.IGNORECASE).fullmatch
        assert cases(letter) == "".join(sorted(c for c in candidates if literal(c))), letter
        assert cases(letter.upper()) == cases(letter)


def test_the_letter_table_knows_the_kelvin_sign_and_the_dotless_i():
    assert cases("k") == "Kk\u212a"
    assert cases("i") == "Ii\u0130\u0131"
    assert cases("S") == "Ss\u017f"


def test_first_characters_of_an_alternation_are_every_case_of_its_first_letters():
    parsed = _parser.parse(r"\b(?:care|Sloppy|(?-i:Z)ap|’tis)", re.IGNORECASE)
    starts = first_chars(parsed.data, ignorecase=True)
    assert starts == {ord(c) for c in "cCsS\u017fZ’"}


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\w+ly\s+)?panicked",  # may start with any word character
        r"x?",  # may match nothing
        r"(?:é|a)b",  # a cased letter outside ASCII: its cases are not listed here
        r"[a-z]b",  # a range
    ],
)
def test_no_first_characters_when_any_character_may_start_a_match(pattern):
    parsed = _parser.parse(pattern, re.IGNORECASE)
    assert first_chars(parsed.data, ignorecase=True) is None


def test_a_search_is_told_where_to_start_where_re_finds_no_prefix():
    parsed = _parser.parse(r"\b(?:oops|whoops)\b", re.IGNORECASE)
    code = compile_code(parsed, re.IGNORECASE)
    assert code[0] == C.INFO
    assert code[2] == C.SRE_INFO_CHARSET
    reference = _compiler._code(_parser.parse(r"\b(?:oops|whoops)\b", re.IGNORECASE), 2)
    assert reference[2] == 0


def test_alternatives_start_with_a_case_set_of_their_first_letter():
    parsed = _parser.parse(r"careless|sloppy", re.IGNORECASE)
    compile_code(parsed, re.IGNORECASE)
    ((op, (_, alternatives)),) = parsed.data
    assert op is C.BRANCH
    for alternative in alternatives:
        head_op, (_, add, delete, members) = alternative.data[0]
        assert head_op is C.SUBPATTERN and delete == re.IGNORECASE and add == 0
        assert members.data[0][0] is C.IN


def test_a_case_sensitive_pattern_keeps_res_prefix():
    parsed = _parser.parse(r"Dana\b", 0)
    assert compile_code(parsed, 0) == _compiler._code(_parser.parse(r"Dana\b", 0), 0)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.IGNORECASE | re.VERBOSE])
@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:kelvin|is|sit|salt)\b",
        r"(?<!\bno\s)(?:oops|whoops|d'oh)",
        r"(?-i:[A-Z])[a-z]+\s+(?:broke|wrecked)",
        r"(?:(?i:Kit)|Sam)\s*(?P<span>did\s+it)",
        r"’tis|“why”|\bwhy\s+did",
        r"(?>at|ate)m|(?:ab)++c",
        r"ax|\w+|ab",
        r"\bnot|n['’]t|\bnever|\bno\b",
        r"(?:(?:sam|sid)|(?:sal|kit))\s+(?:did|done)|(?P<span>sa)l",
        r"care|carry|caring|(?-i:Ca)re|cab",
        r"(?:is|it|i)(?:n|s)?\b",
        r"(?:cat|dog)\b|cow|\bd(?:id|og)",
        r"(?:cat|dog)(?P<s>s)?|cow",
        r"\b(?:made|make|did)\s+(?:a|an)\s+mistake\b|\bmad\b|\b(?:kit|sit)(?:\s+(\w+))?",
    ],
)
def test_small_patterns_match_as_re_does_on_awkward_text(pattern, flags):
    text = f"Kit kit KIT sıt İs ſalt \u212aelvin {AWKWARD} Sam DID it, Zed broke it. ’tis atm abc"
    mine, reference = faster(pattern, flags), re.compile(pattern, flags)
    for lo in range(len(text)):
        got, want = mine.search(text, lo), reference.search(text, lo)
        assert (got and got.regs) == (want and want.regs), (pattern, lo)


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.swapcase(), text.title(), AWKWARD + text]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(PATTERNS),
    st.sampled_from(TEXTS),
    st.sampled_from(TEXTS),
    st.integers(min_value=0, max_value=40),
)
def test_every_analyzer_pattern_searches_a_window_as_re_does(chosen, first, second, offset):
    pattern, flags = chosen
    mine, reference = faster(pattern, flags), re.compile(pattern, flags)
    for text in _variants(f"{first}\n{second} {first}"):
        lo, hi = min(offset, len(text)), max(len(text) - offset, 0)
        for method in ("search", "match"):
            got = getattr(mine, method)(text, lo, hi)
            want = getattr(reference, method)(text, lo, hi)
            assert (got and got.regs) == (want and want.regs), (pattern[:80], text)
        assert [m.regs for m in mine.finditer(text)] == [m.regs for m in reference.finditer(text)]


def test_the_cache_can_be_told_to_compile_as_re_does(monkeypatch):
    from unblame.language import regex_cache

    monkeypatch.setattr(regex_cache, "_faster", False)
    compiled, program = regex_cache._compile(r"\boops\b", re.IGNORECASE)
    assert program is not None
    reference = _compiler._code(_parser.parse(r"\boops\b", re.IGNORECASE), re.IGNORECASE)
    assert program[1] == bytes(__import__("array").array("I", reference))
    assert regex_case.IGNORECASE == re.IGNORECASE
    assert compiled.search("OOPS") is not None


def test_compiling_leaves_res_own_set_optimiser_in_place():
    compile_code(_parser.parse(r"\b(?:kit|kat|kot)\b", re.IGNORECASE), re.IGNORECASE)
    assert _compiler._optimize_charset is regex_case._OPTIMIZE_CHARSET


def test_the_memo_of_sets_gives_the_program_without_it(monkeypatch):
    pattern = "|".join(f"{w}x" for w in ("kit", "kat", "Kot", "sit", "sat", "[ab]c"))
    with_memo = compile_code(_parser.parse(pattern, re.IGNORECASE), re.IGNORECASE)
    monkeypatch.setattr(regex_case, "_compile", _compiler._compile)
    without = compile_code(_parser.parse(pattern, re.IGNORECASE), re.IGNORECASE)
    assert with_memo == without


def _top(pattern: str, flags: int = re.IGNORECASE) -> list[tuple[object, object]]:
    parsed = _parser.parse(pattern, flags)
    compile_code(parsed, flags)
    return list(parsed.data)


def _alternatives(item: tuple[object, object]) -> list[object]:
    op, (_, alternatives) = item  # a BRANCH: (None, its alternatives)
    assert op is C.BRANCH
    return list(alternatives)


def test_alternatives_that_start_alike_share_their_first_letter():
    (branch,) = _top(r"care|carry|clue|dog")
    shared, _ = _alternatives(branch)
    assert shared.data[0] == regex_case._case_set(C.LITERAL, ord("c"))
    # "a" for care and carry, "l" for clue: two ways on, not three.
    assert len(_alternatives(shared.data[1])) == 2


def test_alternatives_that_start_with_a_word_boundary_share_it():
    (branch,) = _top(r"\bnot|\bnever|\bnone|x")
    shared, _ = _alternatives(branch)
    assert shared.data[0] == (C.AT, C.AT_BOUNDARY)


def test_an_alternative_never_moves_past_one_that_could_match_before_it():
    # Joining "ab" to "ax" would put it before \w+, which matches "abq" first.
    (branch,) = _top(r"ax|\w+|ab", 0)
    assert len(_alternatives(branch)) == 3
    assert faster(r"ax|\w+|ab").search("abq").group() == "abq"


def test_nested_alternations_are_joined_as_one():
    (branch,) = _top(r"(?:sam|sid)|(?:sal)|x")
    shared, _ = _alternatives(branch)
    assert shared.data[0] == regex_case._case_set(C.LITERAL, ord("s"))
    assert len(_alternatives(shared.data[1])) == 2  # "a" and "i"


def test_a_named_group_is_kept_whole():
    (branch,) = _top(r"(?P<span>ab)|ac")
    assert len(_alternatives(branch)) == 2
    assert faster(r"(?P<span>ab)|ac").search("xac").regs == ((1, 3), (-1, -1))


def test_an_alternation_that_starts_an_alternative_is_spread_over_a_short_rest():
    # (?:cat|dog)\b|cow is cat\b|dog\b|cow: cat and cow then share their "c".
    (branch,) = _top(r"(?:cat|dog)\b|cow")
    c_words, dog = _alternatives(branch)
    assert c_words.data[0] == regex_case._case_set(C.LITERAL, ord("c"))
    assert dog.data[0] == regex_case._case_set(C.LITERAL, ord("d"))
    assert dog.data[-1] == (C.AT, C.AT_BOUNDARY)


def test_a_rest_with_a_group_is_not_copied():
    (branch,) = _top(r"(?:cat|dog)(?P<s>s)?|cow")
    first, _ = _alternatives(branch)
    assert first.data[0][0] is C.BRANCH  # the group would be in the program twice


def test_a_long_rest_is_not_copied():
    rest = r"\s+" + r"\s+".join(["word"] * (regex_case._SPREAD_LIMIT // 4))  # 6 items a word
    (branch,) = _top(rf"(?:cat|dog){rest}|cow")
    first, _ = _alternatives(branch)
    assert first.data[0][0] is C.BRANCH
