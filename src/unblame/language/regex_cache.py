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
process, which skips the parse. The store is keyed by the Python version and
the engine's format, and each entry by its pattern text and flags, so an
edited pattern or a new Python simply compiles afresh. The engine checks
every program it is given; a store that cannot be read or used is ignored.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine: no stubs
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

# What a stored program needs besides its pattern and flags: the engine's
# flags, its code words, and the groups (count, name to index, index to name).
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# Raised whenever regex_case builds different programs (3: alternatives that
# start alike share their first item), so a store of older ones is not used.
_FORMAT = 3
# About three times the patterns one version uses; past it, the entries this
# process did not use (patterns since edited) are dropped.
_MAX_ENTRIES = 600

_folder: Path | None = None
_stored: dict[tuple[str, int], _Program] | None = None
_fresh: dict[tuple[str, int], _Program] = {}
_used: set[tuple[str, int]] = set()
# Tests switch this off to compare the programs with `re`'s own.
_faster = True


def use_folder(folder: Path | None) -> None:
    """Read and keep compiled programs in `folder` (None: keep them in memory only)."""
    global _folder, _stored
    _folder, _stored = folder, None


def store_path(folder: Path) -> Path:
    """The store for this Python and regular expression engine inside `folder`."""
    key = f"{_FORMAT}:{sys.version}:{_sre.MAGIC}:{_sre.CODESIZE}:{sys.byteorder}"
    # A checksum, not a secure hash: hashlib would add its start-up to every run.
    return folder / f"regex-{sys.implementation.cache_tag}-{zlib.crc32(key.encode()):08x}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the store when it holds the pattern."""
    flags = int(flags)
    key = (pattern, flags)
    _used.add(key)
    program = _store().get(key) or _fresh.get(key)
    if program is not None:
        try:
            return _build(pattern, program)
        except (RuntimeError, TypeError, ValueError):
            pass  # a store written by something else: compile as usual
    compiled, program = _compile(pattern, flags)
    if program is not None:
        _fresh[key] = program
    return compiled


def save() -> bool:
    """Write the store if this process compiled anything new; True when it wrote.

    Errors (a read-only home, a full disk) are ignored: the cache only saves time.
    """
    if _folder is None or not _fresh:
        return False
    entries = {**_store(), **_fresh}
    if len(entries) > _MAX_ENTRIES:
        entries = {key: program for key, program in entries.items() if key in _used}
    import tempfile  # only a run that compiled something new writes

    path = store_path(_folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
        with os.fdopen(fd, "wb") as out:
            marshal.dump(list(entries.items()), out)
        os.replace(tmp, path)
    except OSError:
        return False
    global _stored
    _stored = entries
    _fresh.clear()
    return True


def _store() -> dict[tuple[str, int], _Program]:
    global _stored
    if _stored is None:
        _stored = _load(store_path(_folder)) if _folder is not None else {}
    return _stored


def _load(path: Path) -> dict[tuple[str, int], _Program]:
    try:
        items = marshal.loads(path.read_bytes())
        return {(str(p), int(f)): program for (p, f), program in items}
    except (OSError, EOFError, ValueError, TypeError):
        return {}


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
        from re import _compiler, _parser  # type: ignore[attr-defined]

        from . import regex_case  # only a pattern compiled afresh needs it

        parsed: Any = _parser.parse(pattern, flags)
        # The same matches, found faster: see regex_case.
        code = (regex_case.compile_code if _faster else _compiler._code)(parsed, flags)
        state = parsed.state
        groupindex = {str(name): int(i) for name, i in state.groupdict.items()}
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        program: _Program = (
            int(flags | state.flags),
            array("I", code).tobytes(),
            int(state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
        return _build(pattern, program), program
    except Exception:  # any change in re's internals: use its public face
        return re.compile(pattern, flags), None
