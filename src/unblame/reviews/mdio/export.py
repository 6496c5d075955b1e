"""Database -> ReviewDocument -> Markdown (or a standalone HTML page).

The caller decides who may read the review (views go through
incidents.access first); what is exported is then the incident record, its
timeline, factors, action items and the review's sections. Personal
debriefs, comments and private notes are never part of it.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from unblame.incidents.models import KEY_MOMENTS, Incident
from unblame.reviews.models import Review

from .document import (
    MOMENTS,
    ActionItem,
    Event,
    Factor,
    IncidentFacts,
    Responder,
    ReviewDocument,
    ReviewFacts,
    Section,
    format_time,
)
from .render import render_markdown

# Front-matter moment name -> model field, checked against the model's list.
MOMENT_FIELDS = dict(zip(MOMENTS, (name for name, _ in KEY_MOMENTS), strict=True))


def export_review(review: Review) -> str:
    """The review as unblame Markdown; importing it back changes nothing."""
    return render_markdown(export_document(review))


def export_document(review: Review) -> ReviewDocument:
    incident = review.incident
    timeline = list(incident.events.select_related("author").order_by("occurred_at", "id"))
    event_numbers = {event.pk: number for number, event in enumerate(timeline, 1)}
    factors, factor_numbers = _factors(incident, event_numbers)
    return ReviewDocument(
        incident=_incident(incident),
        review=ReviewFacts(
            state=review.state, template=review.template.name if review.template else ""
        ),
        timeline=[_event(event) for event in timeline],
        factors=factors,
        action_items=_action_items(incident, factor_numbers),
        sections=[
            Section(key=section.key, title=section.title, body=section.body)
            for section in review.sections.order_by("position", "id")
        ],
    )


def _time(value: Any) -> str | None:
    return format_time(value) if value is not None else None


def _incident(incident: Incident) -> IncidentFacts:
    return IncidentFacts(
        id=incident.pk,
        title=incident.title,
        severity=incident.severity.name,
        status=incident.status,
        restricted=incident.restricted,
        services=sorted(service.name for service in incident.services.all()),
        declared=_time(incident.declared_at),
        moments={name: _time(getattr(incident, field)) for name, field in MOMENT_FIELDS.items()},
        summary=incident.summary,
        responders=[
            Responder(username=r.user.username, name=r.user.get_full_name(), role=r.role)
            for r in incident.responders.select_related("user").order_by("id")
        ],
    )


def _event(event: Any) -> Event:
    return Event(
        at=format_time(event.occurred_at),
        text=event.text,
        kind=event.kind,
        author=event.author.username if event.author else event.author_name,
        highlighted=event.highlighted,
        source=event.source,
    )


def _factors(incident: Incident, event_numbers: dict[int, int]) -> tuple[list[Factor], dict]:
    if not apps.is_installed("unblame.actions"):
        return [], {}
    rows = list(
        incident.factors.select_related("category")
        .prefetch_related("events")
        .order_by("position", "id")
    )
    factors = [
        Factor(
            category=row.category.name,
            description=row.description,
            events=sorted(event_numbers[event.pk] for event in row.events.all()),
        )
        for row in rows
    ]
    return factors, {row.pk: number for number, row in enumerate(rows, 1)}


def _action_items(incident: Incident, factor_numbers: dict[int, int]) -> list[ActionItem]:
    if not apps.is_installed("unblame.actions"):
        return []
    # In the order they were added, which is the order an import adds them in.
    rows = incident.action_items.select_related("owner").prefetch_related("factors").order_by("id")
    return [
        ActionItem(
            title=row.title,
            description=row.description,
            owner=row.owner.username if row.owner else "",
            due=row.due_date.isoformat() if row.due_date else None,
            status=row.status,
            priority=row.priority,
            kind=row.kind,
            closed=_time(row.closed_at),
            factors=sorted(factor_numbers[factor.pk] for factor in row.factors.all()),
        )
        for row in rows
    ]
