"""Run the rule registry over a text and return findings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import prose
from .config import Config
from .finding import Category, Finding, Severity
from .lexicon import SLOTS, person_pattern
from .registry import RULES
from .rule import Rule

CONTEXTS = ("document", "action_item", "chat")
SENTENCE_END_RE = re.compile(r"[.!?;](?=[\s\"')\]]|$)|\n|\s[-–—]\s|:\s")
# Negation just before a match: "not Dana's fault", "we decided not to blame".
NEGATION_RE = re.compile(
    r"(?:\b(?:not|never|no|nobody|neither|nor|without|hardly)|n't|n’t)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_LOOKBACK = 400


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None
    requires: re.Pattern[str] | None


def expand(pattern: str, names: tuple[str, ...]) -> str:
    """Fill the lexicon slots ({PERSON}, {SELF}, …) of a rule pattern."""
    slots = {**SLOTS, "PERSON": person_pattern(names)}
    out = pattern
    for key, value in slots.items():
        out = out.replace("{" + key + "}", value)
    return out


@lru_cache(maxsize=64)
def compiled_rules(names: tuple[str, ...] = ()) -> tuple[CompiledRule, ...]:
    """Compile every rule once per roster of names; cached, so calls stay cheap."""
    flags = re.IGNORECASE | re.VERBOSE
    result = []
    for rule in RULES:
        regex = re.compile(expand(rule.pattern, names), flags)
        unless = re.compile(expand(rule.unless, names), flags) if rule.unless else None
        requires = re.compile(expand(rule.requires, names), flags) if rule.requires else None
        result.append(CompiledRule(rule, regex, unless, requires))
    return tuple(result)


def sentence_bounds(masked: str, start: int, end: int) -> tuple[int, int]:
    """The clause-ish sentence around a match, never crossing a block boundary."""
    lo_window = max(0, start - _LOOKBACK)
    lo = lo_window
    for m in SENTENCE_END_RE.finditer(masked, lo_window, start):
        lo = m.end()
    hi_match = SENTENCE_END_RE.search(masked, end, end + _LOOKBACK)
    hi = hi_match.start() + 1 if hi_match else min(len(masked), end + _LOOKBACK)
    return lo, hi


def _negated(masked: str, sentence_start: int, start: int) -> bool:
    return NEGATION_RE.search(masked, sentence_start, start) is not None


def _allowed(rule: Rule, block: prose.Block, context: str, config: Config) -> bool:
    if not config.is_enabled(rule.code):
        return False
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
    # Self-blame in live chat gets a private, gentle note, never a loud flag.
    if context == "chat" and rule.category is Category.SELF_BLAME:
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
    roster = tuple(sorted({*config.names, *names}))
    doc = prose.parse(text)
    if doc.suppressed_file is not None and ("" in doc.suppressed_file or not doc.suppressed_file):
        return []
    file_ignored = doc.suppressed_file or frozenset()
    findings: list[Finding] = []
    for compiled in compiled_rules(roster):
        rule = compiled.rule
        if any(rule.code.startswith(c) for c in file_ignored):
            continue
        findings.extend(_run_rule(compiled, doc, context, config))
    return _dedupe(sorted(findings, key=lambda f: (f.start, f.rule)))


def _run_rule(compiled: CompiledRule, doc: prose.Document, context: str, config: Config):
    rule, masked = compiled.rule, doc.masked
    for match in compiled.regex.finditer(masked):
        start, end = match.span("span") if "span" in match.re.groupindex else match.span()
        if start < 0 or start == end:
            start, end = match.span()
        block = doc.block_at(start)
        if block is None or not _allowed(rule, block, context, config):
            continue
        lo, hi = sentence_bounds(masked, match.start(), match.end())
        if rule.negatable and _negated(masked, lo, match.start()):
            continue
        if compiled.unless is not None and compiled.unless.search(masked, lo, hi):
            continue
        if compiled.requires is not None and not compiled.requires.search(masked, lo, hi):
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
