"""The analyzer beside the writer: findings on review text, marked and explained.

Pure functions over text, findings and acknowledgements; the models choose
which text to analyse and which acknowledgements apply. Rule details come
from the same rule objects the CLI prints, so the editor never words a rule
differently from `unblame rules`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from unblame.language import Category, Finding, analyze, get_rule
from unblame.language.rule import Rule

# ACTION_KEYS: section keys whose text is a list of remedies; the analyzer reads
# them as action items, where "be more careful" and "retrain" are what it looks for.
# The readiness check matches acknowledgements the same way the editor does.
from unblame.reviews.readiness import (  # noqa: F401 (re-exported for the models and forms)
    ACTION_KEYS,
    QUOTE_LENGTH,
    ack_key,
    context_for,
    matching_acknowledgement,
    quote_of,
)

CATEGORIES: tuple[Category, ...] = tuple(Category)

KIND_REMINDER = (
    "A review looks for the gaps in the system that made this possible, not for someone "
    "to blame, and that includes you."
)

# What the editor offers when no rule gives a frame of its own.
DEFAULT_FRAME = (
    "I [what I did], because I was seeing [...]. With what I knew then, it made sense "
    "because [...]."
)


def kind_rewrite(code: str) -> str:
    """The rule's frame for writing about one's own part (Rule.rewrite), or a general one."""
    return get_rule(code).rewrite or DEFAULT_FRAME


@dataclass(frozen=True)
class Annotated:
    """One finding, its words, its rule, and the acknowledgement that covers it, if any."""

    index: int
    finding: Finding
    quote: str
    rule: Rule
    acknowledgement: Any = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledgement is not None

    @property
    def is_self_blame(self) -> bool:
        # The writer speaking of themself, whatever the category: "I should
        # have…" is a counterfactual and still gets the kind rewrite.
        return self.finding.about_writer

    @property
    def rewrite(self) -> str:
        return kind_rewrite(self.finding.rule) if self.is_self_blame else ""

    def to_dict(self) -> dict[str, Any]:
        data = self.finding.to_dict()
        data.update(
            quote=self.quote,
            rationale=self.rule.rationale,
            acknowledged=self.acknowledged,
            acknowledgement=self.acknowledgement.reason if self.acknowledged else "",
        )
        return data


def annotate(
    text: str,
    *,
    key: str = "",
    names: Iterable[str] = (),
    acknowledgements: Iterable[Any] = (),
    context: str | None = None,
) -> list[Annotated]:
    """Analyse text as the section `key` and pair each finding with its acknowledgement.

    An acknowledgement covers its rule and words on the line it was given on
    (readiness.matching_acknowledgement), so a changed line is checked again.
    """
    acks = list(acknowledgements)
    findings = analyze(text, names=names, context=context or context_for(key))
    result = []
    for index, finding in enumerate(findings):
        ack = matching_acknowledgement(text, finding, acks)
        result.append(
            Annotated(index, finding, quote_of(text, finding), get_rule(finding.rule), ack)
        )
    return result


def marked_html(text: str, annotated: Sequence[Annotated]) -> SafeString:
    """The text, escaped, with each finding's words in a <mark> that names the rule.

    Where findings overlap the first one is marked and every one is listed.
    """
    pieces: list[str] = []
    position = 0
    for item in sorted(annotated, key=lambda a: (a.finding.start, a.index)):
        start, end = item.finding.start, item.finding.end
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        state = "acknowledged" if item.acknowledged else item.finding.severity.value
        pieces.append(
            format_html(
                '<mark id="mark-{}" class="finding finding-{}" title="{}: {}">{}</mark>',
                item.index,
                state,
                item.rule.name,
                item.finding.message,
                text[start:end],
            )
        )
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped above


def count_by_category(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per category slug, every category present, in the analyzer's order."""
    counts = Counter(finding.category.value for finding in findings)
    return {category.value: counts.get(category.value, 0) for category in CATEGORIES}


def blame_total(counts: dict[str, int]) -> int:
    return sum(n for slug, n in counts.items() if Category(slug).is_blame)
