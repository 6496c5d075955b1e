"""API writes that create or move incidents: declare, change status, add timeline events.

Registered on the one /api/ object itself (server/urls.py imports this
module), beside the reads of the same paths, so they share its auth (a
session or a per-user `Authorization: Bearer` token) and its handlers for
stale versions. Access is incidents.access, as on the pages: an incident the
caller cannot see is a 404, one they may see but not change a 403.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Schema
from ninja.errors import HttpError

from unblame.accounts.versions import api_base_version
from unblame.incidents.access import can_write, get_incident_for_user
from unblame.incidents.api import EventKind, EventOut, IncidentOut, IncidentStatus, api
from unblame.incidents.models import (
    KEY_MOMENTS,
    Incident,
    Service,
    Severity,
    TimelineEvent,
    moment_order_errors,
)
from unblame.incidents.services import declare

# Written by unblame itself when a status or field changes, never by hand.
SYSTEM_KINDS = (TimelineEvent.Kind.STATUS_CHANGE, TimelineEvent.Kind.FIELD_CHANGE)


class IncidentIn(Schema):
    """A new incident. `severity` and `services` are names; unknown ones are a 422."""

    title: str
    severity: str
    summary: str = ""
    services: list[str] = []
    restricted: bool = False
    impact_started_at: datetime | None = None
    detected_at: datetime | None = None
    acknowledged_at: datetime | None = None
    mitigated_at: datetime | None = None


class StatusIn(Schema):
    """The status to move to, a note for the timeline, and the version it was seen at."""

    status: IncidentStatus
    note: str = ""
    version: int | None = None


class EventIn(Schema):
    text: str
    kind: EventKind = TimelineEvent.Kind.NOTE
    occurred_at: datetime | None = None
    highlighted: bool = False


@api.post("/incidents", response={201: IncidentOut}, tags=["incidents"])
def declare_incident(request: HttpRequest, data: IncidentIn, response: HttpResponse) -> Any:
    """Declare an incident as the caller, who becomes its first responder.

    403 for a viewer; 422 for an empty title, an unknown severity or service,
    or key moments out of order.
    """
    if not can_write(request.auth):
        raise PermissionDenied
    if not data.title.strip():
        raise HttpError(422, "title cannot be empty.")
    severity = Severity.objects.filter(name=data.severity).first()
    if severity is None:
        raise HttpError(422, f"No severity named {data.severity!r}.")
    services = list(Service.objects.filter(name__in=data.services))
    if missing := sorted(set(data.services) - {service.name for service in services}):
        raise HttpError(422, f"No service named {missing[0]!r}.")
    moments = {name: getattr(data, name, None) for name, _ in KEY_MOMENTS}
    if errors := moment_order_errors(moments):
        raise HttpError(422, " ".join(errors.values()))
    incident = Incident(
        title=data.title.strip()[:200],
        summary=data.summary,
        severity=severity,
        restricted=data.restricted,
        **{name: value for name, value in moments.items() if value is not None},
    )
    declare(incident, request.auth, services)
    response["ETag"] = incident.etag()
    return 201, incident


@api.post("/incidents/{incident_id}/status", response=IncidentOut, tags=["incidents"])
def change_status(
    request: HttpRequest, incident_id: int, data: StatusIn, response: HttpResponse
) -> Any:
    """Move an incident along its lifecycle, from the version named.

    409 (or 412 for If-Match) when it changed since; 428 when no version is
    named; 422 for a move the lifecycle does not allow (closed stays closed).
    """
    incident = get_incident_for_user(request.auth, incident_id, write=True)
    incident.version = api_base_version(request, data.version)
    try:
        incident.transition_to(data.status, request.auth, data.note)
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from error
    response["ETag"] = incident.etag()
    return incident


@api.post("/incidents/{incident_id}/events", response={201: EventOut}, tags=["incidents"])
def add_event(request: HttpRequest, incident_id: int, data: EventIn) -> Any:
    """Add a hand-written event to the timeline (status and field changes are unblame's own)."""
    incident = get_incident_for_user(request.auth, incident_id, write=True)
    if not data.text.strip():
        raise HttpError(422, "text cannot be empty.")
    if data.kind in SYSTEM_KINDS:
        raise HttpError(422, f"{data.kind} events are written by unblame when the change happens.")
    event = incident.add_event(
        request.auth,
        text=data.text,
        kind=data.kind,
        occurred_at=data.occurred_at or timezone.now(),
        highlighted=data.highlighted,
    )
    return 201, event
