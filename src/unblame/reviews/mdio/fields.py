"""Front matter -> the structured parts of a ReviewDocument, with errors that name the field.

Two readers: `read_own` for unblame's own front matter (strict: a wrong type
is an error naming the field, since the file claims to be ours), and
`read_foreign` for anything else (lenient: the few fields we recognise are
taken, everything else is kept under `meta`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from unblame.incidents.dates import DateOutOfRange

from .document import (
    FORMAT_VERSION,
    MOMENTS,
    ActionItem,
    Event,
    Factor,
    IncidentFacts,
    MarkdownFormatError,
    Responder,
    ReviewDocument,
    ReviewFacts,
    format_time,
    normalise_newlines,
    parse_day,
    parse_time,
)
from .frontmatter import plain

OWN_KEYS = ("unblame", "incident", "review", "timeline", "factors", "action_items", "meta")


class _Fields:
    """Typed access to one mapping of the front matter; errors name the dotted path."""

    def __init__(self, data: Any, path: str) -> None:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise _error(path, "must be a mapping")
        self.data, self.path = data, path

    def _get(self, key: str, kinds: tuple[type, ...], label: str, default: Any) -> Any:
        value = self.data.get(key)
        if value is None:
            return default
        # bool is an int in Python, but `id: true` is a mistake, not incident 1.
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            raise _error(self._at(key), f"must be {label}, not {value!r}")
        return value

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def text(self, key: str, default: str = "") -> str:
        value = self._get(key, (str, int, float), "text", default)
        return normalise_newlines(str(value))

    def flag(self, key: str) -> bool:
        return self._get(key, (bool,), "true or false", False)

    def integer(self, key: str) -> int | None:
        return self._get(key, (int,), "a whole number", None)

    def time(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        try:
            return format_time(parse_time(value))
        except DateOutOfRange as exc:
            raise _error(self._at(key), f"is out of range: {exc}") from None
        except (TypeError, ValueError):
            raise _error(self._at(key), f"must be an ISO 8601 time, not {value!r}") from None

    def day(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        try:
            return parse_day(value).isoformat()
        except DateOutOfRange as exc:
            raise _error(self._at(key), f"is out of range: {exc}") from None
        except (TypeError, ValueError):
            raise _error(self._at(key), f"must be a date (YYYY-MM-DD), not {value!r}") from None

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise _error(self._at(key), "must be a list of names")
        return [str(v) for v in value]

    def positions(self, key: str, count: int, what: str) -> list[int]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise _error(self._at(key), f"must be a list of {what} numbers")
        for number in value:
            if not 1 <= number <= count:
                raise _error(self._at(key), f"refers to {what} {number}, but there are {count}")
        return list(value)

    def records(self, key: str, read: Callable[[_Fields], Any]) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise _error(self._at(key), "must be a list")
        return [read(_Fields(item, f"{self._at(key)}[{n}]")) for n, item in enumerate(value, 1)]


def _error(path: str, message: str) -> MarkdownFormatError:
    # Front-matter fields are reported by name: YAML line numbers are lost on loading.
    return MarkdownFormatError(f"front matter field {path} {message}")


# Our own format ---------------------------------------------------------------------


def is_own(data: dict[str, Any]) -> bool:
    return "unblame" in data


def read_own(data: dict[str, Any]) -> ReviewDocument:
    """The structured fields of an unblame file; sections are filled in by the caller."""
    version = data.get("unblame")
    if version != FORMAT_VERSION:
        raise MarkdownFormatError(
            f"front matter says unblame format {version!r}; this version reads format "
            f"{FORMAT_VERSION}"
        )
    top = _Fields(data, "")
    timeline = top.records("timeline", _event)
    factors = top.records("factors", lambda f: _factor(f, len(timeline)))
    items = top.records("action_items", lambda f: _item(f, len(factors)))
    meta = _Fields(data.get("meta"), "meta").data
    unknown = {key: value for key, value in data.items() if key not in OWN_KEYS}
    return ReviewDocument(
        incident=_incident(_Fields(data.get("incident"), "incident")),
        review=_review(_Fields(data.get("review"), "review")),
        timeline=timeline,
        factors=factors,
        action_items=items,
        meta=plain({**meta, **unknown}),
    )


def _incident(f: _Fields) -> IncidentFacts:
    moments = _Fields(f.data.get("moments"), f"{f.path}.moments")
    unknown = set(moments.data) - set(MOMENTS)
    if unknown:
        raise _error(moments.path, f"has unknown moments: {', '.join(sorted(map(str, unknown)))}")
    return IncidentFacts(
        id=f.integer("id"),
        title=f.text("title"),
        severity=f.text("severity"),
        status=f.text("status"),
        restricted=f.flag("restricted"),
        services=f.texts("services"),
        declared=f.time("declared"),
        moments={name: moments.time(name) for name in MOMENTS},
        summary=f.text("summary"),
        responders=f.records("responders", _responder),
    )


def _responder(f: _Fields) -> Responder:
    username = f.text("username")
    if not username:
        raise _error(f.path, "needs a username")
    return Responder(username=username, name=f.text("name"), role=f.text("role", "responder"))


def _review(f: _Fields) -> ReviewFacts:
    return ReviewFacts(state=f.text("state", "draft"), template=f.text("template"))


def _event(f: _Fields) -> Event:
    at = f.time("at")
    if at is None:
        raise _error(f.path, "needs a time (at)")
    return Event(
        at=at,
        text=f.text("text"),
        kind=f.text("kind", "note"),
        author=f.text("author"),
        highlighted=f.flag("highlighted"),
        source=f.text("source", "manual"),
    )


def _factor(f: _Fields, events: int) -> Factor:
    return Factor(
        category=f.text("category"),
        description=f.text("description"),
        events=f.positions("events", events, "timeline entry"),
    )


def _item(f: _Fields, factors: int) -> ActionItem:
    title = f.text("title")
    if not title.strip():
        raise _error(f.path, "needs a title")
    return ActionItem(
        title=title,
        description=f.text("description"),
        owner=f.text("owner"),
        due=f.day("due"),
        status=f.text("status", "open"),
        priority=f.text("priority"),
        kind=f.text("kind"),
        closed=f.time("closed"),
        factors=f.positions("factors", factors, "factor"),
    )


# Anyone else's front matter ------------------------------------------------------------

# Front-matter keys of other tools that mean something we store, by what they mean.
FOREIGN_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "name"),
    "severity": ("severity", "sev", "level"),
    "status": ("status",),
    "services": ("services", "service", "components", "systems"),
}


# The incident statuses of unblame (incidents.models.Status; a test holds them equal).
# A foreign `status` is often the document's own ("draft", "published"), not the
# incident's: only one of these is taken as the incident's status.
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved", "closed")


def read_foreign(data: dict[str, Any]) -> tuple[IncidentFacts, dict[str, Any], list[str]]:
    """Incident facts from foreign front matter, the rest as meta, and what went where."""
    data = plain(data)
    facts = IncidentFacts()
    taken: list[str] = []
    notes: list[str] = []
    for field_name, aliases in FOREIGN_ALIASES.items():
        key = next((alias for alias in aliases if _usable(data.get(alias), field_name)), None)
        if key is None:
            continue
        value = data[key]
        if field_name == "services":
            value = [value] if isinstance(value, str) else [str(v) for v in value]
        else:
            value = normalise_newlines(str(value)).strip()
        if field_name == "status":
            if value.casefold() not in INCIDENT_STATUSES:
                notes.append(f"front matter {key!r} ({value!r}) is not an incident status")
                continue
            value = value.casefold()
        setattr(facts, field_name, value)
        taken.append(key)
        notes.append(f"front matter {key!r} → incident {field_name}")
    meta = {key: value for key, value in data.items() if key not in taken}
    if meta:
        names = ", ".join(repr(key) for key in meta)
        notes.append(f"front matter {names} → kept as metadata (meta)")
    return facts, meta, notes


def _usable(value: Any, field_name: str) -> bool:
    if field_name == "services":
        return isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str | int) for v in value)
        )
    return isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip() != ""
