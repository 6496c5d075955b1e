"""Whether a review is ready to publish: one function over plain data, free of Django.

The web app describes what it would publish (review sections, contributing
factor descriptions, action item titles and descriptions; shared debrief
excerpts are found inside the sections) as a `Publication`, and so does
`unblame review check` from a Markdown file. `readiness()` reads that
description and returns the gaps, so the page, the publish button and the
command line cannot disagree.

What blocks: a required section left unwritten; a finding in a blame category
(`BLAME_CATEGORIES`) at warning or above, and any finding of severity error,
unless acknowledged with a reason of some substance on the same line of text;
"human error" or a single root cause presented as the cause (the docs have
always promised that one, though root cause is otherwise style advice); no
contributing factor; an action item linked to no factor; a fact drafted from
the incident record that the record now gives differently (refresh it or keep
the text); and, where the review's template asks for one, no approval from
someone other than its author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from unblame.language import BLAME_CATEGORIES, Category, Finding, Severity, analyze

# Sections a review is not published without, by key, and what each is for. A
# template without one of them does not ask for it.
REQUIRED_SECTIONS = {
    "summary": "Say what happened, to whom and for how long.",
    "impact": "Say who was affected and how (customers, colleagues, data).",
    "contributing_factors": "Tell how the recorded factors came together to make this possible.",
    "action_items": "Say how the action items close the gaps the factors name.",
}
# The impact draft lists what the record knows and ends on this, for the writer to answer.
IMPACT_QUESTION = "Who was affected, and how:"
# Section keys whose text is a list of remedies, read by the analyzer as action items.
ACTION_KEYS = frozenset({"action_items"})

CAUSE_CATEGORIES = {
    Category.HUMAN_ERROR: "Human error presented as the cause",
    Category.ROOT_CAUSE: "A single root cause presented as the cause",
}

# A reason of some substance: "ok" or "fine" says nobody read the finding.
MIN_REASON_CHARS = 20
MIN_REASON_WORDS = 4
REASON_RULE = (
    f"a reason of at least {MIN_REASON_CHARS} characters and {MIN_REASON_WORDS} words "
    "that says why the words stay (a quotation, a title, a term of art)"
)

# Debrief.share puts this line above what a responder shared from their debrief.
SHARED_RE = re.compile(r"^\*Shared by (.+?) from their debrief:\*[ \t]*$", re.MULTILINE)
_HEADING_RE = re.compile(r"^#{1,6}[ \t]", re.MULTILINE)
_WORD_RE = re.compile(r"\w+")


def context_for(key: str) -> str:
    """How the analyzer reads a section: remedies as action items, the rest as a document."""
    return "action_item" if key in ACTION_KEYS else "document"


class TextKind(StrEnum):
    SECTION = "section"
    FACTOR = "factor_description"
    ACTION_TITLE = "action_item_title"
    ACTION_DESCRIPTION = "action_item_description"
    SHARED_EXCERPT = "shared_debrief_excerpt"


@dataclass(frozen=True)
class Acknowledgement:
    """Someone read a finding and keeps the words, for a reason.

    `context` is the line the words were on when acknowledged; when that line
    changes the finding is checked again. Older acknowledgements without one
    match by rule and words alone.
    """

    rule: str
    quote: str
    reason: str
    author: str = ""
    context: str = ""


@dataclass(frozen=True)
class Text:
    """One piece of text that gets published, where it is, and where to fix it."""

    kind: TextKind
    label: str  # where it is, for people: "Timeline", "Contributing factor 2"
    body: str
    where: str  # a page URL on the web, a file path on the command line
    line: int = 0  # in a file, the line `body` starts on; 0 on the web
    target: str = ""  # what an acknowledgement names: a section key, or "factor:3:description"
    key: str = ""  # the section key, for sections
    prompt: str = ""  # the section's prompt, for sections
    acknowledgements: tuple[Acknowledgement, ...] = ()
    findings: tuple[Finding, ...] | None = None  # already analysed, to save doing it twice
    anchored: bool = False  # `where#finding-N` lands on the Nth finding (the section editor)

    @property
    def context(self) -> str:
        """How the analyzer reads it: remedies are read as action items."""
        if self.kind in (TextKind.ACTION_TITLE, TextKind.ACTION_DESCRIPTION):
            return "action_item"
        return context_for(self.key)


@dataclass(frozen=True)
class Place:
    label: str
    where: str
    line: int = 0


@dataclass(frozen=True)
class Publication:
    """Everything a review would publish, as plain data."""

    texts: tuple[Text, ...]
    factor_count: int
    unlinked_items: tuple[Place, ...]  # action items linked to no contributing factor
    factors: Place  # where contributing factors are added
    names: Iterable[str] = ()
    # How to acknowledge where this publication lives, with {target} and {rule} to fill
    # in; the web app's pages have a form beside each gap.
    acknowledge_how: str = "acknowledge it"
    # Set when publishing needs an approval from someone other than the author and
    # none counts yet: where to approve, and the author's name.
    approval_missing: Place | None = None
    # Facts drafted from the incident record that it now gives differently: each fact's
    # label and where to refresh it. Empty where there is no record (a file).
    stale_facts: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Gap:
    """One reason a review is not ready to publish, with where to fix it."""

    code: str
    message: str
    url: str  # a page URL, or a file path
    section: str = ""  # where it is, for people
    line: int = 0  # the file line, on the command line
    kind: str = ""
    target: str = ""
    rule: str = ""
    quote: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "where": self.section,
            "kind": self.kind,
            "line": self.line,
            "message": self.message,
            "rule": self.rule,
            "quote": self.quote,
        }


# -- The check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """A blocking finding cleared by an acknowledgement: listed for everyone reviewing."""

    where: str
    rule: str
    quote: str
    reason: str
    author: str


@dataclass(frozen=True)
class Result:
    gaps: list[Gap]
    kept: list[Kept]

    @property
    def ready(self) -> bool:
        return not self.gaps


def readiness(publication: Publication) -> list[Gap]:
    """What stands between the review and publication; an empty list means ready."""
    return check(publication).gaps


def check(publication: Publication) -> Result:
    """The gaps, and the blocking findings that acknowledgements cleared."""
    result = Result([], [])
    for text in publication.texts:
        if _is_required(text) and is_unwritten(text.body, text.prompt):
            result.gaps.append(_unwritten_gap(text))
        _check_findings(text, publication, result)
    result.gaps.extend(_factor_gaps(publication))
    if publication.approval_missing is not None:
        result.gaps.append(_approval_gap(publication.approval_missing))
    result.gaps.extend(_stale_gap(place) for place in publication.stale_facts)
    return result


def _stale_gap(place: Place) -> Gap:
    message = (
        f"{place.label} was drafted from the incident record, which has changed since. "
        "Refresh the fact from the record, or keep your text if you have updated it yourself."
    )
    return Gap("stale_fact", message, place.where, place.label, place.line)


def _approval_gap(place: Place) -> Gap:
    message = (
        f"Publishing needs an approval from someone other than the review's author "
        f"({place.label}), given since the review last changed. Ask a colleague to read "
        "it and approve it."
    )
    return Gap("needs_approval", message, place.where, "", place.line)


def _is_required(text: Text) -> bool:
    return text.kind is TextKind.SECTION and text.key in REQUIRED_SECTIONS


def is_unwritten(body: str, prompt: str) -> bool:
    """Empty, only the template's prompt, or the impact draft with its question unanswered."""
    flat = " ".join(body.split())
    if not flat or flat == " ".join(prompt.split()):
        return True
    return flat.endswith(IMPACT_QUESTION)


def blocks(finding: Finding) -> bool:
    """True for a finding that stops publication until rewritten or acknowledged."""
    if finding.category in CAUSE_CATEGORIES or finding.severity is Severity.ERROR:
        return True
    return finding.category in BLAME_CATEGORIES and finding.severity.rank >= Severity.WARNING.rank


def reason_problem(reason: str) -> str:
    """Why a reason is too flimsy to clear a finding, or "" when it will do."""
    words = _WORD_RE.findall(reason.casefold())
    letters = {char for char in reason.casefold() if char.isalnum()}
    # Repeated characters or one word over and over ("aaaa aaaa ...") say nothing.
    if len(reason.strip()) < MIN_REASON_CHARS or len(words) < MIN_REASON_WORDS:
        return f"Give {REASON_RULE}."
    if len(set(words)) < 3 or len(letters) < 5:
        return f"Give {REASON_RULE}, not the same characters or word repeated."
    return ""


def analysed(text: Text, names: Sequence[str] = ()) -> tuple[Finding, ...]:
    if text.findings is not None:
        return text.findings
    return tuple(analyze(text.body, names=names, context=text.context))


def _check_findings(text: Text, publication: Publication, result: Result) -> None:
    excerpts = shared_excerpts(text.body) if text.kind is TextKind.SECTION else []
    for index, finding in enumerate(analysed(text, publication.names)):
        if not blocks(finding):
            continue
        ack = matching_acknowledgement(text.body, finding, text.acknowledgements)
        if ack is not None and not reason_problem(ack.reason):
            quote = quote_of(text.body, finding)
            result.kept.append(Kept(text.label, finding.rule, quote, ack.reason, ack.author))
            continue
        how = publication.acknowledge_how.format(target=text.target, rule=finding.rule)
        result.gaps.append(_finding_gap(text, index, finding, ack, excerpts, how))


def _finding_gap(
    text: Text,
    index: int,
    finding: Finding,
    ack: Acknowledgement | None,
    excerpts: list[tuple[int, int, str]],
    how: str,
) -> Gap:
    quote = quote_of(text.body, finding)
    message = f"“{quote}”: {finding.message} {finding.suggestion}"
    code = "finding"
    if finding.category in CAUSE_CATEGORIES:
        code, message = "cause", f"{CAUSE_CATEGORIES[finding.category]}. {message}"
    elif finding.severity is Severity.ERROR:
        code = "error_finding"
    if ack is not None:
        message += f" It was acknowledged with “{ack.reason}”, which is too thin to clear it."
    message += f" Rewrite it, or {how} with {REASON_RULE}."
    kind, label = text.kind, text.label
    for start, end, author in excerpts:
        if start <= finding.start < end:
            kind, label = (
                TextKind.SHARED_EXCERPT,
                f"{text.label}, shared by {author} from a debrief",
            )
    url = f"{text.where}#finding-{index}" if text.anchored else text.where
    line = text.line + finding.line - 1 if text.line else 0
    rule = finding.rule
    return Gap(code, message, url, label, line, kind.value, text.target, rule, quote)


def _unwritten_gap(text: Text) -> Gap:
    message = f"Not written yet. {REQUIRED_SECTIONS[text.key]}"
    kind = TextKind.SECTION.value
    return Gap("unwritten_section", message, text.where, text.label, text.line, kind, text.target)


def _factor_gaps(publication: Publication) -> list[Gap]:
    gaps = []
    if publication.factor_count == 0:
        where = publication.factors
        message = (
            "No contributing factor is recorded. Name at least one condition that had to be "
            "true for this to happen."
        )
        gaps.append(Gap("no_factors", message, where.where, "", where.line))
    for item in publication.unlinked_items:
        message = (
            f"The action item “{item.label}” is not linked to a contributing factor, so "
            "nobody can tell which gap it closes."
        )
        gaps.append(Gap("unlinked_action", message, item.where, "", item.line))
    return gaps


# -- Acknowledgements and excerpts ---------------------------------------------------------

QUOTE_LENGTH = 300


def quote_of(body: str, finding: Finding) -> str:
    return body[finding.start : finding.end][:QUOTE_LENGTH]


def ack_key(rule: str, quote: str) -> tuple[str, str]:
    """Acknowledgements match by rule and words, whatever the spacing and case."""
    return rule.upper(), " ".join(quote.split()).casefold()


def line_around(body: str, finding: Finding) -> str:
    """The line the finding's words are on, spaces collapsed: what an acknowledgement keeps."""
    start = body.rfind("\n", 0, finding.start) + 1
    end = body.find("\n", finding.end)
    return " ".join(body[start : end if end != -1 else len(body)].split())


def matching_acknowledgement(
    body: str, finding: Finding, acknowledgements: Iterable[Acknowledgement]
) -> Acknowledgement | None:
    """The acknowledgement of these words on this line; the latest one wins."""
    key = ack_key(finding.rule, quote_of(body, finding))
    line = line_around(body, finding)
    found = None
    for ack in acknowledgements:
        if ack_key(ack.rule, ack.quote) != key:
            continue
        context = getattr(ack, "context", "")
        if context and " ".join(context.split()) != line:
            continue
        found = ack
    return found


def shared_excerpts(body: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of each debrief excerpt shared into a section's text.

    An excerpt runs from its "Shared by ... from their debrief" line to the
    next such line, the next heading, or the end of the text.
    """
    starts = list(SHARED_RE.finditer(body))
    result = []
    for number, match in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(body)
        heading = _HEADING_RE.search(body, match.end(), end)
        result.append((match.start(), heading.start() if heading else end, match.group(1)))
    return result


TARGET_LABELS = {
    "factor:description": "a contributing factor's description",
    "action:title": "an action item's title",
    "action:description": "an action item's description",
}


def target(kind: str, pk: int, field: str) -> str:
    """The name an acknowledgement gives a factor's or an action item's text."""
    return f"{kind}:{pk}:{field}"


def target_label(name: str) -> str:
    kind, _, rest = name.partition(":")
    field = rest.partition(":")[2]
    return TARGET_LABELS.get(f"{kind}:{field}", name).capitalize()
