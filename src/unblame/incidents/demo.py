"""Load the demo dataset (demo_data.py) into the database."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from itertools import pairwise
from typing import Any

from django.db import transaction
from django.utils import timezone

from unblame.accounts.models import User, record_change
from unblame.incidents import demo_data
from unblame.incidents.models import (
    Incident,
    Responder,
    Service,
    Severity,
    StatusChange,
    TimelineEvent,
)

DEMO_SOURCE = "demo"
MOMENT_FIELDS = {
    "detected": "detected_at",
    "acknowledged": "acknowledged_at",
    "mitigated": "mitigated_at",
    "resolved": "resolved_at",
}
# The lifecycle steps an incident went through to reach its demo status.
PATH = ["investigating", "identified", "monitoring", "resolved", "closed"]


def has_demo_data() -> bool:
    return Incident.objects.filter(events__source=DEMO_SOURCE).exists()


def load_demo(reset: bool = False, now: datetime | None = None) -> int:
    """Load the demo incidents; with reset, first delete every incident and service.

    Returns the number of incidents loaded. Loading twice without reset adds
    nothing, so first-run bootstrap can call it safely.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if reset:
            _wipe()
        elif has_demo_data():
            return 0
        services = _services()
        people = _people()
        for spec in demo_data.INCIDENTS:
            _incident(spec, services, people, now)
        # Factors and action items belong to the actions app, which adds its own part.
        from unblame.actions.demo import load_follow_up

        load_follow_up(now)
        # Reviews come last: publishing one needs the factors added above.
        from unblame.reviews.demo import load_reviews

        load_reviews()
    return len(demo_data.INCIDENTS)


def _wipe() -> None:
    Incident.objects.all().delete()
    Service.objects.all().delete()
    User.objects.filter(username__in=[p[0] for p in demo_data.PEOPLE]).delete()
    # The audit log is kept: a reset is itself history worth having.


def _services() -> dict[str, Service]:
    return {
        name: Service.objects.get_or_create(name=name, defaults={"description": description})[0]
        for name, description in demo_data.SERVICES
    }


def _people() -> dict[str, User]:
    people = {}
    for username, first, last, role in demo_data.PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "role": role},
        )
        if created:
            # Demo people exist to fill rosters; nobody signs in as them.
            user.set_unusable_password()
            user.save(update_fields=["password"])
        people[username] = user
    return people


def _start(spec: dict[str, Any], now: datetime) -> datetime:
    if "hours_ago" in spec:
        return (now - timedelta(hours=spec["hours_ago"])).replace(second=0, microsecond=0)
    hour, minute = (int(part) for part in spec["start"].split(":"))
    day = (now - timedelta(days=spec["days_ago"])).date()
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _incident(spec: dict[str, Any], services: dict, people: dict, now: datetime) -> Incident:
    start = _start(spec, now)
    at = {name: start + timedelta(minutes=minutes) for name, minutes in spec["moments"].items()}
    incident = Incident.objects.create(
        title=spec["title"],
        summary=spec["summary"],
        severity=Severity.objects.get(name=spec["severity"]),
        status=spec["status"],
        restricted=spec.get("restricted", False),
        declared_at=at.get("detected", start),
        impact_started_at=start,
        **{MOMENT_FIELDS[name]: value for name, value in at.items()},
    )
    incident.services.set(services[name] for name in spec["services"])
    for username, role in spec["responders"]:
        Responder.objects.create(incident=incident, user=people[username], role=role)
    _events(incident, spec["events"], start, people)
    _status_history(incident, spec["status"], at, start, people[spec["responders"][0][0]])
    record_change(None, incident, "create", {}, {"title": incident.title, "source": "demo"})
    return incident


def _events(incident: Incident, events: list, start: datetime, people: dict) -> None:
    for index, (minutes, kind, author, text, highlighted) in enumerate(events):
        TimelineEvent.objects.create(
            incident=incident,
            occurred_at=start + timedelta(minutes=minutes),
            kind=kind,
            author=people.get(author),
            author_name="" if author in people else author,
            text=text,
            highlighted=highlighted,
            source=DEMO_SOURCE,
            external_id=f"demo-{index}",
        )


def _status_history(
    incident: Incident, status: str, at: dict, start: datetime, commander: User
) -> None:
    """Status changes along the lifecycle, timed by the matching key moments."""
    when = {
        "identified": at.get("acknowledged", start),
        "monitoring": at.get("mitigated", start),
        "resolved": at.get("resolved", start),
        "closed": at.get("resolved", start) + timedelta(days=2),
    }
    steps = PATH[: PATH.index(status) + 1]
    for previous, current in pairwise(steps):
        StatusChange.objects.create(
            incident=incident,
            from_status=previous,
            to_status=current,
            actor=commander,
            at=when[current],
        )
        TimelineEvent.objects.create(
            incident=incident,
            occurred_at=when[current],
            kind=TimelineEvent.Kind.STATUS_CHANGE,
            author=commander,
            text=f"Status changed from {previous.title()} to {current.title()}.",
            source=TimelineEvent.SYSTEM_SOURCE,
        )
