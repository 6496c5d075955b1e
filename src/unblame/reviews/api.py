"""Read endpoints for reviews, added to the /api/ object.

Incidents come through incidents.access, so the API sees exactly what the
pages show. Debriefs have no endpoint: what their authors share is review
text, and reaches the API as such.
"""

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from unblame.accounts.versions import api_base_version, etag
from unblame.incidents.access import get_incident_for_user
from unblame.reviews.models import Review, SectionTooLong

router = Router(tags=["reviews"])


class SectionOut(Schema):
    key: str
    title: str
    body: str
    version: int
    updated_at: datetime
    updated_by: str | None

    @staticmethod
    def resolve_updated_by(obj: Any) -> str | None:
        return obj.updated_by.username if obj.updated_by else None


class StateChangeOut(Schema):
    from_state: str
    to_state: str
    actor: str | None
    at: datetime

    @staticmethod
    def resolve_actor(obj: Any) -> str | None:
        return obj.actor.username if obj.actor else None


class ReviewOut(Schema):
    incident_id: int
    state: str
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    url: str
    sections: list[SectionOut]
    state_changes: list[StateChangeOut]

    @staticmethod
    def resolve_url(obj: Review) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_sections(obj: Review) -> list[Any]:
        return list(obj.sections.select_related("updated_by"))

    @staticmethod
    def resolve_state_changes(obj: Review) -> list[Any]:
        return list(obj.state_changes.select_related("actor"))


@router.get("/incidents/{incident_id}/review", response=ReviewOut)
def get_review(request: HttpRequest, incident_id: int) -> Any:
    """The incident's review with every section's current text; 404 if none or not visible."""
    return _review(request, incident_id)


def _review(request: HttpRequest, incident_id: int, write: bool = False) -> Review:
    incident = get_incident_for_user(request.auth, incident_id, write=write)
    review = Review.objects.filter(incident=incident).first()
    if review is None:
        raise Http404("This incident has no review yet.")
    return review


class SectionIn(Schema):
    body: str
    version: int | None = None
    note: str = ""


@router.put("/incidents/{incident_id}/review/sections/{key}", response=SectionOut)
def put_section(
    request: HttpRequest, incident_id: int, key: str, text: SectionIn, response: HttpResponse
) -> Any:
    """Replace a section's text as its next version, from the version named.

    409 (or 412 for If-Match) when someone saved since; 428 when no version
    is named; 422 once the review is published or for a text over the section limit.
    """
    review = _review(request, incident_id, write=True)
    section = review.sections.filter(key=key).first()
    if section is None:
        raise Http404("No such section.")
    if not review.is_editable:
        raise HttpError(422, "The review is published; move it back to review to change it.")
    base = api_base_version(request, text.version)
    try:
        section.save_body(request.auth, text.body, base, text.note[:200])
    except SectionTooLong as refused:
        raise HttpError(422, str(refused)) from None
    section.refresh_from_db()
    response["ETag"] = etag(section)
    return section
