"""Endpoints for contributing factors and action items, added to the /api/ object.

Incidents come through incidents.access and items through
ActionItem.objects.visible_to (the long list through
access.on_visible_incident_in_order, the same rows), so the API sees exactly
what the pages show.
A change to an item names the version it was based on (accounts.versions).
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from unblame.accounts.roster import prime as prime_roster
from unblame.accounts.versions import api_base_version
from unblame.actions.findings import prepare as prepare_findings
from unblame.actions.forms import possible_owners
from unblame.actions.models import (
    ActionItem,
    FactorCategory,
    incident_factors,
    incident_items,
    link_factor_ids,
)
from unblame.incidents.access import (
    can_write,
    get_incident_for_user,
    hidden_incidents,
    on_visible_incident_in_order,
)
from unblame.incidents.dates import DateOutOfRange, check_day
from unblame.server.api_enums import Named
from unblame.server.paging import KeyPagination, Listed

router = Router(tags=["actions"])

# Choices the API reads and writes, each under its own name in the OpenAPI description.
ActionItemStatus = Annotated[ActionItem.Status, Named("ActionItemStatus")]
ActionItemPriority = Annotated[ActionItem.Priority, Named("ActionItemPriority")]
ActionItemKind = Annotated[ActionItem.Kind, Named("ActionItemKind")]


class CategoryOut(Schema):
    id: int
    name: str
    description: str
    position: int
    is_default: bool


class FactorOut(Schema):
    id: int
    version: int
    incident_id: int
    category: str
    description: str
    event_ids: list[int]
    action_item_ids: list[int]
    created_at: datetime

    @staticmethod
    def resolve_category(obj: Any) -> str:
        return obj.category.name

    @staticmethod
    def resolve_event_ids(obj: Any) -> list[int]:
        return [event.pk for event in obj.events.all()]

    @staticmethod
    def resolve_action_item_ids(obj: Any) -> list[int]:
        return [item.pk for item in obj.action_items.all()]


class ActionItemOut(Schema):
    id: int
    version: int
    incident_id: int
    title: str
    description: str
    owner: str | None
    due_date: date | None
    status: ActionItemStatus
    priority: ActionItemPriority
    kind: ActionItemKind
    factor_ids: list[int]
    overdue: bool
    changes_the_system: bool
    try_harder: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    url: str

    @staticmethod
    def resolve_owner(obj: ActionItem) -> str | None:
        return obj.owner.username if obj.owner else None

    @staticmethod
    def resolve_factor_ids(obj: ActionItem) -> list[int]:
        return obj.factor_ids()

    @staticmethod
    def resolve_overdue(obj: ActionItem) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_try_harder(obj: ActionItem) -> list[dict[str, Any]]:
        """The analyzer's findings in the shape every other output uses (Finding.to_dict)."""
        return obj.try_harder_dicts()

    @staticmethod
    def resolve_url(obj: ActionItem) -> str:
        return obj.get_absolute_url()


@router.get("/factor-categories", response=list[CategoryOut])
def list_categories(request: HttpRequest) -> Any:
    """The contributing-factor taxonomy, in display order."""
    return FactorCategory.objects.all()


@router.get("/incidents/{incident_id}/factors", response=list[FactorOut])
def list_factors(request: HttpRequest, incident_id: int) -> Any:
    """An incident's contributing factors; 404 if the incident is not visible to the caller."""
    return incident_factors(get_incident_for_user(request.auth, incident_id))


@router.get("/incidents/{incident_id}/action-items", response=list[ActionItemOut])
def list_incident_items(request: HttpRequest, incident_id: int) -> Any:
    """An incident's action items, soonest due first; 404 if the incident is not visible."""
    return incident_items(get_incident_for_user(request.auth, incident_id))


# The columns a row of the list reads (ActionItemOut and the findings' key).
LISTED_FIELDS = (
    *("version", "title", "description", "due_date", "status", "priority", "kind"),
    *("created_at", "updated_at", "closed_at", "stored_findings"),
    *("owner__username", "incident__id"),
)


class ItemPagination(KeyPagination):
    """Limit and offset over keys (server.paging), with the page's rosters and findings ready."""

    def loaded(self, rows: list[Any]) -> None:
        prime_roster(item.incident_id for item in rows)
        prepare_findings(rows)
        link_factor_ids(rows)


@router.get("/action-items", response=list[ActionItemOut])
@paginate(ItemPagination)
def list_items(
    request: HttpRequest,
    status: ActionItemStatus | None = None,
    owner: str | None = None,
    overdue: bool = False,
) -> Any:
    """Action items of every incident the caller may see, soonest due first.

    Filter by `status`, by `owner` (a username) and to `overdue` items only.
    """
    every = ActionItem.objects.all()
    if status is not None:
        every = every.filter(status=status)
    if owner:
        every = every.filter(owner__username=owner)
    if overdue:
        every = every.overdue()
    visible = every.filter(on_visible_incident_in_order(request.auth)).by_due_date()
    hidden = every.filter(incident_id__in=hidden_incidents(request.auth).values("pk"))
    # What a row shows and its findings' check reads: the incident only for its
    # roster (by key), the owner for a name, the factors by link (loaded()).
    rows = ActionItem.objects.select_related("owner", "incident").only(*LISTED_FIELDS)
    return Listed(visible, every, hidden, rows)


@router.get("/action-items/{item_id}", response=ActionItemOut)
def get_item(request: HttpRequest, item_id: int, response: HttpResponse) -> Any:
    """One action item; 404 if its incident is not visible. Its ETag is its version."""
    item = _visible_item(request, item_id)
    response["ETag"] = item.etag()
    return item


def _visible_item(request: HttpRequest, item_id: int) -> ActionItem:
    item = ActionItem.objects.visible_to(request.auth).filter(pk=item_id).first()
    if item is None:
        raise Http404("No such action item.")
    return item


class ActionItemPatch(Schema):
    """Fields to change; those left out stay as they are. `owner` is a username or null."""

    version: int | None = None
    title: str | None = None
    description: str | None = None
    owner: str | None = None
    due_date: date | None = None
    status: ActionItemStatus | None = None
    priority: ActionItemPriority | None = None
    kind: ActionItemKind | None = None


@router.patch("/action-items/{item_id}", response=ActionItemOut)
def patch_item(
    request: HttpRequest, item_id: int, changes: ActionItemPatch, response: HttpResponse
) -> Any:
    """Change an action item from the version named.

    409 (or 412 for If-Match) when it changed since; 428 when no version is
    named; 422 for an owner who may not see the incident.
    """
    item = _visible_item(request, item_id)
    if not can_write(request.auth):
        raise PermissionDenied
    data = changes.dict(exclude_unset=True)
    item.version = api_base_version(request, data.pop("version", None))
    before = item.audit_snapshot()
    for name, value in _item_values(item, data).items():
        setattr(item, name, value)
    with transaction.atomic():
        item.save()
        item.record_edit(request.auth, before)
    response["ETag"] = item.etag()
    return item


def _item_values(item: ActionItem, data: dict[str, Any]) -> dict[str, Any]:
    for name in ("title", "status", "priority", "kind"):
        if name in data and data[name] is None:
            raise HttpError(422, f"{name} cannot be null.")
    if data.get("description", "") is None:
        data["description"] = ""
    if data.get("title") is not None and not data["title"].strip():
        raise HttpError(422, "title cannot be empty.")
    if data.get("due_date") is not None:
        try:
            check_day(data["due_date"], "due_date")
        except DateOutOfRange as exc:
            raise HttpError(422, str(exc)) from None
    if "owner" in data and data["owner"] is not None:
        owner = possible_owners(item.incident).filter(username=data["owner"]).first()
        if owner is None:
            raise HttpError(422, f"{data['owner']!r} cannot own an item of this incident.")
        data["owner"] = owner
    return data
