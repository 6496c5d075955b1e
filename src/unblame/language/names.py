"""Finding people's names in text at a cost that does not depend on the roster.

The analyzer marks every known name before its rules run (see
`lexicon.NAME_MARK`). Known names are the built-in given names plus a
roster: the web app's accounts, chat authors and names an admin added, or
`names` in a lint configuration. Rosters differ from incident to incident,
so nothing here compiles per roster: one fixed expression finds the words a
name could start with, and dictionaries keyed by a name's first word decide
which of them are names. A roster's dictionary costs microseconds per name
to build; compiling a regular expression per roster cost 10 ms each and
dominated exports that touch thousands of incidents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# Where a name may start: a letter that is not ASCII lower case. Lower-case
# non-ASCII letters pass too; the dictionary lookup turns them away.
_CAPITALISED = re.compile(r"[^\W\d_a-z]\w*")
_FIRST_WORD = re.compile(r"\w*")
_ANY_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# A name glued to one of these is part of something else: "@ana" is a
# handle, "O'Neil" is not "Neil", "Jean-Luc" is not "Luc".
_GLUE = frozenset("_@'’-")


@dataclass(frozen=True)
class NameIndex:
    """Names grouped by their first word, each group longest first.

    `uncapitalised` holds the names that no capital letter announces
    ("jdoe", "_bot", "42ops"), grouped the same way; they are looked up
    word by word, only when a roster has any.
    """

    by_first_word: dict[str, tuple[str, ...]]
    uncapitalised: dict[str, tuple[str, ...]]


def build_index(names: Iterable[str]) -> NameIndex:
    """An index of `names` (stripped; empty entries dropped)."""
    capitalised: dict[str, list[str]] = {}
    uncapitalised: dict[str, list[str]] = {}
    for name in {n.strip() for n in names if n and n.strip()}:
        groups = capitalised if _CAPITALISED.match(name) else uncapitalised
        groups.setdefault(_FIRST_WORD.match(name).group(), []).append(name)  # type: ignore[union-attr]
    return NameIndex(_longest_first(capitalised), _longest_first(uncapitalised))


def _longest_first(groups: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {word: tuple(sorted(group, key=len, reverse=True)) for word, group in groups.items()}


class Roster:
    """People's names as a few immutable parts, cheap to pass, hash and compare.

    The web app's roster is every account (the same for all incidents) plus
    each incident's chat authors. Keeping the parts apart lets a list of
    thousands of items reuse one index of the accounts and build only the
    small per-incident part, and lets caches key on a roster in O(1): a
    frozenset remembers its hash. Two rosters are equal when their parts are.
    """

    __slots__ = ("_hash", "parts")

    def __init__(self, *parts: Iterable[str]) -> None:
        self.parts: tuple[frozenset[str], ...] = tuple(
            part if isinstance(part, frozenset) else frozenset(part) for part in parts
        )
        self._hash = hash(self.parts)

    def __contains__(self, name: object) -> bool:
        return any(name in part for part in self.parts)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(frozenset().union(*self.parts)))

    def __len__(self) -> int:
        return len(frozenset().union(*self.parts))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Roster) and self.parts == other.parts

    def __repr__(self) -> str:
        return f"Roster({', '.join(str(len(part)) for part in self.parts)} names)"


def as_roster(names: Iterable[str]) -> Roster:
    """`names` as a Roster (itself when it is one already)."""
    return names if isinstance(names, Roster) else Roster(names)


@lru_cache(maxsize=256)
def _cached_index(part: frozenset[str]) -> NameIndex:
    return build_index(part)


def roster_indexes(names: Iterable[str]) -> tuple[NameIndex, ...]:
    """One index per part of the roster, each reused while that part comes back.

    A part that is the same frozenset object as last time is found in O(1);
    nothing is compiled, so a part seen for the first time costs only a
    dictionary build over its names.
    """
    return tuple(_cached_index(part) for part in as_roster(names).parts if part)


def name_spans(text: str, *indexes: NameIndex) -> list[tuple[int, int]]:
    """Where the names of `indexes` stand in `text`, as (start, end) pairs.

    A name matches case-sensitively ("Grace" the person, not "grace
    period"), as a whole word, and not glued to a word, handle or
    hyphenated name before it. Where names overlap, the leftmost wins and
    then the longest, so "Anna Maria" is one name rather than two.
    """
    found = _starting_at(text, _CAPITALISED, [index.by_first_word for index in indexes])
    uncapitalised = [index.uncapitalised for index in indexes if index.uncapitalised]
    if uncapitalised:
        found += _starting_at(text, _ANY_WORD, uncapitalised)
    return _leftmost_longest(found)


def _starting_at(
    text: str, starts: re.Pattern[str], groups: list[dict[str, tuple[str, ...]]]
) -> list[tuple[int, int]]:
    found = []
    for match in starts.finditer(text):
        word = match.group()
        # Most capitalised words are no name: the dictionaries say so before
        # the context checks (a search each) need to run.
        candidates = [by_word.get(word) for by_word in groups]
        if not any(candidates):
            continue
        start = match.start()
        if _glued(text, start) or _after_article(text, start):
            continue
        end = _longest(text, start, candidates)
        if end:
            found.append((start, end))
    return found


def _glued(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in _GLUE)


def _after_article(text: str, start: int) -> bool:
    # A name takes no article: with an account called "release", "the
    # release broke checkout" is about a release, not a person.
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).lower() in _DETERMINERS


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "every", "each", "its", "our", "your"}
)


def _ends_word(text: str, end: int) -> bool:
    return not _WORD_CHAR.match(text, end)


def _longest(text: str, start: int, groups: Iterable[tuple[str, ...] | None]) -> int:
    best = 0
    for group in groups:
        for name in group or ():
            end = start + len(name)
            if end <= best:
                break  # each group is longest first
            if text.startswith(name, start) and _ends_word(text, end):
                best = end
                break
    return best


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
