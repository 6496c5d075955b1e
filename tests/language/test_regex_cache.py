"""The compiled-pattern cache hands back exactly what `re.compile` would, from disk or not."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import analyzer, clause, cues, regex_cache

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    json.loads(line)["text"]
    for line in (ROOT / "corpus/sentences.jsonl").open(encoding="utf-8")
    if line.strip()
]


def _analyzer_patterns() -> list[tuple[str, int]]:
    """Every pattern the analyzer compiles: rule checks, `unless`, triggers and cues."""
    found = []
    for compiled in analyzer.compiled_rules():
        if compiled._pattern is not None:
            found.append((analyzer.expand(compiled._pattern), int(analyzer._FLAGS)))
        unless = compiled.rule.unless
        if unless:
            found.append((analyzer.expand(unless), int(analyzer._FLAGS)))
    lazy = [
        *vars(analyzer).values(),
        *vars(clause).values(),
        *vars(cues).values(),
        *(value for module in cues.CUE_MODULES for value in vars(module).values()),
        *cues.PRECHECKS.values(),
    ]
    found.extend((v.pattern, int(v.flags)) for v in lazy if isinstance(v, clause._Lazy))
    return list(dict.fromkeys(found))


PATTERNS = _analyzer_patterns()


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch: pytest.MonkeyPatch):
    """Each test starts with no folder and nothing remembered, and leaves none behind."""
    monkeypatch.setattr(regex_cache, "_folder", None)
    monkeypatch.setattr(regex_cache, "_fresh", {})
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_quick", False)


def _new_process(folder: Path | None) -> None:
    """What a new process knows: only what is on disk."""
    regex_cache._fresh.clear()
    regex_cache._used.clear()
    regex_cache.use_folder(folder)


def _same(mine: re.Pattern[str], reference: re.Pattern[str], text: str) -> None:
    assert mine.pattern == reference.pattern
    assert mine.flags == reference.flags
    assert mine.groups == reference.groups
    assert mine.groupindex == reference.groupindex
    got = [(m.span(), m.groups()) for m in mine.finditer(text)]
    want = [(m.span(), m.groups()) for m in reference.finditer(text)]
    assert got == want


def test_the_analyzer_has_patterns_to_cache():
    assert len(PATTERNS) > 100


def test_every_analyzer_pattern_compiles_to_what_re_compiles():
    text = "\n".join(TEXTS[:200])
    for pattern, flags in PATTERNS:
        _same(regex_cache.compile(pattern, flags), re.compile(pattern, flags), text)


def test_every_analyzer_pattern_read_back_from_disk_matches_as_re_does(tmp_path, monkeypatch):
    regex_cache.use_folder(tmp_path)
    for pattern, flags in PATTERNS:
        regex_cache.compile(pattern, flags)
    assert regex_cache.save()
    _new_process(tmp_path)

    def no_compiling(pattern: str, flags: int):
        raise AssertionError(f"compiled again: {pattern[:60]}")

    monkeypatch.setattr(regex_cache, "_compile", no_compiling)
    text = "\n".join(TEXTS)
    for pattern, flags in PATTERNS:
        _same(regex_cache.compile(pattern, flags), re.compile(pattern, flags), text)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(PATTERNS),
    st.lists(st.sampled_from(TEXTS), min_size=1, max_size=4),
    st.text(alphabet=" .,!?'\"\n-", max_size=5),
)
def test_a_stored_pattern_matches_any_text_as_re_does(tmp_path_factory, chosen, pieces, glue):
    folder = tmp_path_factory.mktemp("cache")
    pattern, flags = chosen
    _new_process(folder)
    regex_cache.compile(pattern, flags)
    regex_cache.save()
    _new_process(folder)
    assert (pattern, flags) in regex_cache.stored()
    _same(regex_cache.compile(pattern, flags), re.compile(pattern, flags), glue.join(pieces))


def test_named_groups_and_flags_survive_the_round_trip(tmp_path):
    pattern = r"(?P<who>\w+)\s+(?:should|could)\s+have(?P<span>\s+\w+)?"
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(pattern, re.IGNORECASE)
    regex_cache.save()
    _new_process(tmp_path)
    compiled = regex_cache.compile(pattern, re.IGNORECASE)
    match = compiled.search("Then DANA Should Have paged")
    assert match is not None
    assert match.group("who") == "DANA"
    assert match.span("span") == (21, 27)
    assert compiled.flags == re.compile(pattern, re.IGNORECASE).flags


def test_a_bad_pattern_raises_as_re_compile_does():
    with pytest.raises(re.error):
        regex_cache.compile("(unclosed")


def test_without_a_folder_nothing_is_written(tmp_path):
    regex_cache.compile(r"\bhuman\s+error\b")
    assert regex_cache.save() is False
    assert list(tmp_path.iterdir()) == []


def _entry(folder: Path, pattern: str, flags: int = 0) -> Path:
    return regex_cache.store_path(folder) / regex_cache.entry_name(pattern, flags)


def test_saving_with_nothing_new_writes_nothing(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(r"\bslip\b")
    assert regex_cache.save() is True
    written = _entry(tmp_path, r"\bslip\b").stat().st_mtime_ns
    _new_process(tmp_path)
    regex_cache.compile(r"\bslip\b")
    assert regex_cache.save() is False
    assert _entry(tmp_path, r"\bslip\b").stat().st_mtime_ns == written


def test_a_process_writes_only_what_it_compiled(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(r"\bslip\b")
    regex_cache.save()
    written = _entry(tmp_path, r"\bslip\b").stat().st_mtime_ns
    _new_process(tmp_path)
    regex_cache.compile(r"\bslip\b")
    regex_cache.compile(r"\bfault\b")
    assert regex_cache.save() is True
    assert _entry(tmp_path, r"\bslip\b").stat().st_mtime_ns == written
    assert set(regex_cache.stored()) == {(r"\bslip\b", 0), (r"\bfault\b", 0)}


def test_a_process_reads_only_the_programs_it_asks_for(tmp_path, monkeypatch):
    regex_cache.use_folder(tmp_path)
    for word in ("one", "two", "three"):
        regex_cache.compile(rf"\b{word}\b")
    regex_cache.save()
    _new_process(tmp_path)
    opened: list[str] = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(Path(path).name)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    assert regex_cache.compile(r"\btwo\b").search("one two") is not None
    assert opened == [regex_cache.entry_name(r"\btwo\b", 0)]
    assert regex_cache._fresh == {}  # read, not compiled


def test_an_unreadable_entry_is_ignored(tmp_path):
    path = _entry(tmp_path, r"\bfault\b")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a stored program at all")
    regex_cache.use_folder(tmp_path)
    assert regex_cache.compile(r"\bfault\b").search("my fault") is not None
    assert regex_cache.save() is True  # and replaced by a good one
    _new_process(tmp_path)
    assert (r"\bfault\b", 0) in regex_cache.stored()


def test_an_entry_of_another_pattern_with_the_same_name_is_not_used(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(r"\bblame\b")
    regex_cache.save()
    # As if two patterns had the same checksums: the text kept inside tells them apart.
    _entry(tmp_path, r"\bblame\b").rename(_entry(tmp_path, r"\bfault\b"))
    _new_process(tmp_path)
    assert regex_cache.compile(r"\bfault\b").search("blame fault").group() == "fault"
    assert (r"\bfault\b", 0) in regex_cache._fresh


def test_a_program_the_engine_refuses_is_compiled_afresh(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(r"\boops\b")
    regex_cache.save()
    _new_process(tmp_path)
    flags, _words, groups, groupindex, indexgroup = regex_cache.stored()[(r"\boops\b", 0)]
    broken = (flags, b"\xff\xff\xff\xff" * 3, groups, groupindex, indexgroup)
    _entry(tmp_path, r"\boops\b").write_bytes(marshal.dumps((r"\boops\b", 0, broken)))
    with pytest.raises(RuntimeError):
        regex_cache._build(r"\boops\b", broken)  # the engine checks what it is given
    match = regex_cache.compile(r"\boops\b").search("whoops, oops")
    assert match is not None and match.span() == (8, 12)
    assert (r"\boops\b", 0) in regex_cache._fresh  # compiled afresh, to be stored again


def test_the_store_belongs_to_one_python(tmp_path, monkeypatch):
    here = regex_cache.store_path(tmp_path)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert regex_cache.store_path(tmp_path) != here


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would go")
    regex_cache.use_folder(blocker / "cache")
    regex_cache.compile(r"\bblame\b")
    assert regex_cache.save() is False


def test_old_entries_go_when_the_store_grows_too_big(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_MAX_ENTRIES", 3)
    regex_cache.use_folder(tmp_path)
    for word in ("one", "two", "three"):
        regex_cache.compile(rf"\b{word}\b")
    regex_cache.save()
    _new_process(tmp_path)
    regex_cache.compile(r"\btwo\b")  # used again: kept
    regex_cache.compile(r"\bfour\b")  # new: kept
    regex_cache.save()
    _new_process(tmp_path)
    assert set(regex_cache.stored()) == {(r"\btwo\b", 0), (r"\bfour\b", 0)}


def test_entries_are_kept_while_the_store_is_small(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile(r"\bone\b")
    regex_cache.save()
    _new_process(tmp_path)
    regex_cache.compile(r"\btwo\b")
    regex_cache.save()
    _new_process(tmp_path)
    assert set(regex_cache.stored()) == {(r"\bone\b", 0), (r"\btwo\b", 0)}


PATTERNS_OF_A_PROCESS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import test_regex_cache
from unblame.language import analyzer
trigger = analyzer._trigger_index()[0]
print(json.dumps([*test_regex_cache.PATTERNS, [trigger.pattern, int(trigger.flags)]]))
"""


def _patterns_with_hash_seed(seed: str) -> list[list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", PATTERNS_OF_A_PROCESS, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
    )
    patterns: list[list[object]] = json.loads(done.stdout)
    return patterns


def test_every_process_builds_the_same_pattern_texts():
    # The store finds a program by its pattern's text: a pattern built in set
    # order would be compiled afresh, and the store written again, every run.
    first, second = _patterns_with_hash_seed("1"), _patterns_with_hash_seed("2")
    assert len(first) == len(second) > 100
    assert [p for p in first if p not in second] == []


def test_quick_compiling_with_no_folder_gives_re_s_own_pattern():
    regex_cache.compile_quickly(True)
    pattern = r"\b(?:should|could)\s+have\s+(?P<span>\w+)"
    compiled = regex_cache.compile(pattern, re.IGNORECASE)
    # `re` keeps what it compiled: the very object it hands out is returned.
    assert compiled is re.compile(pattern, re.IGNORECASE)
    assert regex_cache._fresh == {}  # nothing to keep, nowhere to keep it
    assert regex_cache.save() is False


def test_quick_compiling_matches_as_the_faster_programs_do():
    text = "\n".join(TEXTS[:200])
    regex_cache.compile_quickly(True)
    quick = [regex_cache.compile(pattern, flags) for pattern, flags in PATTERNS[:40]]
    regex_cache.compile_quickly(False)
    for compiled, (pattern, flags) in zip(quick, PATTERNS[:40], strict=True):
        _same(regex_cache.compile(pattern, flags), compiled, text)


def test_without_quick_compiling_the_faster_program_is_built():
    pattern = r"\bhuman\s+error\b|\bcareless\w*"
    compiled = regex_cache.compile(pattern, re.IGNORECASE)
    assert compiled is not re.compile(pattern, re.IGNORECASE)
    assert (pattern, int(re.IGNORECASE)) in regex_cache._fresh


def test_quick_compiling_is_ignored_where_a_folder_keeps_programs(tmp_path):
    regex_cache.use_folder(tmp_path)
    regex_cache.compile_quickly(True)
    regex_cache.compile(r"\bslip\b")
    assert regex_cache.save() is True
    _new_process(tmp_path)
    assert (r"\bslip\b", 0) in regex_cache.stored()
