"""The incidents behind a bar, point or table cell: the filters plus what the bar counted.

Every key narrows `visible_incidents` (through the filter form), so a
drill-down never lists an incident its viewer may not see. Unreadable keys
are ignored, like unreadable filters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from unblame.actions.models import ActionItem, ContributingFactor
from unblame.incidents.models import Incident, Responder, Status
from unblame.insights.scope import month_bounds
from unblame.reviews.models import Review, ReviewState


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _month(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
    bounds = month_bounds(value)
    if bounds is None:
        return incidents
    return incidents.filter(declared_at__gte=bounds[0], declared_at__lt=bounds[1])


def _category(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
    factors = ContributingFactor.objects.filter(incident=OuterRef("pk"), category_id=_int(value))
    return incidents.filter(Exists(factors))


def _role(role: str | None) -> Callable:
    def narrow(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
        on_it = Responder.objects.filter(incident=OuterRef("pk"), user_id=_int(value))
        if role:
            on_it = on_it.filter(role=role)
        return incidents.filter(Exists(on_it))

    return narrow


ITEM_STATES = {
    "any": Q(),
    "open": Q(status__in=ActionItem.OPEN_STATUSES),
    "overdue": Q(status__in=ActionItem.OPEN_STATUSES),
    "open_after_close": Q(status__in=ActionItem.OPEN_STATUSES, incident__status=Status.CLOSED),
}


def _items(incidents: QuerySet[Incident], value: str, params: Any) -> QuerySet[Incident]:
    state = ITEM_STATES.get(value)
    if state is None:
        return incidents
    items = ActionItem.objects.filter(state, incident=OuterRef("pk"))
    if value == "overdue":
        items = items.filter(due_date__lt=timezone.localdate())
    owner = params.get("owner", "")
    if owner == "none":
        items = items.filter(owner__isnull=True)
    elif _int(owner) is not None:
        items = items.filter(owner_id=_int(owner))
    if team := params.get("owner_team", ""):
        items = items.filter(owner__team=team)
    return incidents.filter(Exists(items))


def _review(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
    if value == "published":
        published = Review.objects.filter(incident=OuterRef("pk"), state=ReviewState.PUBLISHED)
        return incidents.filter(Exists(published))
    if value == "overdue":
        from unblame.insights.reports import overdue_reviews

        return overdue_reviews(incidents)
    return incidents


SIMPLE = {
    "month": _month,
    "category": _category,
    "responder": _role(None),
    "commander": _role(Responder.Role.INCIDENT_COMMANDER),
    "review": _review,
}


def drill(incidents: QuerySet[Incident], params: Any) -> QuerySet[Incident]:
    """Narrow already visible, filtered incidents by the drill-down keys in `params`."""
    for key, narrow in SIMPLE.items():
        if value := params.get(key, ""):
            incidents = narrow(incidents, value)
    if value := params.get("items", ""):
        incidents = _items(incidents, value, params)
    return incidents


def described(params: Any) -> list[str]:
    """The drill-down keys in words, for the page heading."""
    words = {
        "month": "declared in {}",
        "category": "with a factor in category #{}",
        "responder": "with responder #{}",
        "commander": "with incident commander #{}",
        "items": "action items: {}",
        "owner": "items owned by #{}",
        "owner_team": "items owned by team {}",
        "review": "review: {}",
    }
    return [text.format(params[key]) for key, text in words.items() if params.get(key)]
