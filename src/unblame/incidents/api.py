"""The read-only REST API at /api/, with its OpenAPI description at /api/docs.

Signed-in browsers use their session; scripts send `Authorization: Bearer
<token>` with a token made on the account page. Either way, incidents come
through incidents.access, so the API sees exactly what the pages show.
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer, django_auth

from unblame import __version__
from unblame.accounts.models import User
from unblame.incidents.access import get_incident_for_user, visible_incidents
from unblame.incidents.models import Incident, Status


class ApiToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return User.for_api_token(token)


api = NinjaAPI(
    title="unblame API",
    version=__version__,
    description="Read-only access to incidents and their timelines.",
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


class IncidentOut(Schema):
    id: int
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
@paginate(LimitOffsetPagination)
def list_incidents(request: HttpRequest, status: Status | None = None) -> Any:
    """Incidents the caller may see, newest first; filter by `status`."""
    incidents = visible_incidents(request.auth)
    if status is not None:
        incidents = incidents.filter(status=status)
    return incidents.select_related("severity").prefetch_related("services")


@api.get("/incidents/{incident_id}", response=IncidentDetailOut, tags=["incidents"])
def get_incident(request: HttpRequest, incident_id: int) -> Any:
    """One incident with its responders and timeline; 404 if it is not visible to the caller."""
    return get_incident_for_user(request.auth, incident_id)
