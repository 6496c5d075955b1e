"""The incident page's timeline: one page of events at a time, filtered by kind, chat runs folded.

An incident with thousands of imported chat messages stays readable and
quick: the page shows PAGE_SIZE events, a kind filter narrows them, and a run
of consecutive chat messages longer than CHAT_RUN_FOLD is folded into one
row that opens to show them (nothing is hidden for good, and the filter for
chat messages alone shows every one unfolded).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count

from unblame.incidents.models import Incident, TimelineEvent

PAGE_SIZE = 50
CHAT_RUN_FOLD = 4
CHAT = TimelineEvent.Kind.CHAT_MESSAGE


@dataclass
class ChatRun:
    """Consecutive chat messages shown as one folded row."""

    events: list[TimelineEvent]
    is_run: bool = True

    @property
    def first(self) -> TimelineEvent:
        return self.events[0]

    @property
    def last(self) -> TimelineEvent:
        return self.events[-1]

    @property
    def authors(self) -> list[str]:
        return list(dict.fromkeys(event.author_display for event in self.events))


@dataclass
class Timeline:
    page: Page
    rows: list[Any]
    kind: str = ""
    error: str = ""
    kinds: list[tuple[str, str, int]] = field(default_factory=list)

    def url_for(self, page: int | None = None, kind: str | None = None) -> str:
        """The query string of another page or kind, keeping the rest."""
        params = {"kind": self.kind if kind is None else kind, "page": page or ""}
        return "?" + urlencode({key: value for key, value in params.items() if value})

    @property
    def total(self) -> int:
        return self.page.paginator.count


def events_of(incident: Incident):
    # Meta.ordering is dropped from GROUP BY queries, so order explicitly.
    events = incident.events.select_related("author").annotate(revision_count=Count("revisions"))
    return events.order_by("occurred_at", "id")


def timeline_for(incident: Incident, params: Mapping[str, str]) -> Timeline:
    """The page of the timeline `params` ask for (`kind`, `page`); a bad kind is an error shown."""
    kind, error = params.get("kind", ""), ""
    if kind and kind not in TimelineEvent.Kind.values:
        error = f"There is no kind of event called {kind[:40]!r}; showing every kind."
        kind = ""
    events = events_of(incident)
    if kind:
        events = events.filter(kind=kind)
    paginator = Paginator(events, PAGE_SIZE)
    number = params.get("page")
    # "last": where an event just added usually is.
    page = paginator.get_page(paginator.num_pages if number == "last" else number)
    rows = fold_chat(list(page.object_list)) if kind != CHAT else list(page.object_list)
    return Timeline(page, rows, kind, error, _kinds(incident))


def fold_chat(events: list[TimelineEvent]) -> list[Any]:
    """Events in order, with each run of more than CHAT_RUN_FOLD chat messages as one ChatRun."""
    rows: list[Any] = []
    run: list[TimelineEvent] = []
    for event in [*events, None]:
        if event is not None and event.kind == CHAT and not event.highlighted:
            run.append(event)
            continue
        rows.extend([ChatRun(run)] if len(run) > CHAT_RUN_FOLD else run)
        run = []
        if event is not None:
            rows.append(event)
    return rows


def _kinds(incident: Incident) -> list[tuple[str, str, int]]:
    """(kind, label, count) for each kind the incident's timeline has, in the kinds' order."""
    rows = incident.events.order_by().values_list("kind").annotate(n=Count("id"))
    counts = dict(rows.values_list("kind", "n"))
    choices = TimelineEvent.Kind.choices
    return [(value, label, counts[value]) for value, label in choices if value in counts]
