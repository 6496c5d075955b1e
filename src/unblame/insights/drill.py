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
    if _int(value) is None:
        return incidents
    # The category's incidents read once, from its index. Asked as a correlated
    # EXISTS, SQLite read every factor of the category again for each incident
    # it checked: 28 s for one category at 30,000 incidents.
    filed = ContributingFactor.objects.filter(category_id=_int(value)).values("incident_id")
    return incidents.filter(pk__in=filed)


def _role(role: str | None) -> Callable:
    def narrow(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
        if _int(value) is None:
            return incidents
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
    items = ActionItem.objects.filter(state)
    if value == "overdue":
        items = items.filter(due_date__lt=timezone.localdate())
    owner = params.get("owner", "")
    if owner == "none":
        items = items.filter(owner__isnull=True)
    elif _int(owner) is not None:
        items = items.filter(owner_id=_int(owner))
    if team := params.get("owner_team", ""):
        items = items.filter(owner__team=team)
    # Read once, as _category's are: correlated, SQLite read an owner's or a team's
    # open items again for each incident (68 s for a team's overdue at 30,000).
    return incidents.filter(pk__in=items.values("incident_id"))


def _review(incidents: QuerySet[Incident], value: str) -> QuerySet[Incident]:
    published = Review.objects.filter(incident=OuterRef("pk"), state=ReviewState.PUBLISHED)
    if value == "published":
        return incidents.filter(Exists(published))
    if value == "published_resolved":
        # What time to publish measures: a published review of a resolved incident.
        return incidents.filter(Exists(published), resolved_at__isnull=False)
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


REVIEW_WORDS = {"published_resolved": "resolved, with the review published"}


def _name(model: Any, value: str, field: str) -> str:
    pk = _int(value)
    found = model.objects.filter(pk=pk).values_list(field, flat=True).first() if pk else None
    return found or value


def described(params: Any) -> list[str]:
    """The drill-down keys in words, for the page heading."""
    from unblame.accounts.models import User
    from unblame.actions.models import FactorCategory

    def person(value: str) -> str:
        return "nobody" if value == "none" else _name(User, value, "username")

    words: dict[str, Callable[[str], str]] = {
        "month": lambda v: f"declared in {v}",
        "category": lambda v: f"with a factor in {_name(FactorCategory, v, 'name')}",
        "responder": lambda v: f"with {person(v)} responding",
        "commander": lambda v: f"with {person(v)} as incident commander",
        "items": lambda v: f"with action items: {v.replace('_', ' ')}",
        "owner": lambda v: f"owned by {person(v)}",
        "owner_team": lambda v: f"owned by team {v}",
        "review": lambda v: REVIEW_WORDS.get(v, f"review {v}"),
    }
    return [text(params[key]) for key, text in words.items() if params.get(key)]
