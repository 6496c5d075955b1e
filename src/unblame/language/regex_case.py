"""Faster programs for the analyzer's case-insensitive patterns, with the same matches.

The analyzer's patterns are long IGNORECASE alternations, searched for in
every sentence that holds one of their trigger words. Python's `re` cannot
skip ahead in such a search: it skips only to a literal prefix or to a set of
first characters, and it works one out only for case-sensitive patterns that
start with a character. So it tries the whole pattern at every position, and
at each one every alternative in turn, since it skips an alternative at once
only when the alternative starts with a plain character or set, never with a
case-insensitive letter. Most of a document's time went there.

`compile_code` gives `re`'s engine the program `re` itself would build, with
three changes that match exactly the same strings:

- an alternative that starts with an ASCII letter starts instead with the
  set of characters IGNORECASE lets that letter match, kept case-sensitive
  (`k` is `[Kk\u212a]`: the Kelvin sign lowers to k), so the engine can pass
  it over by one comparison;
- alternatives that start with the same item share it, as in a trie
  (`\\bnot|\\bnever|cause|care` is `\\bn(?:ot|ever)|ca(?:use|re)`), when no
  alternative moves past another that could match at the same place first, so
  each position costs one comparison per first item, not one per alternative;
- when `re` finds no prefix to skip to, the program is told the characters
  a match can start with, worked out from the pattern, so a search skips every
  other position at C speed.

Anything whose cases are not known exactly (a cased letter outside ASCII, a
set of ranges or categories) is left as `re` compiles it and, at the start of
a match, means "any character": no skipping. `tests/language/test_regex_case.py`
checks the letter table against `re` over every code point and every project
pattern against `re` on real text.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]  # re's internals: no stubs
from re import _constants as C  # type: ignore[attr-defined]
from typing import Any

IGNORECASE = int(re.IGNORECASE)
# Characters outside ASCII that IGNORECASE matches with an ASCII letter (str
# patterns are always Unicode): i-dot and the Kelvin sign lower to i and k;
# dotless i and long s are `re`'s extra cases of i and s.
_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_REPEATS = tuple(
    op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op
)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_OPTIMIZE_CHARSET = _compiler._optimize_charset
# Past this many first characters a set skips too little to be worth checking.
_MAX_FIRST = 80


def cases(letter: str) -> str:
    """Every character that IGNORECASE lets an ASCII `letter` match, sorted."""
    return _CASES[letter.lower()]


_CASES = {
    low: "".join(sorted({low, low.upper(), *_EXTRA.get(low, "")}))
    for low in "abcdefghijklmnopqrstuvwxyz"
}


def compile_code(parsed: Any, flags: int) -> list[int]:
    """The program for `parsed` (from `re._parser.parse(pattern, flags)`), as
    `re._compiler._code` builds it but faster to search (see above)."""
    flags = int(parsed.state.flags | flags)
    ignorecase = bool(flags & IGNORECASE)
    _factor(parsed, ignorecase)
    code: list[int] = []
    _compiler._compile_info(code, parsed, flags)
    if code[2] == 0 and parsed.getwidth()[0] > 0:  # `re` found nothing to skip to
        starts = first_chars(parsed.data, ignorecase)
        if starts is not None and 0 < len(starts) <= _MAX_FIRST:
            code = _info(parsed, flags, starts)
    _compile(code, parsed.data, flags)
    code.append(C.SUCCESS)
    return code


def _compile(code: list[int], data: Any, flags: int) -> None:
    """`re._compiler._compile`, with its character sets optimised once each.

    The case sets repeat by the thousand in a long alternation, and `re` works
    out each set's best form afresh (a 256-entry map each time): that tripled
    the time to compile the analyzer's patterns. The memo returns what `re`
    would, for the same arguments; it is in place only during this call.
    """
    original = _OPTIMIZE_CHARSET
    memo: dict[tuple[Any, ...], Any] = {}

    def optimize(charset: Any, *args: Any) -> Any:
        key = (tuple(charset), *args)
        try:
            found = memo.get(key)
        except TypeError:  # an unhashable argument: no memo
            return original(charset, *args)
        if found is None:
            found = memo[key] = original(charset, *args)
        return found

    _compiler._optimize_charset = optimize
    try:
        _compiler._compile(code, data, flags)
    finally:
        # `re`'s own, never another call's memo, whatever threads compile at once.
        _compiler._optimize_charset = _OPTIMIZE_CHARSET


def _factor(sub: Any, ignorecase: bool) -> None:
    """Start alternatives with case sets, and share the first item of those that
    start alike, as a trie does.

    `re`'s engine tries the alternatives of an alternation one by one at every
    position; it passes over one that starts with a character or set that does
    not fit at one comparison, but a hundred such alternatives are still a
    hundred comparisons, and one that starts with `\\b` is entered every time.
    `care|carry|\\bcause|\\bclue` becomes `car(?:e|ry)|\\b(?:cause|clue)` (each
    letter as its case set), which matches the same strings in the same order
    of preference.
    """
    for op, av in sub.data:
        if op is C.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            sub.data = _inlined(sub.data)
            break
    for i, (op, av) in enumerate(sub.data):
        if op in _LEAVES:
            continue
        if op is C.BRANCH:
            alternatives = []
            for alt in av[1]:
                _factor(alt, ignorecase)
                alternatives.extend(_spread(alt, ignorecase, sub.state))
            merged = _merged(alternatives, ignorecase, sub.state) or alternatives
            sub.data[i] = (C.BRANCH, (av[0], merged))
        elif not _is_case_set(op, av):
            for child, inner in _children(op, av, ignorecase):
                _factor(child, inner)


def _spread(alt: Any, ignorecase: bool, state: Any) -> list[Any]:
    """`alt`, or the alternatives it starts with, each followed by the rest of it.

    `(?:a|b)|c` is `a|b|c`, and `(?:a|b)\\b|c` is `a\\b|b\\b|c`, tried in the same
    order: then each starts with its own first item, which the engine can pass
    over at one comparison, and alternatives that start alike can share it. The
    rest is copied into each, so only a short rest without groups is spread.
    """
    if not alt.data or alt.data[0][0] is not C.BRANCH:
        return [_letter_first(alt, ignorecase)]
    inner, rest = alt.data[0][1][1], alt.data[1:]
    if rest and _within(rest, _SPREAD_LIMIT // max(len(inner) - 1, 1)) < 0:
        return [alt]
    return [_letter_first(_parser.SubPattern(state, [*a.data, *rest]), ignorecase) for a in inner]


# How many items copying the rest of an alternative into each of its first
# alternatives may add. Measured with bench/regex_replay.py on the analyzer's
# patterns: 256 left the precheck clauses unspread; 2,048 spreads most of them
# (the analyzer's regex time 0.81 -> 0.70 s, programs 6.9 -> 8.9 MB, compiling
# every pattern afresh 0.78 -> 0.92 s); 8,192 gains nothing more.
_SPREAD_LIMIT = 2048


def _within(items: Any, budget: int) -> int:
    """What is left of `budget` once every item of `items` and inside them is
    counted; -1 when it runs out or a group that captures (or a reference to
    one) is met, since a copy must not hold a group twice."""
    for op, av in items:
        budget -= 1
        if budget < 0 or op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return -1
        if op is C.SUBPATTERN and av[0] is not None:
            return -1
        for child, _ in _children(op, av, False):
            budget = _within(child.data, budget)
            if budget < 0:
                return -1
    return budget


def _letter_first(alt: Any, ignorecase: bool) -> Any:
    """`alt` starting with the case set of its first letter, when it starts with one."""
    if ignorecase and alt.data:
        alt.data[0] = _case_set(*alt.data[0]) or alt.data[0]
    return alt


# Items with nothing inside them.
_LEAVES = frozenset({C.LITERAL, C.NOT_LITERAL, C.IN, C.AT, C.ANY, C.GROUPREF})


def _is_case_set(op: Any, av: Any) -> bool:
    """True for the group `_case_set` makes: one set, nothing inside to join."""
    return (
        op is C.SUBPATTERN and av[0] is None and len(av[3].data) == 1 and av[3].data[0][0] is C.IN
    )


def _inlined(items: list[Any]) -> list[Any]:
    """`items` with each group that neither captures nor sets flags replaced by its
    contents: `re` compiles such a group as its contents, so the program is the
    same, but the items inside are seen as the sequence's own."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            out.extend(_inlined(av[3].data))
        else:
            out.append((op, av))
    return out


def _merged(alternatives: list[Any], ignorecase: bool, state: Any) -> list[Any] | None:
    """`alternatives` with those that start with the same item joined under it;
    None when no two do.

    An alternative moves up past others only when no string can start a match
    of both (their first characters are known and disjoint): of two
    alternatives that can both match at a position, the earlier one is still
    tried first.
    """
    keys = [_head_key(alt.data[0]) if alt.data else None for alt in alternatives]
    known = [key for key in keys if key is not None]
    if len(set(known)) == len(known):
        return None  # no two start alike: nothing to join (most alternations)
    groups: list[list[Any]] = []  # [head key, first characters or None, members]
    for alt, key in zip(alternatives, keys, strict=True):
        target = None
        starts = first_chars(alt.data, ignorecase) if key is not None else None
        for group in reversed(groups) if key is not None else ():
            if group[0] == key:
                target = group
                break
            if starts is None or group[1] is None or group[1] & starts:
                break  # moving past this alternative could change which one matches
        if target is None:
            groups.append([key, starts, [alt]])
        else:
            target[2].append(alt)
            target[1] = None if target[1] is None or starts is None else target[1] | starts
    if len(groups) == len(alternatives):
        return None
    out = []
    for _, _, members in groups:
        if len(members) == 1:
            out.append(members[0])
            continue
        rests = [
            spread
            for member in members
            for spread in _spread(_parser.SubPattern(state, member.data[1:]), ignorecase, state)
        ]
        inner = _merged(rests, ignorecase, state) or rests
        head = members[0].data[0]
        tail = inner[0].data if len(inner) == 1 else [(C.BRANCH, (None, inner))]
        out.append(_parser.SubPattern(state, [head, *tail]))
    return out


# Items that match in exactly one way, at most one character: `x(?:a|b)` is `xa|xb`.
_SINGLE_OPS = (C.LITERAL, C.NOT_LITERAL, C.IN, C.AT, C.ANY)


def _head_key(item: tuple[Any, Any]) -> Any:
    """A key equal for equal items that match one way at one place; None for others."""
    op, av = item
    if op is C.IN:
        return op, tuple(av)
    if op in _SINGLE_OPS:
        return op, av
    if op is C.SUBPATTERN and av[0] is None and len(av[3].data) == 1:
        inner = _head_key(av[3].data[0])  # a case set (see _case_set) or a lone item
        return None if inner is None else (op, av[1], av[2], inner)
    return None


def _case_set(op: Any, av: Any) -> tuple[Any, Any] | None:
    """An ASCII letter of an IGNORECASE pattern as the set of its cases; None for other items."""
    if op is not C.LITERAL:
        return None
    found = _CASE_SETS.get(av)
    if found is None and chr(av).isascii() and chr(av).isalpha():
        members = _parser.SubPattern(_parser.State())
        members.data = [(C.IN, [(C.LITERAL, ord(c)) for c in cases(chr(av))])]
        # A scope without IGNORECASE: the set is already every case.
        found = _CASE_SETS[av] = (C.SUBPATTERN, (None, 0, IGNORECASE, members))
    return found


# One item per letter, shared by every pattern: nothing changes it once made.
_CASE_SETS: dict[int, tuple[Any, Any]] = {}


def _children(op: Any, av: Any, ignorecase: bool) -> list[tuple[Any, bool]]:
    """The sub-patterns of one item, each with whether IGNORECASE holds in it."""
    if op is C.SUBPATTERN:
        _, add, delete, sub = av
        return [(sub, (ignorecase or bool(add & IGNORECASE)) and not delete & IGNORECASE)]
    if op in _REPEATS:
        return [(av[2], ignorecase)]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [(av[1], ignorecase)]
    if op is _ATOMIC:
        return [(av, ignorecase)]
    if op is C.GROUPREF_EXISTS:
        return [(sub, ignorecase) for sub in av[1:] if sub]
    if op is C.BRANCH:
        return [(alt, ignorecase) for alt in av[1]]
    return []


def first_chars(items: Any, ignorecase: bool) -> set[int] | None:
    """The characters a match of `items` can start with; None when any may, or
    when it can match the empty string."""
    starts, nullable = _first(items, ignorecase)
    return None if nullable else starts


def _first(items: Any, ignorecase: bool) -> tuple[set[int] | None, bool]:
    """(first characters or None for any, whether the items can match nothing)."""
    found: set[int] = set()
    for op, av in items:
        starts, nullable = _first_of(op, av, ignorecase)
        if starts is None:
            return None, False
        found |= starts
        if not nullable:
            return found, False
    return found, True


def _first_of(op: Any, av: Any, ignorecase: bool) -> tuple[set[int] | None, bool]:
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # they look, but take no character
    if op is C.LITERAL:
        return _chars([av], ignorecase), False
    if op is C.IN:
        if any(member_op is not C.LITERAL for member_op, _ in av):
            return None, False
        return _chars([member for _, member in av], ignorecase), False
    if op is C.BRANCH:
        found: set[int] = set()
        nullable = False
        for alt in av[1]:
            starts, empty = _first(alt, ignorecase)
            if starts is None:
                return None, False
            found |= starts
            nullable = nullable or empty
        return found, nullable
    if op is C.SUBPATTERN or op is _ATOMIC:
        ((sub, inner),) = _children(op, av, ignorecase)
        return _first(sub, inner)
    if op in _REPEATS:
        starts, empty = _first(av[2], ignorecase)
        return starts, empty or av[0] == 0
    return None, False  # any character, a back-reference, a conditional


def _chars(codes: list[int], ignorecase: bool) -> set[int] | None:
    found: set[int] = set()
    for code in codes:
        char = chr(code)
        if not ignorecase or char.lower() == char == char.upper():
            found.add(code)
        elif char.isascii():
            found.update(ord(c) for c in cases(char))
        else:
            return None  # a cased letter outside ASCII: its cases are not known here
    return found


def _info(parsed: Any, flags: int, starts: set[int]) -> list[int]:
    """An INFO block (see `re._compiler._compile_info`) naming the first characters."""
    low, high = parsed.getwidth()
    limit = _compiler.MAXCODE
    code = [C.INFO, 0, C.SRE_INFO_CHARSET, min(low, limit), min(high, limit)]
    charset, _ = _compiler._optimize_charset([(C.LITERAL, c) for c in sorted(starts)])
    _compiler._compile_charset(charset, flags & ~IGNORECASE, code)
    code[1] = len(code) - 1
    return code
