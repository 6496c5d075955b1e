"""Run the rule registry over a text and return findings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache

from . import cues, prose, regex_cache, regex_split, surroundings
from .clause import CHAT_LINE_LIMIT, _Lazy, line_of
from .config import Config
from .finding import Category, Finding, Severity
from .lexicon import (
    SLOTS,
    mark_names,
    other_pattern,
    person_pattern,
)
from .names import Roster, as_roster
from .registry import RULES, get_rule
from .rule import Check, Frame, Rule
from .surroundings import (
    ABOUT_OTHERS,
    QUOTE_REACH,
    applied_to_person,
    given_as_cause,
    mentioned,
    negated,
    people_in_general,
    quoted_remedy,
    supposed,
    they_are_things,
)
from .trie import trie_pattern

CONTEXTS = ("document", "action_item", "chat")
# Module-level patterns are `_Lazy`: compiled on first use, through the pattern
# cache, which `unblame lint` opens only after importing this module.
_LOOKBACK = 400
# Where a scan window may end: a sentence end before white space, or a block break.
# A period after a title, a company suffix, a US state or an initial ends no
# sentence ("Newark, Del., an engineer ...", "Mr. Odunze's team").
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr St Sr Jr Inc Corp Ltd Co vs Del Calif Mass Wash Fla Ariz Penn Conn Mich Minn"
    " Wis Ore Nev Colo Tenn Ky Ga Va Md Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec approx"
)


def _not_after(abbreviations: str) -> str:
    """Look-behinds that fail after any of `abbreviations` and a period.

    One look-behind per length (a look-behind has a fixed width) rather than
    one per word: about forty were tried at every period of every document.
    """
    by_length: dict[int, list[str]] = {}
    for word in abbreviations.split():
        by_length.setdefault(len(word), []).append(word)
    return "".join(rf"(?<!\b(?:{'|'.join(words)})\.)" for _, words in sorted(by_length.items()))


# Checked after the mark, so the look-behinds run only at a period.
_NOT_AN_END = _not_after(_ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
# One character class first lets `re` skip at C speed to the next mark or line break.
SCAN_BREAK_RE = _Lazy(rf"[.!?\n](?:(?<=\n)\n*|{_NOT_AN_END}(?=\s))")
SENTENCE_END_RE = _Lazy(rf"[.!?;]{_NOT_AN_END}(?=[\s\"')\]]|$)|\n|\s[-–—]\s|:\s")


_FLAGS = re.IGNORECASE | re.VERBOSE


class CompiledRule:
    """One check of a rule; a rule with several checks has several.

    Patterns compile on first use: linting one small file needs only the checks
    whose trigger words it contains, and compiling all of them is most of the
    start-up time. `prepare()` compiles everything ahead, for forked workers.
    """

    def __init__(self, rule: Rule, check: Check | Frame) -> None:
        self.rule = rule
        self.triggers = check.triggers
        self.frame = check if isinstance(check, Frame) else None
        self.line_wide = self.frame is not None and self.frame.line_wide
        self._pattern = None if isinstance(check, Frame) else check.pattern

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        if self._pattern is None:
            return None
        return regex_cache.compile(expand(self._pattern), _FLAGS)

    @cached_property
    def unless(self) -> re.Pattern[str] | None:
        return _compiled_unless(self.rule.code)

    @cached_property
    def split(self) -> regex_split.Split | None:
        """The pattern's alternatives, each searched only where its words are, for
        the question "any match in this window?" (long patterns; see regex_split)."""
        if self._pattern is None:
            return None
        return regex_cache.compile_split(expand(self._pattern), _FLAGS)

    def any_match(self, masked: str, lo: int, hi: int) -> bool:
        """Whether the pattern matches in `masked[lo:hi]` (as `regex.search` would say).

        A process that has read little text (see `_by_find`) searches the whole
        pattern: reading a split's entry costs more than one small file saves.
        """
        if _found_by_find > _FIND_LIMIT:
            split = self.split
            if split is not None:
                return split.search(masked, lo, hi)
        regex = self.regex
        return regex is None or regex.search(masked, lo, hi) is not None


@cache
def _compiled_unless(code: str) -> re.Pattern[str] | None:
    # Keyed by rule, so the checks of one rule share one compiled `unless`.
    unless = get_rule(code).unless
    return regex_cache.compile(expand(unless), _FLAGS) if unless else None


def expand(pattern: str) -> str:
    """Fill the lexicon slots ({PERSON}, {OTHER}, {ROLE}, …) of a rule pattern; a slot
    that holds another ({SOMEONE} holds {OTHER}) is filled first, as SLOTS come first."""
    slots = {**SLOTS, "PERSON": person_pattern(), "OTHER": other_pattern()}
    out = pattern
    for key, value in slots.items():
        out = out.replace("{" + key + "}", value)
    return out


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[CompiledRule, ...]:
    """Every check of every rule, once per process (patterns compile on first use)."""
    return tuple(CompiledRule(rule, check) for rule in RULES for check in rule.checks)


def prepare() -> None:
    """Compile every pattern now, so that processes forked afterwards start ready."""
    for compiled in compiled_rules():
        _ = compiled.regex, compiled.unless, compiled.split
    _trigger_index()
    cues.prepare()
    # The sentence model's prechecks live in a table, out of cues.prepare's sight;
    # this module's sentence-end patterns and surroundings' negation and quotation
    # patterns are their own.
    for lazy in [
        *cues.PRECHECKS.values(),
        *globals().values(),
        *vars(surroundings).values(),
    ]:
        if isinstance(lazy, _Lazy):
            _ = lazy.regex


def sentence_bounds(
    masked: str, start: int, end: int, window_start: int, window_end: int
) -> tuple[int, int]:
    """The clause around a match (`unless` and negation look here), inside its scan window."""
    lo = max(window_start, start - _LOOKBACK)
    for m in SENTENCE_END_RE.regex.finditer(masked, lo, start):
        lo = m.end()
    limit = min(window_end, end + _LOOKBACK)
    hi_match = SENTENCE_END_RE.search(masked, end, limit)
    hi = hi_match.start() + 1 if hi_match else limit
    return lo, hi


def _allowed(rule: Rule, block: prose.Block, context: str, config: Config) -> bool:
    if block.quoted and not config.lint_quotes:
        return False
    if block.suppressed is not None and (
        not block.suppressed or any(rule.code.startswith(c) for c in block.suppressed)
    ):
        return False
    where = "action_item" if block.action_item and context == "document" else context
    return where in rule.contexts


def _severity(rule: Rule, context: str, config: Config) -> Severity:
    if rule.code in config.severity:
        return config.severity[rule.code]
    # What the writer says of themself in live chat gets a private, gentle
    # note, never a loud flag.
    if context == "chat" and rule.about_writer:
        return Severity.INFO
    return rule.severity


def analyze(
    text: str,
    *,
    names: Iterable[str] = (),
    config: Config | None = None,
    context: str = "document",
) -> list[Finding]:
    """Find blaming, self-blaming and hindsight wording in `text` (Markdown or plain).

    `names` are people's names to treat as persons, added to `config.names`.
    `context` is where the text stands: "document" (default: a review, where
    sections named like "Action items" are read as action items),
    "action_item" (the whole text is one action item) or "chat".
    Findings are sorted by position; offsets index into `text` itself.
    """
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {', '.join(CONTEXTS)}, not {context!r}")
    config = config or Config()
    roster = Roster(*as_roster(names).parts, config.names)
    doc = prose.parse(text)
    doc.masked = prose.sentence_case_titles(mark_names(doc.masked, roster))
    if doc.suppressed_file is not None and ("" in doc.suppressed_file or not doc.suppressed_file):
        return []
    file_ignored = doc.suppressed_file or frozenset()
    findings: list[Finding] = []
    framed: list[Finding] = []
    scope = _TriggerScope(doc)
    for index, compiled in _enabled_checks(
        tuple(config.select), tuple(config.ignore), file_ignored
    ):
        spans = scope.spans_of(index, compiled) if _use_triggers else scope.all_sentences()
        if not spans:  # none of its trigger words: most checks, in most documents
            continue
        found = _run_rule(
            compiled, doc, spans, context, config, scope if _memo is not None else None, index
        )
        (findings if compiled.frame is None else framed).extend(found)
    return _dedupe(_specific_first(findings, framed))


@lru_cache(maxsize=64)
def _enabled_checks(
    select: tuple[str, ...], ignore: tuple[str, ...], file_ignored: frozenset[str]
) -> tuple[tuple[int, CompiledRule], ...]:
    """The checks (with their index in `compiled_rules()`) that a config and a file's
    `unblame-ignore-file` codes leave on; the same for every document of a run."""
    config = Config(select=select, ignore=ignore)
    return tuple(
        (index, compiled)
        for index, compiled in enumerate(compiled_rules())
        if not any(compiled.rule.code.startswith(c) for c in file_ignored)
        and config.is_enabled(compiled.rule.code)
    )


def _specific_first(findings: list[Finding], framed: list[Finding]) -> list[Finding]:
    """Pattern findings, and frame findings where no pattern of their category matched.

    A pattern names one phrasing and carries the message written for it; a
    frame covers a whole family more broadly, so where both see the same words
    the pattern's finding is the one reported.
    """
    taken = {kind: _Spans(f for f in findings if f.category is kind) for kind in Category}
    findings.extend(f for f in framed if not taken[f.category].overlaps(f.start, f.end))
    return sorted(findings, key=lambda f: (f.start, f.rule))


class _Spans:
    """Spans of findings, asked whether any overlaps a range, in O(log n) per question.

    A long document can hold thousands of findings of each kind; comparing
    every frame finding with every pattern finding grew with their product.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        spans = sorted((f.start, f.end) for f in findings)
        self.starts = [start for start, _ in spans]
        # The furthest end among the first k spans, so "does any span that
        # starts before `end` reach past `start`" is one lookup.
        self.reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


@lru_cache(maxsize=1)
def _trigger_index() -> tuple[re.Pattern[str], tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The pattern of the trigger words that start with a letter, the other trigger
    words, and for each trigger the triggers that are its prefixes."""
    lettered, others, prefixes = _trigger_words()
    # One trie finds the words that start with a letter; `re` skips at C speed
    # the characters none starts with. The few that start with a space, a quote
    # or "?" would stop it at every space, so `str.find` looks for those.
    # The scan searches again from the position after each hit, so a trigger
    # that begins inside another one's match is not skipped.
    regex = regex_cache.compile(f"({trie_pattern(lettered)})")
    _trie_from_now_on()
    return regex, others, prefixes


@lru_cache(maxsize=1)
def _trigger_words() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The trigger words that start with a letter, the others, and for each trigger
    the triggers that are its prefixes (nothing compiled)."""
    words = sorted({w for rule in RULES for w in rule.all_triggers})
    lettered = tuple(w for w in words if w[0].isalpha())
    others = tuple(w for w in words if not w[0].isalpha())
    # A word's prefixes that are trigger words too, shortest first (as sorted):
    # looked up by length, since comparing every pair took 0.2 s a process.
    known = set(words)
    prefixes = {w: tuple(w[:k] for k in range(1, len(w) + 1) if w[:k] in known) for w in words}
    return lettered, others, prefixes


# A process that has read little text finds even the trigger words that start
# with a letter by `str.find`, word by word, rather than compile the trie of
# them (about 15 ms without the pattern cache; linting one small file takes
# less than that all told). Both find every trigger at every place: each
# trigger that starts at a place is a prefix of the longest one there, which
# is what the trie matches. Past _FIND_LIMIT characters in all, the trie.
_FIND_LIMIT = 16_000
_found_by_find = 0


def _by_find(length: int) -> bool:
    """Whether a text of `length` characters is scanned word by word (see above)."""
    global _found_by_find
    if _found_by_find + length > _FIND_LIMIT:
        return False
    _found_by_find += length
    return True


def _trie_from_now_on() -> None:
    global _found_by_find
    _found_by_find = _FIND_LIMIT + 1


class _TriggerScope:
    """Which sentences of a document contain each check's trigger words, found in one pass.

    A sentence here ends at `.`, `!` or `?` before white space, or at a line
    break (which in the masked text only separates blocks), so a scan window
    never leaves its block.
    """

    def __init__(self, doc: prose.Document) -> None:
        self.masked = masked = doc.masked
        # Sentence ends for the whole text in one C-speed pass; each trigger
        # hit then finds its sentence (by number) by bisection.
        self.bounds = [
            0,
            *(m.end() for m in SCAN_BREAK_RE.regex.finditer(masked)),
            len(masked),
        ]
        self.sentences: dict[str, set[int]] = {}
        lowered = masked.lower()
        lettered, others, prefixes = _trigger_words()
        if _by_find(len(lowered)):
            self._find_each(lowered, lettered)
        else:
            self._find_lettered(lowered, _trigger_index()[0], prefixes)
        self._find_each(lowered, others)
        self._by_check: dict[int, set[int]] | None = None
        self._keys: dict[int, tuple[str, int]] = {}

    def _find_lettered(
        self, lowered: str, regex: re.Pattern[str], prefixes: dict[str, tuple[str, ...]]
    ) -> None:
        """Each hit of the trie is the longest trigger starting there; its prefixes
        that are triggers start there too."""
        bounds, found = self.bounds, self.sentences
        k = 0
        search = regex.search
        m = search(lowered)
        while m is not None:
            pos = m.start()
            if not bounds[k] <= pos < bounds[k + 1]:
                k = bisect_right(bounds, pos) - 1
            for word in prefixes[m.group(1)]:
                hits = found.get(word)
                if hits is None:
                    found[word] = {k}
                else:
                    hits.add(k)
            m = search(lowered, pos + 1)

    def _find_each(self, lowered: str, others: tuple[str, ...]) -> None:
        """Every place of each of `others`, one `str.find` after another."""
        bounds, found = self.bounds, self.sentences
        for word in others:
            pos = lowered.find(word)
            while pos >= 0:
                found.setdefault(word, set()).add(bisect_right(bounds, pos) - 1)
                pos = lowered.find(word, pos + 1)

    def window_key(self, lo: int, hi: int) -> tuple[str, int]:
        """What the matches in `masked[lo:hi]` depend on: its text, the _CONTEXT
        characters before it and where the window starts among them."""
        key = self._keys.get(lo)
        if key is None:
            start = max(0, lo - _CONTEXT)
            key = self._keys[lo] = (self.masked[start:hi], lo - start)
        return key

    def all_sentences(self) -> list[tuple[int, int]]:
        """Every sentence window: what the rules would scan with no trigger words at all."""
        bounds = self.bounds
        return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]

    def spans(self, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
        """Spans to scan, in document order; every sentence when there are no triggers."""
        if not triggers:
            return self.all_sentences()
        chosen: set[int] = set()
        for word in triggers:
            hits = self.sentences.get(word)
            if hits:
                chosen |= hits
        return self._windows(chosen)

    def spans_of(self, index: int, compiled: CompiledRule) -> list[tuple[int, int]]:
        """`spans(compiled.triggers)` for the check at `index` of `compiled_rules()`.

        Gathered from the words the document holds rather than from each check's
        list: a document holds few of the 650 trigger words.
        """
        if not compiled.triggers:
            return self.all_sentences()
        if self._by_check is None:
            by_check: dict[int, set[int]] = {}
            self._by_check = by_check
            checks_of = _checks_of_word()
            for word, hits in self.sentences.items():
                for i in checks_of.get(word, ()):
                    chosen = by_check.get(i)
                    if chosen is None:
                        by_check[i] = set(hits)
                    else:
                        chosen |= hits
        chosen = self._by_check.get(index)
        if chosen and compiled.line_wide:
            chosen = self._line_mates(chosen)
        return self._windows(chosen) if chosen else []

    def _line_mates(self, numbers: set[int]) -> set[int]:
        """`numbers` and every other sentence of their lines, where a line is short
        enough to be a chat message (`clause.line_of`)."""
        bounds, masked, mates = self.bounds, self.masked, set(numbers)
        for k in numbers:
            start, end = line_of(masked, bounds[k], bounds[k + 1])
            if end - start > CHAT_LINE_LIMIT:
                continue
            before = k - 1
            while before >= 0 and bounds[before] >= start:
                mates.add(before)
                before -= 1
            after = k + 1
            while after < len(bounds) - 1 and bounds[after + 1] <= end + 1:
                mates.add(after)
                after += 1
        return mates

    def line_key(self, lo: int, hi: int) -> tuple[str, int]:
        """What a line-wide check's matches in `masked[lo:hi]` depend on: the
        sentence's line, and where the sentence starts in it."""
        start, end = line_of(self.masked, lo, hi)
        if end - start > CHAT_LINE_LIMIT:
            return self.window_key(lo, hi)  # prose: the sentence is read alone
        start = min(start, max(0, lo - _CONTEXT))
        return self.masked[start : max(end, hi)] + f"\x00{hi - start}", lo - start

    def _windows(self, numbers: Iterable[int]) -> list[tuple[int, int]]:
        bounds = self.bounds
        return [(bounds[k], bounds[k + 1]) for k in sorted(numbers)]


@lru_cache(maxsize=1)
def _checks_of_word() -> dict[str, tuple[int, ...]]:
    """For each trigger word, the checks (by index in `compiled_rules()`) it triggers."""
    checks: dict[str, list[int]] = {}
    for i, compiled in enumerate(compiled_rules()):
        for word in compiled.triggers:
            checks.setdefault(word, []).append(i)
    return {word: tuple(indices) for word, indices in checks.items()}


# Tests switch this off to prove that triggers never change the findings: the
# reference scans every sentence window, the fast path only those with a
# trigger word of the check.
_use_triggers = True


def _run_rule(
    compiled: CompiledRule,
    doc: prose.Document,
    spans: Iterable[tuple[int, int]],
    context: str,
    config: Config,
    scope: _TriggerScope | None = None,
    index: int = -1,
) -> Iterator[Finding]:
    regex, masked, frame = compiled.regex, doc.masked, compiled.frame
    for lo, hi in spans:
        if scope is not None:
            key = scope.line_key(lo, hi) if compiled.line_wide else scope.window_key(lo, hi)
            found = _remembered_matches(compiled, index, key, masked, lo, hi)
            if found:
                yield from _run_rule_in(compiled, doc, lo, hi, context, config, found)
            continue
        # Most windows hold no match: one search settles that before any of
        # the per-match work is set up (for a frame, its cue's precheck, which
        # cues.find_in would ask first).
        if regex is not None and not compiled.any_match(masked, lo, hi):
            continue
        if frame is not None and not cues.may_carry(masked, lo, hi, frame.cue):
            continue
        yield from _run_rule_in(compiled, doc, lo, hi, context, config)


# The matches of a check in a sentence window, by the window's text: text
# being edited is analysed again whole at every change, and most of its
# sentences have not changed. A match depends only on the window and on the
# characters just before it that a look-behind or a word boundary reads
# (`regex.search` with an end position sees nothing after the window, and the
# sentence model reads the window alone), so the key holds _CONTEXT characters
# before the window; a test checks that no pattern looks further back. What is
# done with a match (its block, quotation, negation, `unless`) reads the whole
# document and is done afresh.
_CONTEXT = 64
_MEMO_LIMIT = 100_000
_Matches = tuple[tuple[int, int, int, int], ...]
_memo: dict[tuple[int, tuple[str, int]], _Matches] | None = {}


def remember_windows(on: bool) -> None:
    """Keep each check's matches by sentence text (the default), or not.

    `unblame lint` turns it off: the files of a folder share few sentences,
    and a memo that rarely helps is only memory.
    """
    global _memo
    _memo = {} if on else None


def _remembered_matches(
    compiled: CompiledRule, index: int, key: tuple[str, int], masked: str, lo: int, hi: int
) -> Iterable[tuple[int, int, int, int]]:
    """`_matches` in the window, from the memo when its text was seen before."""
    assert _memo is not None
    memo_key = (index, key)
    found = _memo.get(memo_key)
    if found is None:
        if compiled.regex is not None and not compiled.any_match(masked, lo, hi):
            found = ()
        else:
            matches = _matches(compiled, masked, lo, hi)
            found = tuple((a - lo, b - lo, c - lo, d - lo) for a, b, c, d in matches)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[memo_key] = found
    return [(a + lo, b + lo, c + lo, d + lo) for a, b, c, d in found]


def _matches(
    compiled: CompiledRule, masked: str, lo: int, hi: int
) -> Iterator[tuple[int, int, int, int]]:
    """(span start, span end, match start, match end) of each hit in the window."""
    if compiled.frame is not None:
        frame = compiled.frame
        for start, end in cues.find_in(masked, lo, hi, frame.agents, frame.cue):
            yield start, end, start, end
        return
    assert compiled.regex is not None
    for match in compiled.regex.finditer(masked, lo, hi):
        start, end = match.span("span") if "span" in match.re.groupindex else match.span()
        if start < 0 or start == end:
            start, end = match.span()
        yield start, end, match.start(), match.end()


def _run_rule_in(
    compiled: CompiledRule,
    doc: prose.Document,
    lo: int,
    hi: int,
    context: str,
    config: Config,
    found: Iterable[tuple[int, int, int, int]] | None = None,
) -> Iterator[Finding]:
    rule, masked = compiled.rule, doc.masked
    matches = _matches(compiled, masked, lo, hi) if found is None else found
    for start, end, m_start, m_end in matches:
        block = doc.block_at(start)
        if block is None or not _allowed(rule, block, context, config):
            continue
        if rule.about_writer and mentioned(masked, start, end, longest=QUOTE_REACH):
            # "I clicked the button in the wrong window", quoted as an example: the first
            # person is whoever is quoted, not the writer.
            continue
        if (
            mentioned(masked, start, end)
            or (compiled.frame is not None and quoted_remedy(rule, masked, end))
        ) and (
            not given_as_cause(masked, start, end)
            and not (rule.category is Category.BLAME_OTHER and applied_to_person(masked, end))
        ):
            continue
        s_lo, s_hi = sentence_bounds(masked, m_start, m_end, lo, hi)
        if rule.negatable and negated(masked, s_lo, m_start):
            continue
        if rule.category is not Category.COUNTERFACTUAL and supposed(masked, s_lo, start, end):
            continue
        if they_are_things(masked, s_lo, start, end):
            continue
        if rule.category in ABOUT_OTHERS and people_in_general(masked, s_lo, s_hi, start):
            continue
        if compiled.unless is not None and compiled.unless.search(masked, s_lo, s_hi):
            continue
        line, column = doc.line_col(start)
        yield Finding(
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=_severity(rule, context, config),
            start=start,
            end=end,
            line=line,
            column=column,
            message=rule.message,
            suggestion=rule.suggestion,
            about_writer=rule.about_writer,
        )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that overlaps an earlier one of the same category."""
    kept: list[Finding] = []
    last_end: dict[Category, int] = {}
    for f in findings:
        if f.start < last_end.get(f.category, -1):
            continue
        kept.append(f)
        last_end[f.category] = f.end
    return kept
