"""API write that adds an action item to an incident; changes go through PATCH /action-items.

Registered on the actions router beside the read of the same path
(server/urls.py imports this module), with the API's auth and access rules:
a 404 for an incident the caller cannot see, a 403 for a viewer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Schema
from ninja.errors import HttpError

from unblame.actions.api import (
    ActionItemKind,
    ActionItemOut,
    ActionItemPriority,
    ActionItemStatus,
    router,
)
from unblame.actions.forms import possible_owners
from unblame.actions.models import ActionItem
from unblame.incidents.access import get_incident_for_user


class ActionItemIn(Schema):
    """A new action item. `owner` is a username who can see the incident, or null."""

    title: str
    description: str = ""
    owner: str | None = None
    due_date: date | None = None
    status: ActionItemStatus = ActionItem.Status.OPEN
    priority: ActionItemPriority = ActionItem.Priority.P3
    kind: ActionItemKind = ActionItem.Kind.PREVENT


@router.post("/incidents/{incident_id}/action-items", response={201: ActionItemOut})
def create_item(
    request: HttpRequest, incident_id: int, data: ActionItemIn, response: HttpResponse
) -> Any:
    """Add an action item to an incident; 422 for an empty title or an owner who may not see it."""
    incident = get_incident_for_user(request.auth, incident_id, write=True)
    if not data.title.strip():
        raise HttpError(422, "title cannot be empty.")
    owner = None
    if data.owner is not None:
        owner = possible_owners(incident).filter(username=data.owner).first()
        if owner is None:
            raise HttpError(422, f"{data.owner!r} cannot own an item of this incident.")
    fields = data.dict(exclude={"owner"})
    with transaction.atomic():
        item = ActionItem.objects.create(
            incident=incident, owner=owner, created_by=request.auth, **fields
        )
        item.record_creation(request.auth)
    response["ETag"] = item.etag()
    return 201, item
