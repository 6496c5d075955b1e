"""A long alternation asked "any match in this window?" one alternative group at a time
answers exactly as a search of the whole pattern does."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_regex_cache import TEXTS
from test_regex_case import AWKWARD

from unblame.language import analyzer, regex_cache, regex_case, regex_split
from unblame.language.regex_split import required


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch: pytest.MonkeyPatch, tmp_path):
    """Each test starts with a folder of its own (patterns are split only where
    their programs are kept) and nothing remembered, and leaves none behind."""
    monkeypatch.setattr(regex_cache, "_folder", tmp_path / "store")
    monkeypatch.setattr(regex_cache, "_fresh", {})
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_quick", False)


def _new_process(folder) -> None:
    regex_cache._fresh.clear()
    regex_cache._used.clear()
    regex_cache.use_folder(folder)


def _split_patterns() -> list[str]:
    """The analyzer's rule patterns that are searched split (the long ones)."""
    found = []
    folder, fresh = regex_cache._folder, dict(regex_cache._fresh)
    regex_cache.use_folder(Path(tempfile.mkdtemp(prefix="unblame-split-")))
    try:
        for compiled in analyzer.compiled_rules():
            if compiled._pattern is None:
                continue
            pattern = analyzer.expand(compiled._pattern)
            if regex_cache.compile_split(pattern, analyzer._FLAGS) is not None:
                found.append(pattern)
    finally:
        shutil.rmtree(regex_cache._folder, ignore_errors=True)
        regex_cache.use_folder(folder)
        regex_cache._fresh.clear()
        regex_cache._fresh.update(fresh)
    return sorted(set(found))


SPLIT = _split_patterns()


def _forced(pattern: str, flags: int = re.IGNORECASE) -> regex_split.Split:
    """A Split of a short pattern (the length and first-character tests lifted)."""
    original = regex_split.MIN_LENGTH, regex_split._MANY_FIRST
    regex_split.MIN_LENGTH, regex_split._MANY_FIRST = 0, -1
    try:
        split = regex_cache.compile_split(pattern, flags)
    finally:
        regex_split.MIN_LENGTH, regex_split._MANY_FIRST = original
    assert split is not None
    return split


def _words(pattern: str, flags: int = re.IGNORECASE) -> set[str] | None:
    return required(_parser.parse(pattern, flags).data)


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.swapcase(), text.title(), AWKWARD + text]


# --- Which patterns are split ----------------------------------------------------------


def test_the_longest_analyzer_patterns_are_split():
    assert len(SPLIT) >= 5
    assert all(len(p) >= regex_split.MIN_LENGTH for p in SPLIT)


def test_a_short_pattern_is_searched_whole():
    assert regex_cache.compile_split(r"\bfoo|\bbar", re.IGNORECASE) is None


def test_a_long_pattern_the_engine_can_skip_ahead_for_is_searched_whole():
    # Every alternative starts with a letter: the engine skips to those.
    pattern = "|".join(f"zz{i:05d}yy" for i in range(1200))
    assert len(pattern) > regex_split.MIN_LENGTH
    assert regex_cache.compile_split(pattern, re.IGNORECASE) is None


def test_a_pattern_with_no_alternation_is_searched_whole():
    pattern = r"\b" + r"\s*x" * 3000
    assert regex_cache.compile_split(pattern, re.IGNORECASE) is None


def test_nothing_is_split_where_no_folder_keeps_the_programs():
    regex_cache.use_folder(None)
    assert all(regex_cache.compile_split(p, analyzer._FLAGS) is None for p in SPLIT)
    regex_cache.compile_quickly(True)
    try:
        assert all(regex_cache.compile_split(p, analyzer._FLAGS) is None for p in SPLIT)
    finally:
        regex_cache.compile_quickly(False)


# --- The words every match holds --------------------------------------------------------


def test_a_run_of_literals_is_a_word_in_lower_case():
    assert _words(r"\bStrikes\s+again") == {"strikes"}


def test_the_longest_word_of_a_sequence_is_chosen():
    assert _words(r"it\s+was\s+(?:\w+\s+)?careless") == {"careless"}


def test_an_alternation_gives_the_words_of_all_its_alternatives():
    assert _words(r"\b(?:blamed|faulted)\s+\w+") == {"blamed", "faulted"}


def test_a_word_that_holds_another_of_the_same_alternation_is_dropped():
    assert _words(r"(?:mistake|mistaken|a\s+mistake)\b") == {"mistake"}
    assert _words(r"(?:sorry|sorry\s+all|oops)\b") == {"sorry", "oops"}


def test_an_alternative_without_words_leaves_the_alternation_without_any():
    assert _words(r"\b(?:blamed|\w+)\b") is None
    assert _words(r"\b(?:blamed|\w+ed)\b") == {"ed"}


def test_an_optional_part_holds_no_required_word():
    assert _words(r"(?:really\s+)?\w+") is None
    assert _words(r"(?:really\s+)*\w+") is None
    assert _words(r"(?:really\s+)+\w+") == {"really"}


def test_look_arounds_hold_no_required_word():
    assert _words(r"(?<=sorry\s)\w+(?=\s+again)") is None
    assert _words(r"(?!oops)\w+") is None


def test_a_set_of_one_letters_cases_is_that_letter():
    assert _words(r"[Kk\u212a]ill") == {"kill"}
    assert _words(r"[Ss\u017f]orry") == {"sorry"}


def test_a_set_of_two_letters_or_a_foreign_letter_is_no_word():
    assert _words(r"[ab]") is None
    assert _words(r"[eé]rror") == {"rror"}
    # The Kelvin sign is a case of k, never of s.
    assert _words(r"[s\u212a]orry") == {"orry"}


def test_a_literal_outside_ascii_ends_a_word():
    assert _words(r"caf\u00e9s\s+tab") == {"caf"}


def test_a_case_sensitive_part_still_gives_its_word_lowered():
    assert _words(r"(?-i:Dana)\s+broke") in ({"dana"}, {"broke"})


def test_group_references_and_conditionals_hold_no_word():
    assert _words(r"(a)?(?(1)b|c)") is None
    assert _words(r"(\w)\1") is None


# --- The same answers as the whole pattern ----------------------------------------------


SMALL = [
    r"\bsam\s+did\b|(?<=\s)it\b|\bdog",
    r"(?P<span>(?:\b(?:stop|quit)\s+letting|kit\s+broke)\s+\w+|\w+\s+strikes\s+again)",
    r"(?:^|(?<=\n))\W*typical\s+\w+|\bsorry\b|[Kk\u212a]elvin|(?:really\s+)?\w+ly\b",
    r"(?:\w+\s+)?(?:sorry|oops)|(?i:ZED)\s+broke\b|(a)?(?(1)xyz|abc)",
    r"\bis\b|\bit\b|\bsalt\b|\bsit\b|\bks\b",
]
AWKWARD_TEXT = (
    "Kit kit KIT sıt İs ſalt \u212aelvin Sam DID it, Zed broke it. typical Ops:"
    " ſorry oops really quickly abc xyz the dog. Ai strikes AGAIN"
)


@pytest.mark.parametrize("pattern", SMALL)
def test_small_patterns_split_answer_as_the_whole_pattern_on_awkward_text(pattern):
    split, whole = _forced(pattern), re.compile(pattern, re.IGNORECASE)
    for text in _variants(AWKWARD_TEXT):
        for lo in range(0, len(text), 3):
            for hi in range(lo, len(text) + 1, 5):
                want = whole.search(text, lo, hi) is not None
                assert split.search(text, lo, hi) is want, (pattern, text[lo:hi])


def test_a_window_with_a_dotless_i_or_a_long_s_searches_every_group():
    split = _forced(r"\bsit\b|\bsalt\b|\bkit\b")
    for text in ("a ſit b", "a sıt b", "ſALT", "A SİT"):
        want = re.search(r"\bsit\b|\bsalt\b|\bkit\b", text, re.IGNORECASE) is not None
        assert split.search(text, 0, len(text)) is want, text


def test_a_word_is_found_inside_another_and_after_a_longer_word():
    # "a mistake" is the trie's match at "a"; "mistake" starts inside it.
    split = _forced(r"\ba\s+mistake\s+by\s+\w+|\bmistake\b|\bsake\b")
    for text in ("a mistake", "a mistake by Kim", "for his own sake", "mistaken"):
        want = re.search(r"\ba\s+mistake\s+by\s+\w+|\bmistake\b|\bsake\b", text, re.I)
        assert split.search(text, 0, len(text)) is (want is not None), text


def test_a_match_must_lie_inside_the_window():
    split = _forced(r"\bkit\s+broke|\bzed\s+broke")
    text = "Kit broke it. Zed"
    assert split.search(text, 0, 9) is True
    assert split.search(text, 0, 8) is False
    assert split.search(text, 1, 9) is False
    assert split.search(text, 14, len(text)) is False


def _windows(text: str) -> list[tuple[int, int]]:
    """Each sentence of `text`, as the analyzer cuts them, and a few odd windows."""
    bounds = [0, *(m.end() for m in analyzer.SCAN_BREAK_RE.regex.finditer(text)), len(text)]
    spans = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    return [*spans, (0, len(text)), (3, max(3, len(text) - 3))]


def test_every_split_analyzer_pattern_answers_as_its_whole_on_the_corpus():
    text = "\n".join(TEXTS)
    for pattern in SPLIT:
        split = regex_cache.compile_split(pattern, analyzer._FLAGS)
        whole = regex_cache.compile(pattern, analyzer._FLAGS)
        assert split is not None
        for lo, hi in _windows(text):
            want = whole.search(text, lo, hi) is not None
            assert split.search(text, lo, hi) is want, (pattern[:60], text[lo:hi])


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(SPLIT),
    st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3),
    st.integers(min_value=0, max_value=30),
)
def test_every_split_analyzer_pattern_answers_as_its_whole_in_any_case(chosen, texts, offset):
    split = regex_cache.compile_split(chosen, analyzer._FLAGS)
    whole = regex_cache.compile(chosen, analyzer._FLAGS)
    assert split is not None
    for text in _variants(" ".join(texts)):
        lo, hi = min(offset, len(text)), max(len(text) - offset, 0)
        assert split.search(text, lo, hi) is (whole.search(text, lo, hi) is not None)


def test_a_process_that_has_read_little_asks_the_whole_pattern(monkeypatch):
    monkeypatch.setattr(analyzer, "_found_by_find", 0)
    checks = [
        analyzer.CompiledRule(rule, check) for rule in analyzer.RULES for check in rule.checks
    ]
    for compiled in checks:
        if compiled.regex is not None:
            compiled.any_match("Dana strikes again.", 0, 19)
    assert not any("split" in vars(compiled) for compiled in checks)


def test_the_analyzer_asks_the_split_and_finds_the_same(monkeypatch):
    monkeypatch.setattr(analyzer, "_found_by_find", analyzer._FIND_LIMIT + 1)
    doc = "\n\n".join(TEXTS[:400])
    # Fresh checks: the process's own remember whatever folder was set first.
    checks = [
        analyzer.CompiledRule(rule, check) for rule in analyzer.RULES for check in rule.checks
    ]
    split = [c for c in checks if c.regex is not None and c.split is not None]
    assert len(split) >= 5
    for compiled in split:
        for lo, hi in _windows(doc):
            want = compiled.regex.search(doc, lo, hi) is not None
            assert compiled.any_match(doc, lo, hi) is want


# --- Kept in the store ------------------------------------------------------------------


def test_a_split_read_back_from_the_store_needs_no_parse(tmp_path, monkeypatch):
    regex_cache.use_folder(tmp_path)
    for pattern in SPLIT:
        assert regex_cache.compile_split(pattern, analyzer._FLAGS) is not None
    assert regex_cache.save()
    _new_process(tmp_path)

    def no_planning(pattern: str, flags: int, first_chars: object) -> None:
        raise AssertionError(f"planned again: {pattern[:60]}")

    monkeypatch.setattr(regex_split, "plan", no_planning)
    text = "\n".join(TEXTS[:300])
    for pattern in SPLIT:
        split = regex_cache.compile_split(pattern, analyzer._FLAGS)
        whole = regex_cache.compile(pattern, analyzer._FLAGS)
        assert split is not None
        for lo, hi in _windows(text):
            assert split.search(text, lo, hi) is (whole.search(text, lo, hi) is not None)


def test_the_decision_to_search_whole_is_kept_too(tmp_path, monkeypatch):
    pattern = "|".join(f"zz{i:05d}yy" for i in range(1200))
    regex_cache.use_folder(tmp_path)
    assert regex_cache.compile_split(pattern, re.IGNORECASE) is None
    assert regex_cache.save()
    _new_process(tmp_path)
    monkeypatch.setattr(regex_split, "plan", lambda *args: pytest.fail("planned again"))
    assert regex_cache.compile_split(pattern, re.IGNORECASE) is None


def test_a_group_program_that_cannot_be_used_falls_back_to_the_whole_pattern(monkeypatch):
    pattern = r"\bsam\s+did\b|\bdog\b|\bkit\b"
    split = _forced(pattern)  # its groups are built on first use, after this
    real_build = regex_cache._build

    def broken(text: str, program: object) -> object:
        if text == pattern:
            raise RuntimeError("not this engine's program")
        return real_build(text, program)

    monkeypatch.setattr(regex_cache, "_build", broken)
    for text in ("Sam did it", "the dog", "a cat", "kit"):
        want = re.search(pattern, text, re.IGNORECASE) is not None
        assert split.search(text, 0, len(text)) is want


def test_a_group_is_compiled_only_when_a_window_asks_for_it():
    split = _forced(r"\bsam\s+did\b|\bdog\b|\bkit\b")
    assert not any(hasattr(group, "search") for group in split._groups)
    assert split.search("the dog", 0, 7)
    built = [hasattr(group, "search") for group in split._groups]
    assert built.count(True) == 1


def test_the_first_characters_used_are_regex_cases():
    # plan() is given regex_case's view of where a match can start.
    seen = []

    def spy(items: object, ignorecase: bool) -> object:
        seen.append(ignorecase)
        return regex_case.first_chars(items, ignorecase)

    pattern = SPLIT[0]
    assert regex_split.plan(pattern, int(analyzer._FLAGS), spy) is not None
    assert seen == [True]


# --- The pieces of a pattern ------------------------------------------------------------


def _pieces(pattern: str, flags: int = re.IGNORECASE) -> list[list[object]]:
    return regex_split._pieces(list(_parser.parse(pattern, flags).data))


def _matches_of_pieces(pattern: str, text: str) -> list[bool]:
    parsed = _parser.parse(pattern, re.IGNORECASE)
    answers = []
    for items in regex_split._pieces(list(parsed.data)):
        program = regex_cache._program(regex_split.copy_items(items, parsed.state), re.IGNORECASE)
        answers.append(regex_cache._build(pattern, program).search(text) is not None)
    return answers


def test_a_top_alternation_gives_one_piece_per_alternative():
    assert len(_pieces(r"\bsam|\bdog|kit\b")) == 3


def test_an_alternation_inside_the_span_group_is_split_inside_it():
    pieces = _pieces(r"(?P<span>\bsam|\bdog|kit\b)")
    assert len(pieces) == 3
    assert all(len(items) == 1 and items[0][0] is _parser.SUBPATTERN for items in pieces)


def test_each_piece_keeps_what_stands_before_and_after_the_alternation():
    pattern = r"\b(?:sam|dog)\s+broke\b"
    assert _matches_of_pieces(pattern, "Sam broke it") == [True, False]
    assert _matches_of_pieces(pattern, "the dog broke it") == [False, True]
    assert _matches_of_pieces(pattern, "the dog barked") == [False, False]


def test_a_pattern_without_alternation_is_one_piece():
    assert len(_pieces(r"\bsam\s+did\b")) == 1


def test_an_alternation_inside_a_repeat_is_not_split():
    assert len(_pieces(r"(?:sam|dog)+\s+broke")) == 1


def test_a_piece_matches_only_where_the_whole_pattern_does():
    pattern = r"(?P<span>(?:^|(?<=\n))\W*typical\s+\w+|\b(?:stop|quit)\s+letting\s+\w+|\bsorry)"
    for text in _variants(AWKWARD_TEXT + "\nTypical ops. Stop letting Kim deploy. Sorry!"):
        whole = re.search(pattern, text, re.IGNORECASE) is not None
        assert any(_matches_of_pieces(pattern, text)) is whole


def test_compiling_a_copy_leaves_the_parse_as_it_was():
    parsed = _parser.parse(r"\b(?:sam|sal)\s+did|\bdog", re.IGNORECASE)
    before = repr(parsed.data)
    regex_cache._program(regex_split.copy_items(list(parsed.data), parsed.state), re.IGNORECASE)
    assert repr(parsed.data) == before


# --- Finding a window's words -------------------------------------------------------------


def test_the_word_index_gives_prefixes_and_groups():
    known, prefixes, bits = regex_split.word_index([("oops", "sorry"), ("sorry",), ("so",)])
    assert known == ["oops", "so", "sorry"]
    assert prefixes["sorry"] == ("so", "sorry")
    assert prefixes["oops"] == ("oops",)
    assert bits == {"oops": 0b001, "sorry": 0b011, "so": 0b100}


def test_a_word_that_is_a_prefix_of_another_selects_its_group_too():
    # "so" starts where the trie matches "sorry": its group is asked as well.
    split = _forced(r"\bsorry\s+all\b|\bso\s+sorry\b|\bsome\s+day")
    for text in ("so sorry", "sorry all", "someday", "some day", "sorry"):
        want = re.search(r"\bsorry\s+all\b|\bso\s+sorry\b|\bsome\s+day", text, re.I)
        assert split.search(text, 0, len(text)) is (want is not None), text


def test_alternatives_with_the_same_words_share_one_group():
    planned = regex_split.plan(
        r"\bsorry\s+all|\bsorry\s+team|\boops\b" + " " * 9000,
        int(re.IGNORECASE | re.VERBOSE),
        lambda items, ignorecase: None,
    )
    assert planned is not None
    groups, residual, _ = planned
    assert sorted(words for words, _ in groups) == [("oops",), ("sorry",)]
    assert residual is None


def test_alternatives_without_words_are_one_residual_group():
    planned = regex_split.plan(
        r"\bsorry\s+all|\w+ly\b|\d+\s*\w|\boops\b" + " " * 9000,
        int(re.IGNORECASE | re.VERBOSE),
        lambda items, ignorecase: None,
    )
    assert planned is not None
    groups, residual, _ = planned
    assert sorted(words for words, _ in groups) == [("ly",), ("oops",), ("sorry",)]
    assert residual is not None


def test_the_residual_group_is_always_searched():
    split = _forced(r"\bsorry\b|\d+\s*%")
    assert split.search("up 40 %", 0, 7) is True
    assert split.search("up forty", 0, 8) is False


# --- Without the optional start, for "is there a match?" ---------------------------------


def _stripped(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, bool]:
    parsed = _parser.parse(pattern, flags)
    items, changed = regex_split.strip_leading(parsed.data)
    return repr(items), changed


def test_an_optional_start_is_dropped():
    assert _stripped(r"(?:\w+ly\s+)?wiped")[1]
    assert _stripped(r"(?:\w+ly\s+)?wiped")[0] == _stripped(r"wiped")[0]
    assert _stripped(r"\s*(?:\w+\s+)*?broke")[0] == _stripped(r"broke")[0]


def test_an_optional_start_inside_a_group_or_an_alternative_is_dropped():
    assert _stripped(r"(?P<span>(?:really\s+)?wiped)")[1]
    assert _stripped(r"(?:very\s+)?wiped|(?:so\s+)?broke")[1]


def test_a_start_that_is_not_optional_is_kept():
    assert not _stripped(r"\b(?:really\s+)?wiped")[1]
    assert not _stripped(r"(?:really\s+)+wiped")[1]
    assert not _stripped(r"(?<=\s)(?:really\s+)?wiped")[1]


EXISTS = [
    r"(?:\w+ly\s+)?(?:wiped|deleted)\b",
    r"(?P<span>(?:\w+\s+){0,2}?(?:broke|took\s+down))",
    r"(?:quite\s+)?\bwiped\b|(?:the\s+)?(?<!\w)kit\b|\s*sorry",
    r"(?:a\s+)?(?:(?:very\s+)?bad|(?:so\s+)?sad)\s+day",
]


@pytest.mark.parametrize("pattern", EXISTS)
def test_the_program_without_the_optional_start_finds_a_match_where_the_pattern_does(pattern):
    exists = regex_cache.compile_exists(pattern, re.IGNORECASE)
    whole = re.compile(pattern, re.IGNORECASE)
    text = AWKWARD_TEXT + " quickly WIPED it; we took  down kit. a very bad day, so sad day"
    for variant in _variants(text):
        for lo in range(0, len(variant), 2):
            for hi in range(lo, len(variant) + 1, 7):
                want = whole.search(variant, lo, hi) is not None
                assert (exists.search(variant, lo, hi) is not None) is want, (pattern, lo, hi)


def test_a_pattern_with_nothing_optional_at_its_start_is_the_pattern_itself():
    assert (
        regex_cache.compile_exists(r"\bwiped", re.IGNORECASE)
        is regex_cache.compile(r"\bwiped", re.IGNORECASE)
        or regex_cache.compile_exists(r"\bwiped", re.IGNORECASE).pattern == r"\bwiped"
    )


def test_the_program_without_the_optional_start_is_kept_in_the_store(tmp_path, monkeypatch):
    regex_cache.use_folder(tmp_path)
    for pattern in EXISTS:
        regex_cache.compile_exists(pattern, re.IGNORECASE)
    assert regex_cache.save()
    _new_process(tmp_path)
    monkeypatch.setattr(regex_cache, "_strip", lambda *args: pytest.fail("stripped again"))
    for pattern in EXISTS:
        exists = regex_cache.compile_exists(pattern, re.IGNORECASE)
        assert exists.search("they quickly wiped it and broke it, a bad day") is not None


def test_every_precheck_asked_without_its_optional_start_answers_as_the_precheck():
    from unblame.language import cues

    text = "\n".join(TEXTS)
    for cue, precheck in cues.PRECHECKS.items():
        exists = regex_cache.compile_exists(precheck.pattern, precheck.flags)
        for lo, hi in _windows(text):
            want = precheck.search(text, lo, hi) is not None
            assert (exists.search(text, lo, hi) is not None) is want, (cue, text[lo:hi])


def test_the_damage_and_wreck_prechecks_lose_their_optional_adverb():
    from unblame.language import cues

    for cue in ("damage", "wreck"):
        precheck = cues.PRECHECKS[cue]
        assert _stripped(precheck.pattern, precheck.flags)[1], cue
