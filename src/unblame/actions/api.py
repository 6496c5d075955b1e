"""Read endpoints for contributing factors and action items, added to the /api/ object.

Incidents come through incidents.access and items through
ActionItem.objects.visible_to, so the API sees exactly what the pages show.
"""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from unblame.actions.models import ActionItem, FactorCategory, incident_factors, incident_items
from unblame.incidents.access import get_incident_for_user

router = Router(tags=["actions"])


class CategoryOut(Schema):
    id: int
    name: str
    description: str
    position: int
    is_default: bool


class FactorOut(Schema):
    id: int
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
    incident_id: int
    title: str
    description: str
    owner: str | None
    due_date: date | None
    status: ActionItem.Status
    priority: ActionItem.Priority
    kind: ActionItem.Kind
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
        return [factor.pk for factor in obj.factors.all()]

    @staticmethod
    def resolve_overdue(obj: ActionItem) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_try_harder(obj: ActionItem) -> list[dict[str, Any]]:
        """The analyzer's findings in the shape every other output uses (Finding.to_dict)."""
        return [finding.to_dict() for finding in obj.try_harder_findings()]

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


@router.get("/action-items", response=list[ActionItemOut])
@paginate(LimitOffsetPagination)
def list_items(
    request: HttpRequest,
    status: ActionItem.Status | None = None,
    owner: str | None = None,
    overdue: bool = False,
) -> Any:
    """Action items of every incident the caller may see, soonest due first.

    Filter by `status`, by `owner` (a username) and to `overdue` items only.
    """
    items = ActionItem.objects.visible_to(request.auth)
    if status is not None:
        items = items.filter(status=status)
    if owner:
        items = items.filter(owner__username=owner)
    if overdue:
        items = items.overdue()
    items = items.select_related("owner", "incident").prefetch_related("factors")
    return items.by_due_date()


@router.get("/action-items/{item_id}", response=ActionItemOut)
def get_item(request: HttpRequest, item_id: int) -> Any:
    """One action item; 404 if its incident is not visible to the caller."""
    item = ActionItem.objects.visible_to(request.auth).filter(pk=item_id).first()
    if item is None:
        raise Http404("No such action item.")
    return item
