"""Compiled regular expressions kept on disk between runs, as Python keeps bytecode.

The analyzer's rules and the sentence model's cues are about 200 patterns,
some over 10,000 characters once the lexicon slots are filled in. Python's
`re` parses and compiles each in Python code: about 0.3 s a process, longer
than linting a small review, and paid again by every `unblame lint` run.

`compile` returns a pattern that matches exactly what `re.compile`'s does,
with a program that searches faster (`regex_case`). When a cache folder is
set (`use_folder`; the command line sets one, the library by default does
not), the compiled program of each pattern is stored there after the run
(`save`) and handed straight to the regular expression engine by the next
process, which skips the parse. The store is a folder per Python version and
engine format, holding one file per pattern, named by a checksum of its text
and flags, so an edited pattern or a new Python simply compiles afresh. A
process reads only the programs it asks for (linting one small file needs a
dozen of the 5 MB), and writes only the ones it compiled. The engine checks
every program it is given; an entry that cannot be read or used is ignored.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine: no stubs
import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

from . import regex_split
from .trie import trie_pattern

# What a stored program needs besides its pattern and flags: the engine's
# flags, its code words, and the groups (count, name to index, index to name).
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# Raised whenever regex_case builds different programs (3: alternatives that
# start alike share their first item; 5: alternations spread over longer
# rests; 6: split patterns' alternatives without their optional start) or the
# store changes shape (4: a file per pattern), so older programs are not used.
_FORMAT = 6
# About three times the patterns one version uses; past it, the entries this
# process did not use (patterns since edited) are dropped.
_MAX_ENTRIES = 600

_folder: Path | None = None
_fresh: dict[tuple[str, int], Any] = {}  # programs, and split patterns' entries
_used: set[tuple[str, int]] = set()
# Tests switch this off to compare the programs with `re`'s own.
_faster = True
# See `compile_quickly`.
_quick = False


def use_folder(folder: Path | None) -> None:
    """Read and keep compiled programs in `folder` (None: keep them in memory only)."""
    global _folder
    _folder = folder


def compile_quickly(on: bool) -> None:
    """With no folder to keep programs in, compile as `re.compile` does (on), or
    build regex_case's faster programs (off, the default).

    regex_case's programs take about twice as long to build as `re`'s, and
    search faster; a process that keeps no program searches too little text
    to win that back when it reads under a megabyte or so (`unblame lint`
    with no cache folder: bench/lint_speed.py). A long-lived process (the web
    app) keeps the default. With a folder, programs are built to be kept.
    """
    global _quick
    _quick = on


def store_path(folder: Path) -> Path:
    """The store (a folder) for this Python and regular expression engine inside `folder`."""
    key = f"{_FORMAT}:{sys.version}:{_sre.MAGIC}:{_sre.CODESIZE}:{sys.byteorder}"
    # A checksum, not a secure hash: hashlib would add its start-up to every run.
    return folder / f"regex-{sys.implementation.cache_tag}-{zlib.crc32(key.encode()):08x}"


def entry_name(pattern: str, flags: int) -> str:
    """The file of one pattern in the store: two checksums of its text, and its flags.

    Two patterns with the same name are told apart by the text kept inside.
    """
    text = pattern.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}-{flags}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the store when it holds the pattern."""
    flags = int(flags)
    if _quick and _folder is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    _used.add(key)
    program = _fresh.get(key) or _read(key)
    if program is not None:
        try:
            return _build(pattern, program)
        except (RuntimeError, TypeError, ValueError):
            pass  # a store written by something else: compile as usual
    compiled, program = _compile(pattern, flags)
    if program is not None:
        _fresh[key] = program
    return compiled


def compile_split(pattern: str, flags: int = 0) -> regex_split.Split | None:
    """A `regex_split.Split` of `pattern`: whether it matches in a window, from the
    alternatives that can (the same answer as a search of the whole pattern).

    None where splitting is not worth it (see regex_split.plan) or where no
    folder keeps programs: building the alternatives' programs costs about
    what compiling the pattern does, more than a run of a few megabytes
    saves. With a folder they are stored as the patterns' are, and so is the
    decision, so a later process neither parses nor compiles them again.
    """
    flags = int(flags)
    if len(pattern) < regex_split.MIN_LENGTH or _folder is None:
        return None
    key = (_SPLIT + pattern, flags)
    _used.add(key)
    stored = _fresh.get(key) or _read(key)
    if stored is None:
        stored = _plan(pattern, flags)
        if stored is None:
            return None
        _fresh[key] = stored
    try:
        return _split(pattern, flags, stored)
    except (RuntimeError, TypeError, ValueError, IndexError):
        return None  # a store written by something else: search the whole pattern


def compile_exists(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A program that finds a match in a window exactly where `pattern` finds one,
    without what is optional at its start (`regex_split.strip_leading`), so the
    engine can skip ahead to where the rest starts. For "is there a match?"
    only: its matches start later. `compile(pattern, flags)` when nothing is
    optional at the start, or where programs compile as `re`'s (`compile_quickly`).
    """
    flags = int(flags)
    if _quick and _folder is None:
        return compile(pattern, flags)
    key = (_EXISTS + pattern, flags)
    _used.add(key)
    stored = _fresh.get(key) or _read(key)
    if stored is None:
        stored = _strip(pattern, flags)
        if stored is None:
            return compile(pattern, flags)
        _fresh[key] = stored
    if len(stored) == 1:  # ("whole",): nothing to strip
        return compile(pattern, flags)
    try:
        return _build(pattern, stored)
    except (RuntimeError, TypeError, ValueError):
        return compile(pattern, flags)  # a store written by something else


def _strip(pattern: str, flags: int) -> _Program | tuple[str] | None:
    if array("I").itemsize != _sre.CODESIZE:
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed: Any = _parser.parse(pattern, flags)
        items, changed = regex_split.strip_leading(parsed.data)
        if not changed:
            return ("whole",)
        return _program(regex_split.copy_items(items, parsed.state), flags)
    except Exception:  # any change in re's internals: the whole pattern
        return None


# Mark the store's entries of a split pattern and of a pattern without its
# optional start (no pattern starts with a NUL).
_SPLIT = "\x00split\x00"
_EXISTS = "\x00exists\x00"
# A split pattern's entry: ("split", ((words, program), ...), residual program
# or None), or ("whole",) when it is searched whole.
_Stored = tuple[Any, ...]


def _plan(pattern: str, flags: int) -> _Stored | None:
    if array("I").itemsize != _sre.CODESIZE:
        return None
    try:
        from . import regex_case

        planned = regex_split.plan(pattern, flags, regex_case.first_chars)
        if planned is None:
            return ("whole",)
        groups, residual, state = planned
        return (
            "split",
            tuple(
                (words, _program(regex_split.copy_items(items, state), flags))
                for words, items in groups
            ),
            _program(regex_split.copy_items(residual, state), flags) if residual else None,
        )
    except Exception:  # any change in re's internals: search the whole pattern
        return None


def _split(pattern: str, flags: int, stored: _Stored) -> regex_split.Split | None:
    if stored[0] != "split":
        return None
    _, groups, residual = stored
    known, prefixes, bits = regex_split.word_index([words for words, _ in groups])
    words = compile(f"({trie_pattern(known)})")

    def build(program: _Program) -> re.Pattern[str]:
        try:
            return _build(pattern, program)
        except (RuntimeError, TypeError, ValueError):
            # Searching the whole pattern for a group gives the same answer: it
            # matches in the window exactly when one of its groups does.
            return compile(pattern, flags)

    return regex_split.Split(
        words,
        prefixes,
        bits,
        [program for _, program in groups],
        _build(pattern, residual) if residual is not None else None,
        build,
    )


def save() -> bool:
    """Store what this process compiled, if anything; True when it wrote.

    Each entry is written whole and then renamed into place, so processes
    saving at once (a parallel lint's workers) never see half an entry.
    Errors (a read-only home, a full disk) are ignored: the cache only saves time.
    """
    if _folder is None or not _fresh:
        return False
    store = store_path(_folder)
    try:
        store.mkdir(parents=True, exist_ok=True)
        for (pattern, flags), program in _fresh.items():
            name = entry_name(pattern, flags)
            part = store / f".{name}.{os.getpid()}"
            part.write_bytes(marshal.dumps((pattern, flags, program)))
            os.replace(part, store / name)
        _prune(store)
    except OSError:
        return False
    _fresh.clear()
    return True


def _read(key: tuple[str, int]) -> Any:
    """The stored program of `key`, or None."""
    if _folder is None:
        return None
    try:
        with open(store_path(_folder) / entry_name(*key), "rb") as stored:
            pattern, flags, program = marshal.loads(stored.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return program if (pattern, flags) == key else None  # two patterns, one checksum


def _prune(store: Path) -> None:
    """Past _MAX_ENTRIES, drop the entries this process did not use (and any
    entry a process stopped before renaming)."""
    names = os.listdir(store)
    if len(names) <= _MAX_ENTRIES:
        return
    kept = {entry_name(pattern, flags) for pattern, flags in _used}
    for name in names:
        if name not in kept:
            # Another process may have removed or replaced it first.
            with contextlib.suppress(OSError):
                os.remove(store / name)


def stored() -> dict[tuple[str, int], _Program]:
    """Every program in the store, by pattern and flags (for tests and inspection)."""
    if _folder is None or not store_path(_folder).is_dir():
        return {}
    found = {}
    for path in store_path(_folder).glob("*.marshal"):
        try:
            pattern, flags, program = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            continue
        found[(pattern, flags)] = program
    return found


def _build(pattern: str, program: _Program) -> re.Pattern[str]:
    flags, words, groups, groupindex, indexgroup = program
    code = array("I", words).tolist()
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], _Program | None]:
    """Compile as `re.compile` does, keeping the program; without it on an unknown `re`."""
    if array("I").itemsize != _sre.CODESIZE:  # code words would not fit: do not store
        return re.compile(pattern, flags), None
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed: Any = _parser.parse(pattern, flags)
        program = _program(parsed, flags)
        return _build(pattern, program), program
    except Exception:  # any change in re's internals: use its public face
        return re.compile(pattern, flags), None


def _program(parsed: Any, flags: int) -> _Program:
    """The program of a parse (`re._parser.parse`'s SubPattern, changed in place)."""
    from re import _compiler  # type: ignore[attr-defined]

    from . import regex_case  # only a pattern compiled afresh needs it

    # The same matches, found faster: see regex_case.
    code = (regex_case.compile_code if _faster else _compiler._code)(parsed, flags)
    state = parsed.state
    groupindex = {str(name): int(i) for name, i in state.groupdict.items()}
    indexgroup: list[str | None] = [None] * state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | state.flags),
        array("I", code).tobytes(),
        int(state.groups - 1),
        groupindex,
        tuple(indexgroup),
    )
