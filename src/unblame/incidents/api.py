"""The REST API at /api/, with its OpenAPI description at /api/docs.

Signed-in browsers use their session; scripts send `Authorization: Bearer
<token>` with a token made on the account page. Either way, incidents come
through incidents.access, so the API sees exactly what the pages show.

Writes change an object only from the version they name (`If-Match` with
the object's ETag, or `version` in the body), as the pages do: a stale one
is answered 412 or 409 and nothing is written (accounts.versions).
"""

from datetime import datetime
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import HttpBearer, django_auth

from unblame import __version__
from unblame.accounts.models import User
from unblame.accounts.versions import (
    EditConflict,
    VersionMissing,
    api_base_version,
    api_conflict,
    etag,
)
from unblame.incidents.access import get_incident_for_user, visible_incidents
from unblame.incidents.models import KEY_MOMENTS, Incident, Severity, Status, TimelineEvent
from unblame.server.api_enums import Named
from unblame.server.paging import KeyPagination, Listed

# Choices the API reads, each under its own name in the OpenAPI description.
IncidentStatus = Annotated[Status, Named("IncidentStatus")]
EventKind = Annotated[TimelineEvent.Kind, Named("TimelineEventKind")]


class ApiToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return User.for_api_token(token)


api = NinjaAPI(
    title="unblame API",
    version=__version__,
    description="Incidents, their timelines, reviews and action items. Writes name the "
    "version they change (If-Match or `version`); a stale one gets 412 or 409.",
    auth=[django_auth, ApiToken()],
    urls_namespace="api",
)


class ResponderOut(Schema):
    username: str
    name: str
    role: str

    @staticmethod
    def resolve_username(obj: Any) -> str:
        return obj.user.username

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user)


class EventOut(Schema):
    id: int
    occurred_at: datetime
    kind: str
    author: str
    text: str
    highlighted: bool
    source: str

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return obj.author_display


@api.exception_handler(EditConflict)
def edit_conflict(request: HttpRequest, error: EditConflict) -> HttpResponse:
    status, body = api_conflict(request, error)
    response = api.create_response(request, body, status=status)
    if error.stored is not None:
        response["ETag"] = etag(error.stored)
    return response


@api.exception_handler(VersionMissing)
def version_missing(request: HttpRequest, error: VersionMissing) -> HttpResponse:
    body = {"detail": "Say which version this changes: If-Match with its ETag, or version."}
    return api.create_response(request, body, status=428)


class IncidentOut(Schema):
    id: int
    version: int
    title: str
    summary: str
    severity: str
    status: str
    restricted: bool
    services: list[str]
    declared_at: datetime
    impact_started_at: datetime | None
    detected_at: datetime | None
    acknowledged_at: datetime | None
    mitigated_at: datetime | None
    resolved_at: datetime | None
    time_to_detect_seconds: int | None
    time_to_acknowledge_seconds: int | None
    time_to_mitigate_seconds: int | None
    time_to_resolve_seconds: int | None
    url: str

    @staticmethod
    def resolve_severity(obj: Incident) -> str:
        return obj.severity.name

    @staticmethod
    def resolve_services(obj: Incident) -> list[str]:
        return [service.name for service in obj.services.all()]

    @staticmethod
    def resolve_url(obj: Incident) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_time_to_detect_seconds(obj: Incident) -> int | None:
        return _seconds(obj.time_to_detect)

    @staticmethod
    def resolve_time_to_acknowledge_seconds(obj: Incident) -> int | None:
        return _seconds(obj.time_to_acknowledge)

    @staticmethod
    def resolve_time_to_mitigate_seconds(obj: Incident) -> int | None:
        return _seconds(obj.time_to_mitigate)

    @staticmethod
    def resolve_time_to_resolve_seconds(obj: Incident) -> int | None:
        return _seconds(obj.time_to_resolve)


class IncidentDetailOut(IncidentOut):
    responders: list[ResponderOut]
    timeline: list[EventOut]

    @staticmethod
    def resolve_responders(obj: Incident) -> list[Any]:
        return list(obj.responders.select_related("user"))

    @staticmethod
    def resolve_timeline(obj: Incident) -> list[Any]:
        return list(obj.events.select_related("author"))


def _seconds(value: Any) -> int | None:
    return None if value is None else int(value.total_seconds())


@api.get("/incidents", response=list[IncidentOut], tags=["incidents"])
@paginate(KeyPagination)
def list_incidents(request: HttpRequest, status: IncidentStatus | None = None) -> Any:
    """Incidents the caller may see, newest first; filter by `status`."""
    incidents = visible_incidents(request.auth)
    if status is not None:
        incidents = incidents.filter(status=status)
    # Counted as they are: the list's covering index holds what visibility reads.
    return Listed(incidents.select_related("severity").prefetch_related("services"))


@api.get("/incidents/{incident_id}", response=IncidentDetailOut, tags=["incidents"])
def get_incident(request: HttpRequest, incident_id: int, response: HttpResponse) -> Any:
    """One incident with its responders and timeline; 404 if it is not visible to the caller.

    Its `ETag` is its version, for `If-Match` on a write.
    """
    incident = get_incident_for_user(request.auth, incident_id)
    response["ETag"] = incident.etag()
    return incident


class IncidentPatch(Schema):
    """Fields to change; those left out stay as they are. Key moments may be null."""

    version: int | None = None
    title: str | None = None
    summary: str | None = None
    severity: str | None = None
    impact_started_at: datetime | None = None
    detected_at: datetime | None = None
    acknowledged_at: datetime | None = None
    mitigated_at: datetime | None = None
    resolved_at: datetime | None = None


@api.patch("/incidents/{incident_id}", response=IncidentOut, tags=["incidents"])
def patch_incident(
    request: HttpRequest, incident_id: int, changes: IncidentPatch, response: HttpResponse
) -> Any:
    """Change an incident's fields and key moments, from the version named.

    409 (or 412 for If-Match) when it changed since; 428 when no version is
    named; 422 when a value is not allowed (a key moment out of order).
    """
    incident = get_incident_for_user(request.auth, incident_id, write=True)
    data = changes.dict(exclude_unset=True)
    incident.version = api_base_version(request, data.pop("version", None))
    before = incident.snapshot()
    for name, value in _incident_values(data).items():
        setattr(incident, name, value)
    try:
        incident.full_clean()
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from error
    with transaction.atomic():
        incident.save()
        incident.record_edit(request.auth, before)
    response["ETag"] = incident.etag()
    return incident


def _incident_values(data: dict[str, Any]) -> dict[str, Any]:
    moments = {name for name, _ in KEY_MOMENTS}
    for name in ("title", "severity"):
        if name in data and data[name] is None:
            raise HttpError(422, f"{name} cannot be null.")
    if data.get("summary", "") is None:
        data["summary"] = ""
    if "severity" in data:
        severity = Severity.objects.filter(name=data["severity"]).first()
        if severity is None:
            raise HttpError(422, f"No severity named {data['severity']!r}.")
        data["severity"] = severity
    return {k: v for k, v in data.items() if k in moments or k in ("title", "summary", "severity")}
