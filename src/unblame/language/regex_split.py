"""Whether a long alternation matches in a window, asking only the alternatives that can.

The analyzer's longest rule patterns are alternations of a dozen or more
shapes (up to 60,000 characters once the lexicon slots are filled in), and
most start with a word boundary, a name or a look-behind, so the engine can
skip no position: it tries every alternative at every character of a
sentence, about 0.1 to 0.3 ms a sentence. A sentence is searched because it
holds one of the check's trigger words, which usually belongs to one or two
of the alternatives.

A `Split` answers "does the pattern match in `text[lo:hi]`" exactly as
`pattern.search(text, lo, hi) is not None` does, by searching only the
alternatives whose words are in the window. Each alternative (with what
comes before and after the alternation) is a pattern of its own, and from
`re`'s parse of it comes a set of words one of which every match of it
contains (`required`: literal text it must consume, never a look-around).
Alternatives with the same set share one program. A window's words are
found in its lower-cased text by one search of a trie of all of them, and
only the alternatives with a word there are searched; those with no set
are always searched.

Lower-casing stands in for IGNORECASE only where it maps each character to
one and the window holds neither of `re`'s extra cases that do not lower to
their ASCII letter (the dotless i and the long s); elsewhere every
alternative is searched. Only ASCII characters are taken as words.
"""

from __future__ import annotations

from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]  # re's internals: no stubs
from typing import Any, Protocol

# Characters that IGNORECASE matches with an ASCII letter but that `str.lower`
# does not turn into it (the Kelvin sign lowers to k; i-dot lowers to two
# characters, which the length check sees).
_NOT_LOWERED = ("\u0131", "\u017f")
_CASE_PARTNERS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_REPEATS = tuple(
    op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op
)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
# Worth splitting: a long pattern that the engine cannot skip ahead for (no
# first characters, or so many that it stops at nearly every letter). Shorter
# or skippable patterns search faster whole than the trie of words costs.
MIN_LENGTH = 9_000
_MANY_FIRST = 40


class _Searcher(Protocol):
    def search(self, text: str, pos: int, endpos: int) -> Any: ...


# A plan: for each group of alternatives, its words and its parse (items of a
# sequence); the alternatives with no words; the parse's state.
Plan = tuple[list[tuple[tuple[str, ...], list[Any]]], list[Any] | None, Any]


def plan(pattern: str, flags: int, first_chars: Any) -> Plan | None:
    """The groups of alternatives of `pattern` to compile, or None when it is not worth it.

    `first_chars(items, ignorecase)` is regex_case's set of the characters a
    match can start with (None: any).
    """
    if len(pattern) < MIN_LENGTH:
        return None
    parsed = _parser.parse(pattern, flags)
    starts = first_chars(parsed.data, bool((flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE))
    if starts is not None and len(starts) <= _MANY_FIRST:
        return None
    pieces = [strip_leading(items)[0] for items in _pieces(list(parsed.data))]
    if len(pieces) < 2:
        return None
    groups: dict[tuple[str, ...], list[Any]] = {}
    residual: list[Any] = []
    for items in pieces:
        words = required(items)
        if words is None:
            residual.append(items)
        else:
            groups.setdefault(tuple(sorted(words)), []).append(items)
    if not groups:
        return None
    return (
        [(words, _union(alternatives, parsed.state)) for words, alternatives in groups.items()],
        _union(residual, parsed.state) if residual else None,
        parsed.state,
    )


def _union(alternatives: list[Any], state: Any) -> list[Any]:
    """The items of a pattern matching where any of `alternatives` (item lists) does."""
    if len(alternatives) == 1:
        only: list[Any] = alternatives[0]
        return only
    return [(C.BRANCH, (None, [_parser.SubPattern(state, items) for items in alternatives]))]


def _pieces(items: list[Any]) -> list[list[Any]]:
    """Item lists that match, between them, wherever `items` matches, and only there:
    the first alternation at the top (inside groups), one list per alternative,
    each with what comes before and after it."""
    for i, (op, av) in enumerate(items):
        if op is C.SUBPATTERN:
            group, add, delete, sub = av
            inner = _pieces(list(sub.data))
            if len(inner) > 1:
                return [
                    [
                        *items[:i],
                        (C.SUBPATTERN, (group, add, delete, _parser.SubPattern(sub.state, part))),
                        *items[i + 1 :],
                    ]
                    for part in inner
                ]
        elif op is C.BRANCH:
            return [[*items[:i], *alt.data, *items[i + 1 :]] for alt in av[1]]
    return [items]


def strip_leading(items: Any) -> tuple[list[Any], bool]:
    """`items` without what is optional at their start (and at the start of each
    alternative of a leading alternation or group), and whether anything went.

    Only for asking whether a match exists: `(?:\\w+ly\\s+)?wiped` matches in a
    window exactly where `wiped` does (with the optional part empty), but the
    engine can skip ahead to a "w" only without it. Where the match starts
    and ends changes, so the program is never used for the match itself.
    """
    items = list(items)
    changed = False
    while items and items[0][0] in _REPEATS and items[0][1][0] == 0:
        items = items[1:]
        changed = True
    if items:
        op, av = items[0]
        if op is C.SUBPATTERN:
            inner, inner_changed = strip_leading(av[3].data)
            if inner_changed:
                sub = _parser.SubPattern(av[3].state, inner)
                items[0] = (op, (av[0], av[1], av[2], sub))
                changed = True
        elif op is C.BRANCH:
            alternatives = []
            for alt in av[1]:
                inner, inner_changed = strip_leading(alt.data)
                alternatives.append(_parser.SubPattern(alt.state, inner))
                changed = changed or inner_changed
            items[0] = (op, (av[0], alternatives))
    return items, changed


def copy_items(items: list[Any], state: Any) -> Any:
    """A SubPattern of a deep copy of `items`: compiling a parse changes it in place."""
    return _parser.SubPattern(state, [_copy(op, av) for op, av in items])


def _copy_sub(sub: Any) -> Any:
    return copy_items(sub.data, sub.state)


def _copy(op: Any, av: Any) -> tuple[Any, Any]:
    if op is C.SUBPATTERN:
        return op, (av[0], av[1], av[2], _copy_sub(av[3]))
    if op in _REPEATS:
        return op, (av[0], av[1], _copy_sub(av[2]))
    if op is C.BRANCH:
        return op, (av[0], [_copy_sub(alt) for alt in av[1]])
    if op is C.ASSERT or op is C.ASSERT_NOT:
        return op, (av[0], _copy_sub(av[1]))
    if op is _ATOMIC:
        return op, _copy_sub(av)
    if op is C.GROUPREF_EXISTS:
        return op, (av[0], _copy_sub(av[1]), _copy_sub(av[2]) if av[2] is not None else None)
    if op is C.IN:
        return op, list(av)
    return op, av


def required(items: Any) -> set[str] | None:
    """Words (lower-case ASCII) one of which every match of the sequence `items`
    consumes, or None when none can be told."""
    best: set[str] | None = None
    run = ""

    def consider(words: set[str] | None) -> None:
        nonlocal best
        if words and (best is None or _score(words) > _score(best)):
            best = words

    for op, av in items:
        char = _literal(op, av)
        if char is not None:
            run += char
            continue
        if run:
            consider({run})
            run = ""
        consider(_required_of(op, av))
    if run:
        consider({run})
    return best


def _score(words: set[str]) -> tuple[int, int]:
    """Longer words are rarer; fewer of them, fewer hits."""
    return min(len(w) for w in words), -len(words)


def _literal(op: Any, av: Any) -> str | None:
    """The lower-case ASCII character an item consumes, when it is one character
    (a literal, or a set of one letter's cases)."""
    if op is C.LITERAL:
        return chr(av).lower() if av < 128 else None
    if op is C.IN:
        chars = set()
        for member_op, member in av:
            if member_op is not C.LITERAL:
                return None
            if member < 128:
                chars.add(chr(member).lower())
            elif member not in _CASE_PARTNERS:
                return None
        if len(chars) == 1:
            (char,) = chars
            # Only the letter's own partners (the window check covers ı and ſ,
            # and i-dot; the Kelvin sign lowers to k).
            return char if all(m < 128 or _CASE_PARTNERS[m] == char for _, m in av) else None
    return None


def _required_of(op: Any, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN:
        return required(av[3].data)
    if op in _REPEATS:
        return required(av[2].data) if av[0] >= 1 else None
    if op is _ATOMIC:
        return required(av.data)
    if op is C.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            words = required(alt.data)
            if words is None:
                return None
            found |= words
        # A word that holds another is found wherever it is: keep the shorter.
        return {w for w in found if not any(o != w and o in w for o in found)}
    return None


class Split:
    """`pattern.search(text, lo, hi) is not None`, searching only the alternatives
    whose words are in the window (see the module's docstring)."""

    def __init__(
        self,
        words: _Searcher,
        prefixes: dict[str, tuple[str, ...]],
        bits: dict[str, int],
        groups: list[Any],
        residual: _Searcher | None,
        build: Any,
    ) -> None:
        # `words` finds the longest word at a place; `prefixes` gives the words
        # that start there with it; `bits`, the groups each word selects.
        self._words = words
        self._prefixes = prefixes
        self._bits = bits
        self._groups = groups  # compiled on first use: `build(entry)` -> pattern
        self._residual = residual
        self._build = build
        self._all = (1 << len(groups)) - 1

    def search(self, text: str, lo: int, hi: int) -> bool:
        if self._residual is not None and self._residual.search(text, lo, hi) is not None:
            return True
        window = text[lo:hi].lower()
        if len(window) != hi - lo or any(c in window for c in _NOT_LOWERED):
            chosen = self._all
        else:
            chosen = 0
            bits, prefixes, find = self._bits, self._prefixes, self._words.search
            m = find(window, 0, len(window))
            while m is not None:
                for word in prefixes[m.group(1)]:
                    chosen |= bits[word]
                m = find(window, m.start() + 1, len(window))
        index = 0
        while chosen:
            if chosen & 1 and self._group(index).search(text, lo, hi) is not None:
                return True
            chosen >>= 1
            index += 1
        return False

    def _group(self, index: int) -> _Searcher:
        group = self._groups[index]
        if not hasattr(group, "search"):
            group = self._groups[index] = self._build(group)
        searcher: _Searcher = group
        return searcher


def word_index(
    words: list[tuple[str, ...]],
) -> tuple[list[str], dict[str, tuple[str, ...]], dict[str, int]]:
    """Every word of the groups, sorted; each word's prefixes that are words
    (itself included, shortest first); each word's groups as bits."""
    known = sorted({w for group in words for w in group})
    present = set(known)
    prefixes = {w: tuple(w[:k] for k in range(1, len(w) + 1) if w[:k] in present) for w in known}
    bits: dict[str, int] = {}
    for index, group in enumerate(words):
        for w in group:
            bits[w] = bits.get(w, 0) | (1 << index)
    return known, prefixes, bits
