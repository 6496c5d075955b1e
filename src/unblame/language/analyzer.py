"""Run the rule registry over a text and return findings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache

from . import cues, prose, regex_cache, regex_split
from .agents import GENERIC, SYSTEM
from .clause import CHAT_LINE_LIMIT, _Lazy, line_of, read
from .clause_subject import _CLAUSE_WORDS, _OPENERS
from .config import Config
from .finding import Category, Finding, Severity
from .lexicon import (
    NAME_MARK,
    PEOPLE_PLURALS,
    ROLE_NOUNS,
    SLOTS,
    mark_names,
    other_pattern,
    person_pattern,
)
from .names import Roster, as_roster
from .registry import RULES, get_rule
from .rule import Check, Frame, Rule
from .trie import trie_pattern
from .verb_words import past_form

CONTEXTS = ("document", "action_item", "chat")
# Module-level patterns are `_Lazy`: compiled on first use, through the pattern
# cache, which `unblame lint` opens only after importing this module.
# Negation just before a match: "not Dana's fault", "we decided not to blame".
NEGATION_RE = _Lazy(
    # "make no mistake" and "no doubt" assert what follows rather than deny it.
    r"(?:\b(?:not(?!\s+(?:gonna|going\s+to)\s+lie)|never|no(?!\s+(?:mistake|doubt|question)\b)|none(?:\s+of\s+(?:which|them|these|those|it))?|nobody|neither|nor|without|hardly)|n't(?!\s+(?:believe|know))|n’t(?!\s+(?:believe|know)))\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
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
    # this module's sentence-end, negation and quotation patterns are its own.
    for lazy in [*cues.PRECHECKS.values(), *globals().values()]:
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


_OPEN_QUOTES = "'\"‘“"
_CLOSE_QUOTES = "'\"’”"
_CLOSE_ONLY = "’”"
_BOTH_WAYS = "'\""
_QUOTE_REACH = 60
_MENTION_LENGTH = 40


def _mentioned(masked: str, start: int, end: int, longest: int | None = None) -> bool:
    """True when the span sits inside a short quotation: a term talked about, not used.

    "'human error'" and "a 'Root cause: human error' dropdown" both mention
    the label; a long quoted lesson ("'never ignore any errors in staging,
    they will bite you'") is still advice. An apostrophe inside a word
    ("don't") is not a quotation mark.
    """
    lo = max(0, start - _QUOTE_REACH)
    opening = -1
    for i in range(start - 1, lo - 1, -1):
        ch = masked[i]
        if ch in _CLOSE_ONLY or (ch in _BOTH_WAYS and i + 1 < start and _is_closing(masked, i)):
            return False
        if ch in _OPEN_QUOTES and (i == 0 or not masked[i - 1].isalnum()):
            opening = i
            break
        if ch == "\n":
            return False
    if opening < 0 or _quoted_predicate(masked, opening):
        return False
    hi = min(len(masked), end + _QUOTE_REACH)
    for i in range(end, hi):
        ch = masked[i]
        if ch in _CLOSE_QUOTES and (i + 1 == len(masked) or not masked[i + 1].isalnum()):
            # A short quote names a term; a long one states something, so it counts,
            # and so does a short one that someone said ("'Bertrand wrecked the
            # release,' said the head of support").
            limit = _MENTION_LENGTH if longest is None else longest
            return i - opening <= limit and not _spoken(masked, opening, i + 1)
        if ch == "\n":
            return False
    return False


_FIRST_WORD_RE = _Lazy(r"\s*([a-z]+)\b", re.IGNORECASE)
# Words before a quotation that make a quoted past form a label: "the so-called 'fixed'
# build", "what they called 'rushed'".
_LABEL_BEFORE_RE = _Lazy(
    r"\b(?:so[-\s]called|called|calls|labell?ed|termed|dubbed|word|words|the|a|an|as)\W*$",
    re.IGNORECASE,
)


def _quoted_predicate(masked: str, opening: int) -> bool:
    """A quotation that opens with a past form is what someone did, told in scare quotes
    ("how one employee 'pushed the wrong button' and caused a panic"): a predicate in
    use, not a term talked about."""
    word = _FIRST_WORD_RE.match(masked, opening + 1)
    if word is None or not past_form(word.group(1).lower()):
        return False
    return _LABEL_BEFORE_RE.search(masked, max(0, opening - 20), opening) is None


# A verb of saying just after a quotation, or a speaker and a colon or a verb of
# saying just before it: the quotation is speech, not a term talked about.
_SAID_AFTER_RE = _Lazy(
    r"\W{0,3}\s*(?:[\w@'’-]+\s+){0,3}?(?:said|says|told|wrote|writes|added|replied|put\s+it)\b",
    re.IGNORECASE,
)
_SAID_BEFORE_RE = _Lazy(
    r"\b(?:said|says|told|wrote|writes|replied|put\s+it\s+(?:best|well|plainly|bluntly))(?:\s+[\w@'’-]+){0,4}?"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)


# The writer takes the quoted words for their own: "… and I agree", "and she is right",
# "nobody here disagrees", "put it best".
_ENDORSED_RE = _Lazy(
    r"\b(?:(?:i|we)\s+(?:fully\s+|completely\s+)?agree|(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)"
    r"\s+(?:absolutely\s+|quite\s+)?right|(?:nobody|no\s+one)\s+(?:here\s+)?(?:disagrees|would\s+disagree)"
    r"|put\s+it\s+(?:best|well|plainly|bluntly)|(?:our|my)\s+own\s+(?:report|review|findings?)\s+agrees?)\b",
    re.IGNORECASE,
)


def _spoken(masked: str, opening: int, after: int) -> bool:
    """True when the quotation from `opening` to `after` is what someone said and the
    writer takes for their own; quoted speech left as reported stays a quotation."""
    lo, hi = max(0, opening - 60), min(len(masked), after + 80)
    if _ENDORSED_RE.search(masked, lo, hi) is None:
        return False
    if _SAID_AFTER_RE.match(masked, after, min(len(masked), after + 30)):
        return True
    return _SAID_BEFORE_RE.search(masked, max(0, opening - 40), opening) is not None


# A quoted label right after a causal word is the writer's own claim in scare
# quotes ('blamed "human error"', 'due to an "embarrassing human error"').
_CAUSE_BEFORE_QUOTE_RE = _Lazy(
    r"\b(?:due\s+to|caused\s+by|because\s+of|blamed(?:\s+it)?(?:\s+(?:[\w-]+\s+){0,4}?on)?|attributed\s+to"
    r"|result\s+of|traced\s+to|down\s+to|cause\s+(?:was|is)"
    # "The cause, according to the company, was 'human error'", "it was a 'simple human error'".
    r"|cause\b[^.!?\n]{0,100}?\b(?:was|is)|(?:it|this|that)\s+(?:was|is)"
    # The event named as the thing the quote is: "the failure was an 'embarrassing human error'".
    r"|\bthe\s+(?:[\w-]+\s+)?(?:failure|outage|incident|crash|blackout|disruption|breach|glitch|mishap"
    r"|problem|fault)\s+(?:was|is))"
    r"\s+(?:an?\s+|the\s+)?(?:[\"“‘']\s*)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# … or a verb of causing right after the closing quote: "'Human error' led to the breach".
_CAUSE_AFTER_QUOTE_RE = _Lazy(
    r"[\w\s]{0,3}[\"”’']\s+(?:(?:\w+ly|yesterday|today|again|then|also|apparently|on\s+\w+day"
    r"|last\s+\w+)\s+){0,2}(?:led\s+to|resulted\s+in|caused|triggered|took|brought|knocked"
    r"|was\s+(?:to\s+blame|the\s+(?:root\s+)?cause))\b",
    re.IGNORECASE,
)


def _given_as_cause(masked: str, start: int, end: int) -> bool:
    # The reach covers the pattern's own: "The cause of this morning's blackout, lasting
    # over an hour, was a 'simple human error'" puts 60 characters between the two.
    if _CAUSE_BEFORE_QUOTE_RE.search(masked, max(0, start - 160), start) is not None:
        return True
    return _CAUSE_AFTER_QUOTE_RE.match(masked, end, min(len(masked), end + 60)) is not None


# A scare-quoted word right before a person is an epithet pinned on them
# ("'idiot' contractor", "the \"genius\" admin"), not a term talked about.
_EPITHET_RE = _Lazy(
    # An organisation's name may stand between: "'idiot' Acme engineer".
    rf"[\"”’']\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:{ROLE_NOUNS}|{NAME_MARK}|@)",
    re.IGNORECASE,
)


def _applied_to_person(masked: str, end: int) -> bool:
    return _EPITHET_RE.match(masked, end) is not None


def _is_closing(masked: str, i: int) -> bool:
    return masked[i - 1].isalnum() and (i + 1 >= len(masked) or not masked[i + 1].isalnum())


# A negation reaches every item of the list it opens: "the solution is not to scold
# users, ask them to try harder, or give them more training" rejects all three.
_NEGATED_LIST_RE = _Lazy(
    r"(?:\b(?:is|are|was|were)\s+not|\b(?:isn|aren|wasn|weren)['’]t)\s+(?:to|by|about)\b"
    # The items after the comma have no verb of their own ("…, and everyone should …").
    r"[^.;:!?]{0,120}?(?:,\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|nor)\s+)"
    r"(?:(?!(?:should|must|will|would|can|need|needs|has|have|is|are|was|were)\b)\w+\W+){0,3}$",
    re.IGNORECASE,
)


# "It's not that people became careless, …", "not because the on-call was slow": the
# claim is denied whole, up to a "but" or "it's" that says what is so instead.
_DENIED_CLAIM_RE = _Lazy(
    r"(?:\b(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+not|\b(?:it|this|that)\s+(?:isn|wasn)['’]t"
    r"|(?:^|[,;:(—–]\s*)not)\s+(?:just\s+|simply\s+|only\s+)?(?:that|because)\b"
    r"(?:(?!\bbut\b|\bit['’]s\b|\bit\s+(?:is|was)\b|\brather\b)[^.;:!?])*$"
    # Rumours denied: "Wright denied rumours of a botched upgrade".
    r"|\b(?:denied|denies|denying|dismissed|rejected|refuted)\s+(?:the\s+|any\s+)?(?:rumou?rs?|reports?|claims?"
    r"|allegations?|suggestions?|speculation)(?:\s+(?:of|that)\b[^.;:!?]*)?\s*$",
    re.IGNORECASE,
)


def _negated(masked: str, sentence_start: int, start: int) -> bool:
    if NEGATION_RE.search(masked, sentence_start, start) is not None:
        return True
    lookback = max(sentence_start, start - 200)
    if _NEGATED_LIST_RE.search(masked, lookback, start) is not None:
        return True
    return _DENIED_CLAIM_RE.search(masked, lookback, start) is not None


# A condition still open where a match starts ("if the intern deletes the database,
# …", "even if being a bit more careful", "my apologies if it caused any issues"):
# what it says is supposed, not told. A condition in the past perfect ("if Dana had
# checked …") tells what happened and is hindsight, so it is not one of these.
_CONDITION_RE = _Lazy(
    r"\b(?:if|unless|whether|in\s+case|supposing|suppose)\b(?!\s+(?:only|so|not|any)\b)"
    # Concessive: "irrespective of who broke it, the name-calling should go".
    r"|\b(?:regardless|irrespective)\s+of\b|\bno\s+matter\b",
    re.IGNORECASE,
)
_CONDITION_CLOSED_RE = _Lazy(r"[,;:()]|\bthen\b", re.IGNORECASE)
_PAST_PERFECT_RE = _Lazy(r"\b(?:had|hadn['’]t|['’]d)\b", re.IGNORECASE)


def _supposed(masked: str, sentence_start: int, start: int, end: int) -> bool:
    """True when `masked[start:end]` lies inside an open condition that is not hindsight."""
    opened = None
    for found in _CONDITION_RE.regex.finditer(masked, sentence_start, start):
        opened = found  # the last condition before the span
    if opened is None:
        return False
    # One scan to where the condition closes: the whole span must lie inside it ("If
    # anyone should be blamed, it's me" tells at the end).
    closing = _CONDITION_CLOSED_RE.search(masked, opened.end(), end + 200)
    if closing is not None and closing.start() < end:
        return False
    condition_end = closing.start() if closing else end
    if not opened.group(0).lower().startswith("if"):
        return True  # "whether anyone had been disciplined" asks; only "if … had" tells
    return _PAST_PERFECT_RE.search(masked, opened.end(), max(end, condition_end)) is None


# "When the nodes rebooted they failed to mount the volume": "they" opening a span points
# back at the subject of the nearest clause before it (a pronoun picks up the subject
# before any object: "the engineers rebooted the nodes and they failed to check" is the
# engineers). When that subject is plural things, the span judges nobody; after people,
# a singular subject or nothing at all, "they" stays people.
_THEY_OPENS_RE = _Lazy(r"\W*(?:(?:and|but|then|so)\s+)?(they)\b", re.IGNORECASE)


def _they_are_things(masked: str, sentence_start: int, start: int, end: int) -> bool:
    opened = _THEY_OPENS_RE.regex.match(masked, start, end)
    if opened is None or opened.start(1) <= sentence_start:
        return False
    for clause in reversed(read(masked, sentence_start, opened.start(1)).clauses):
        subject = [w.low for w in clause.words[: clause.predicate] if w.low not in _NOT_SUBJECT]
        if not subject:
            continue  # "… , but they …": no subject of its own, look further back
        head = subject[-1]
        plural = head.endswith("s") and not head.endswith(("ss", "'s", "’s", "us", "is"))
        return plural and head not in PEOPLE_PLURALS and clause.agent == SYSTEM
    return False


# What is said of people in general ("People forget steps under pressure", "Sometimes a
# developer accidentally saves the key …") tells how work goes: no one is judged.
_ABOUT_OTHERS = frozenset({Category.BLAME_OTHER, Category.COUNTERFACTUAL})


def _people_in_general(masked: str, sentence_start: int, sentence_end: int, start: int) -> bool:
    """Whether the clause the span starts in has people in general as its agent."""
    for clause in read(masked, sentence_start, sentence_end).clauses:
        if clause.words and clause.words[0].start <= start <= clause.words[-1].end:
            return clause.agent == GENERIC
    return False


# Words before a clause's verb that are not its subject.
_NOT_SUBJECT = _CLAUSE_WORDS | _OPENERS | {",", "and", "then"}


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
        if rule.about_writer and _mentioned(masked, start, end, longest=_QUOTE_REACH):
            # "I clicked the button in the wrong window", quoted as an example: the first
            # person is whoever is quoted, not the writer.
            continue
        if (
            _mentioned(masked, start, end)
            or (compiled.frame is not None and _quoted_remedy(rule, masked, end))
        ) and (
            not _given_as_cause(masked, start, end)
            and not (rule.category is Category.BLAME_OTHER and _applied_to_person(masked, end))
        ):
            continue
        s_lo, s_hi = sentence_bounds(masked, m_start, m_end, lo, hi)
        if rule.negatable and _negated(masked, s_lo, m_start):
            continue
        if rule.category is not Category.COUNTERFACTUAL and _supposed(masked, s_lo, start, end):
            continue
        if _they_are_things(masked, s_lo, start, end):
            continue
        if rule.category in _ABOUT_OTHERS and _people_in_general(masked, s_lo, s_hi, start):
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


def _quoted_remedy(rule: Rule, masked: str, end: int) -> bool:
    """Whether a remedy a frame found ends inside a short quotation: "if your
    answer is, 'don't do that', wrong answer" names the remedy, it does not ask it.

    A frame's span starts at its clause's agent, which an imperative takes from
    the clause before it, outside the quotation; its last word is the remedy's.
    """
    return rule.category is Category.TRY_HARDER and _mentioned(masked, end - 1, end)


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
