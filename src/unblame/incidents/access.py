"""The one place that decides who can see and change an incident.

Every view, list, count, search, export and API endpoint gets incidents
through these helpers. A restricted incident is visible only to its
responders and to admins; to anyone else it does not exist, so callers
raise 404 rather than 403 and never count it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from unblame.incidents.models import Incident, Responder, TimelineEvent


def visible_incidents(user: Any) -> QuerySet[Incident]:
    if user is None or not user.is_authenticated or not user.is_active:
        return Incident.objects.none()
    if user.is_admin:
        return Incident.objects.all()
    # A subquery rather than a join keeps one row per incident, so counts and
    # pagination stay right without distinct(). It lists the user's incidents
    # once instead of checking each incident (Exists): PostgreSQL costed that
    # check so high that it compiled every count with JIT (113 ms instead of
    # 4 ms at 20,000 incidents).
    on_it = Responder.objects.filter(user=user).values("incident_id")
    return Incident.objects.filter(Q(restricted=False) | Q(pk__in=on_it))


def visible_to_actor(actor: Any | None) -> QuerySet[Incident]:
    """visible_incidents(actor), where None is the command line: every incident.

    Commands such as `unblame review import` run as whoever administers the
    installation unless they name a user.
    """
    return Incident.objects.all() if actor is None else visible_incidents(actor)


def on_visible_incident(user: Any, incident: str = "incident") -> Exists:
    """A filter for rows of another table (events, action items, ...) whose incident `user` sees.

    `incident` is the path to the row's incident id. Each row checks its own
    incident, by primary key, instead of `incident__in=visible_incidents(user)`:
    that made SQLite list every visible incident before looking at one row,
    which at 100,000 incidents was most of the time of a page of action items.
    """
    return Exists(visible_incidents(user).filter(pk=OuterRef(incident)))


def hidden_incidents(user: Any) -> QuerySet[Incident]:
    """Every incident `user` may not see, trashed ones too: the complement of visible_incidents.

    For counts that are cheap over a whole table and then need only the few
    hidden rows taken off. visible_incidents hides only trashed and restricted
    incidents from those who may see any, so the candidates are those (an
    index holds both flags); a test checks that the two querysets split all
    incidents between them for every kind of user.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Incident.all_objects.all()
    if user.is_admin:
        # An admin sees every live incident. Said as "the restricted ones are
        # seen", PostgreSQL read each of 3,000 restricted incidents' rows to
        # take them off again (20 to 40 ms of every /actions/ page on a busy machine).
        return Incident.all_objects.filter(deleted_at__isnull=False)
    candidates = Incident.all_objects.filter(Q(deleted_at__isnull=False) | Q(restricted=True))
    # Visible candidates are never trashed, so they are the visible restricted
    # incidents: listed once, a few. Checking each candidate with
    # on_visible_incident made PostgreSQL hash every visible incident first:
    # 220 ms of the services page at 100,000 incidents.
    return candidates.exclude(pk__in=_own_restricted(user).values("pk"))


def _own_restricted(user: Any) -> QuerySet[Incident]:
    """The live restricted incidents `user` responds to: those visible_incidents gives a non-admin.

    Said so that PostgreSQL starts from the user's few responder rows:
    filtering visible_incidents instead, it read the row of every restricted
    incident (3,000 at 100,000 incidents, 40 ms on a busy machine) to test the
    flags and the responder list, in every hidden count and the API's list.
    `IN (true)`, not the bare flag: SQLite searches an index by an IN list but
    reads a bare boolean column as an expression to test (it walked all
    97,000 live incidents' index entries for the API's count of hidden items).
    """
    restricted = Incident.objects.filter(restricted__in=[True])
    return restricted.filter(pk__in=Responder.objects.filter(user=user).values("incident_id"))


def off_hidden_incidents(user: Any, incident: str = "incident") -> Q:
    """The rows on_visible_incident(user) keeps, said as "whose incident is not hidden".

    hidden_incidents is the complement of visible_incidents, so the rows are
    the same; only the query differs: the few hidden incidents are read once
    and each row is tested against them.
    """
    return ~Q(**{f"{incident}__in": hidden_incidents(user).values("pk")})


def on_visible_incident_in_order(user: Any, incident: str = "incident") -> Q | Exists:
    """on_visible_incident for a long list read in an index's order and cut to a page.

    The same rows, in the shape each engine walks fastest. SQLite checks each
    row's own incident as it walks the order (1 ms for the first 100 of
    89,000 action items; off_hidden_incidents took 35 ms there, scanning an
    index of every incident for the hidden ones). PostgreSQL planned that
    per-row check as a hash of every visible incident and a sort of every
    match (230 ms; 480 ms for a viewer on 2,800 incidents), so it gets
    off_hidden_incidents and walks the order testing each row (8 to 26 ms).
    """
    if connection.vendor == "postgresql":
        return off_hidden_incidents(user, incident)
    return on_visible_incident(user, incident)


def visible_events(user: Any) -> QuerySet[TimelineEvent]:
    return TimelineEvent.objects.filter(on_visible_incident(user))


def can_write(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.can_write)


def get_incident_for_user(user: Any, pk: int, write: bool = False) -> Incident:
    """The incident if the user may see it (and change it, with write=True).

    Raises Http404 when it is invisible to them, PermissionDenied when they may
    see but not change it.
    """
    incident = visible_incidents(user).select_related("severity").filter(pk=pk).first()
    if incident is None:
        raise Http404("No such incident.")
    if write and not can_write(user):
        raise PermissionDenied
    return incident


def get_event_for_user(user: Any, incident_pk: int, event_pk: int, write: bool = False):
    """The timeline event, checked through its incident like any other access."""
    incident = get_incident_for_user(user, incident_pk, write=write)
    event = incident.events.filter(pk=event_pk).first()
    if event is None:
        raise Http404("No such event.")
    return incident, event
