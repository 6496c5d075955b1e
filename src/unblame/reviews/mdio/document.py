"""The review as a plain document: what a Markdown file carries, with no Django in sight.

`ReviewDocument` is the meeting point of the two directions. Export builds one
from the database and renders it; import parses one from a file and writes it
to the database. Keeping it free of Django lets the parser and renderer be
property-tested on their own, and lets `unblame lint`-style tools read a
review without a server.

Every string is kept with `\\n` line endings (`canonical()` converts the
others), times are ISO 8601 in UTC with a `Z` suffix, and dates are
`YYYY-MM-DD`; that is what makes rendering deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from unblame.incidents.dates import check_day, check_time

FORMAT_VERSION = 1

# Front-matter names of the incident's key moments, in lifecycle order; the
# model field is the name with `_at` appended.
MOMENTS: tuple[str, ...] = ("impact_started", "detected", "acknowledged", "mitigated", "resolved")

# The default template's section keys, in template order, with the title a
# section gets when an import has to invent one.
TEMPLATE_SECTIONS: dict[str, str] = {
    "summary": "Summary",
    "impact": "Impact",
    "timeline": "Timeline",
    "contributing_factors": "Contributing factors",
    "what_went_well": "What went well",
    "where_we_got_lucky": "Where we got lucky",
    "what_surprised_us": "What surprised us",
    "action_items": "Action items",
    "learnings": "Learnings",
}

KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,49}")


class MarkdownFormatError(ValueError):
    """The input cannot be read as a review; the message says why, with a line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Responder:
    username: str
    name: str = ""
    role: str = "responder"


@dataclass
class Event:
    """One timeline entry; `author` is a username when the author has an account."""

    at: str
    text: str
    kind: str = "note"
    author: str = ""
    highlighted: bool = False
    source: str = "manual"


@dataclass
class IncidentFacts:
    title: str = ""
    id: int | None = None
    severity: str = ""
    status: str = ""
    restricted: bool = False
    services: list[str] = field(default_factory=list)
    declared: str | None = None
    moments: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(MOMENTS))
    summary: str = ""
    responders: list[Responder] = field(default_factory=list)


@dataclass
class ReviewFacts:
    state: str = "draft"
    template: str = ""


@dataclass
class Factor:
    """A contributing factor; `events` are 1-based positions in the document's timeline."""

    category: str
    description: str
    events: list[int] = field(default_factory=list)


@dataclass
class ActionItem:
    """A follow-up; `factors` are 1-based positions in the document's factor list."""

    title: str
    description: str = ""
    owner: str = ""
    due: str | None = None
    status: str = "open"
    priority: str = ""
    kind: str = ""
    closed: str | None = None
    factors: list[int] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    body: str = ""
    # The line of the file the body starts on, when read from one (0 otherwise), so
    # `unblame review check` can point at it; not part of the document's identity.
    line: int = field(default=0, compare=False, repr=False)

    @property
    def is_extra(self) -> bool:
        """True for a section the default template does not have."""
        return self.key not in TEMPLATE_SECTIONS


@dataclass
class ReviewDocument:
    incident: IncidentFacts = field(default_factory=IncidentFacts)
    review: ReviewFacts = field(default_factory=ReviewFacts)
    timeline: list[Event] = field(default_factory=list)
    factors: list[Factor] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Front-matter keys unblame does not know, kept so nothing is lost.
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.incident.title

    @property
    def extra_sections(self) -> list[Section]:
        return [section for section in self.sections if section.is_extra]

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def canonical(self) -> ReviewDocument:
        """The same document with every line ending as `\\n`: what a round trip gives back."""
        return _canonical(self)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _canonical(value: Any) -> Any:
    if isinstance(value, str):
        return normalise_newlines(value)
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _canonical(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **changes)
    return value


# Times and keys -------------------------------------------------------------------


def format_time(value: datetime) -> str:
    """ISO 8601 in UTC with a `Z`, microseconds only when there are some."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    text = value.astimezone(UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def parse_time(value: Any) -> datetime:
    """A timezone-aware datetime from an ISO 8601 string (or a YAML/TOML datetime).

    A time without an offset is read as UTC, which is what the export writes.
    Raises ValueError for anything else, DateOutOfRange (a ValueError) for a
    time outside the range unblame stores.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        parsed = datetime.fromisoformat(value.strip())
    else:
        raise ValueError(f"not a time: {value!r}")
    return check_time(parsed)


def parse_day(value: Any) -> date:
    """A date from `YYYY-MM-DD` (or a YAML/TOML date); ValueError otherwise, or out of range."""
    if isinstance(value, date):
        return check_day(value)
    if isinstance(value, str):
        return check_day(date.fromisoformat(value.strip()))
    raise ValueError(f"not a date: {value!r}")


def slugify(title: str) -> str:
    """A section key for a title: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50].strip("-")
    return slug or "section"


def unique_key(wanted: str, taken: set[str], counters: dict[str, int] | None = None) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`… whichever is not taken yet.

    `counters` remembers, per wanted key, the last number handed out; a caller
    whose `taken` only grows passes the same dict every time, so that a file
    with thousands of equal headings costs one step per heading, not one per
    heading already seen.
    """
    if wanted not in taken:
        return wanted
    number = counters.get(wanted, 2) if counters is not None else 2
    while f"{wanted[:45]}-{number}" in taken:
        number += 1
    if counters is not None:
        counters[wanted] = number
    return f"{wanted[:45]}-{number}"
