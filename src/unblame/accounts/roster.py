"""The one list of people's names the web app gives the analyzer.

The analyzer reads a word as a person only if it is a pronoun, a role, an
@handle, a common given name or a name on the roster it is handed. Every
page, import and API call gets that roster from `roster()`, so the same words
get the same findings wherever they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from unblame.accounts.models import RosterName, User
from unblame.language.names import Roster

# Per request, filled by RosterMiddleware: a list page asks once per row, and
# the names do not change while one request is answered.
_cache: ContextVar[dict[Any, frozenset[str]] | None] = ContextVar("roster_cache", default=None)
_EVERYONE = "everyone"


def roster(incident: Any = None, *, also: Iterable[str] = ()) -> Roster:
    """People's names for `analyze(names=...)`.

    Every account's username, first, last and full name; names admins add
    in settings; with an incident, the chat authors on its timeline. Its
    responders are accounts, so they are in already. `also` is for names not
    stored yet, such as the other names of chat authors being imported.

    The result keeps those groups apart (see `Roster`): within a request the
    accounts' part is one object shared by every incident, so a list of
    thousands of items neither copies nor re-indexes it per row.
    """
    parts = [_cached(_EVERYONE, _everyone)]
    if incident is not None:
        parts.append(_cached(incident.pk, lambda: _chat_authors(incident)))
    extra = _clean(also)
    if extra:
        parts.append(extra)
    return Roster(*parts)


def _clean(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.strip() for name in names if name and name.strip())


@contextmanager
def cached_per_request(store: dict[Any, frozenset[str]] | None = None) -> Iterator[None]:
    """Work the roster out at most once per incident until the block ends.

    A streamed download reads its rows in batches, each in a block of its
    own; passing the same `store` to each keeps what earlier batches worked out.
    """
    token = _cache.set({} if store is None else store)
    try:
        yield
    finally:
        _cache.reset(token)


def _cached(key: Any, build: Callable[[], frozenset[str]]) -> frozenset[str]:
    cache = _cache.get()
    if cache is None:
        return build()
    if key not in cache:
        cache[key] = build()
    return cache[key]


def _everyone() -> frozenset[str]:
    names: set[str] = set()
    # Inactive accounts too: people who left still appear in the writing.
    for username, first, last in User.objects.values_list("username", "first_name", "last_name"):
        names.update((username, first, last, f"{first} {last}"))
    names.update(RosterName.objects.values_list("name", flat=True))
    return _clean(names)


def _chat_authors(incident: Any) -> frozenset[str]:
    # An imported message keeps its author's name even when no account matched it.
    events = incident.events.filter(kind=incident.events.model.Kind.CHAT_MESSAGE)
    events = events.exclude(author_name="")
    return _clean(events.order_by().values_list("author_name", flat=True).distinct())


def prime(incident_ids: Iterable[int]) -> None:
    """Work out the chat authors of many incidents in one query, for a list about to analyse them.

    Only while rosters are kept (RosterMiddleware, cached_per_request()):
    without it a page of items from 25 incidents asked the database 25 times.
    """
    cache = _cache.get()
    if cache is None:
        return
    wanted = {pk for pk in incident_ids if pk not in cache}
    if not wanted:
        return
    # Imported here: incidents' models import this app's.
    from unblame.incidents.models import TimelineEvent

    found: dict[Any, set[str]] = {pk: set() for pk in wanted}
    # The trash is left out here rather than in SQL: given `deleted_at IS NULL`
    # and a list of incidents, SQLite walked the deleted_at index over every
    # event (1.7 s at 100,000 incidents) instead of the incident_id one.
    events = TimelineEvent.all_objects.filter(
        incident_id__in=wanted, kind=TimelineEvent.Kind.CHAT_MESSAGE
    ).exclude(author_name="")
    rows = events.order_by().values_list("incident_id", "author_name", "deleted_at")
    for pk, name, deleted_at in rows:
        if deleted_at is None:
            found[pk].add(name)
    for pk, names in found.items():
        cache[pk] = _clean(names)
