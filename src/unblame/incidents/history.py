"""Generated history at a chosen size: `unblame demo --incidents N`.

Three years of incidents at the demo's grocer, made from the word pools in
history_data.py: severities, services, responders, timelines and status
histories here; contributing factors and action items (actions.history) and
reviews with text (reviews.history) from their own apps. Rows are written
with bulk_create in batches, one transaction each, so 100,000 incidents take
minutes; the same seed and `now` give the same history.

Generated rows skip the audit log and the per-save hooks on purpose: they
stand for history that happened before unblame was installed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from unblame.accounts.models import User
from unblame.incidents import demo_data, history_data
from unblame.incidents.demo import PATH
from unblame.incidents.models import (
    Incident,
    Responder,
    Service,
    Severity,
    Status,
    StatusChange,
    TimelineEvent,
)

HISTORY_SOURCE = "generated"
YEARS = 3
BATCH_SIZE = 1000
Progress = Callable[[int, int], None]


@dataclass
class Story:
    """One generated incident and what the other apps need to add its follow-up."""

    incident: Incident
    service: Service
    trigger: tuple[str, str, str]
    words: dict[str, str]
    responders: list[User]
    events: list[TimelineEvent] = field(default_factory=list)
    # Filled by actions.history for reviewed stories.
    factors: list[Any] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)

    @property
    def commander(self) -> User:
        return self.responders[0]

    @property
    def reviewed(self) -> bool:
        """Closed or resolved incidents above SEV4 get a review, factors and items."""
        return self.incident.severity.rank <= 3 and not self.incident.is_open


@dataclass
class Cast:
    """What every batch draws from: services with their teams, people by team, severities."""

    services: list[Service]
    team_of: dict[int, str]
    people_by_team: dict[str, list[User]]
    severities: list[Severity]
    weights: list[int]


def has_history() -> bool:
    return TimelineEvent.objects.filter(source=HISTORY_SOURCE).exists()


def generate_history(
    count: int,
    seed: int = 1,
    now: datetime | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Add `count` generated incidents spread over the three years before `now`.

    Returns how many were added. Incidents are numbered in time order, so
    the newest have the highest ids, as on a real installation.
    """
    now = (now or timezone.now()).replace(microsecond=0)
    rng = random.Random(seed)
    cast = _cast()
    span = timedelta(days=365 * YEARS).total_seconds()
    start = now - timedelta(seconds=span)
    for first in range(0, count, batch_size):
        size = min(batch_size, count - first)
        moments = [
            start + timedelta(seconds=int((first + i + rng.random()) * span / count))
            for i in range(size)
        ]
        with transaction.atomic():
            _batch(rng, cast, moments, now)
        if progress:
            progress(first + size, count)
    _analyze()
    return count


def _analyze() -> None:
    """Fresh planner statistics on PostgreSQL, as autovacuum would give them later.

    Right after a bulk load the planner knows nothing of the new rows and
    picks plans for empty tables. VACUUM also marks the pages all-visible, as
    autovacuum does after so many inserts, so that counts read an index
    alone; it cannot run inside a transaction, where ANALYZE does alone.
    SQLite is left as a real installation leaves it, without statistics.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def _batch(rng: random.Random, cast: Cast, moments: list[datetime], now: datetime) -> None:
    stories = [_story(rng, cast, declared, now) for declared in moments]
    Incident.objects.bulk_create([story.incident for story in stories])
    through = Incident.services.through
    through.objects.bulk_create(
        through(incident_id=story.incident.pk, service_id=story.service.pk) for story in stories
    )
    Responder.objects.bulk_create(_responders(rng, stories))
    changes: list[StatusChange] = []
    for story in stories:
        story.events = _events(rng, story)
        changes.extend(_status_changes(story, story.events))
    TimelineEvent.objects.bulk_create(event for story in stories for event in story.events)
    StatusChange.objects.bulk_create(changes)
    # Factors and items belong to the actions app; reviews need the factors.
    from unblame.actions.history import add_follow_up
    from unblame.reviews.history import add_reviews

    add_follow_up(rng, stories, now)
    add_reviews(rng, stories)


# -- The cast -----------------------------------------------------------------------------


def _cast() -> Cast:
    names = demo_data.SERVICES + history_data.MORE_SERVICES
    for name, description in names:
        Service.objects.get_or_create(name=name, defaults={"description": description})
    services = list(Service.objects.filter(name__in=[name for name, _ in names]).order_by("pk"))
    teams = history_data.TEAMS
    team_of = {service.pk: teams[index % len(teams)] for index, service in enumerate(services)}
    people_by_team: dict[str, list[User]] = {team: [] for team in teams}
    for person in _people():
        people_by_team.setdefault(person.team or teams[0], []).append(person)
    severities = list(Severity.objects.filter(name__in=history_data.SEVERITY_WEIGHTS))
    weights = [history_data.SEVERITY_WEIGHTS[severity.name] for severity in severities]
    return Cast(services, team_of, people_by_team, severities, weights)


def _people() -> list[User]:
    """The demo's people plus eight per team, made once and reused by later runs.

    Nothing here is drawn at random, so a run that finds them already made
    draws the same history as the run that made them.
    """
    wanted = []
    for index, team in enumerate(history_data.TEAMS * 8):
        first = history_data.FIRST_NAMES[index % len(history_data.FIRST_NAMES)]
        last = history_data.LAST_NAMES[(index * 7) % len(history_data.LAST_NAMES)]
        wanted.append((f"{first}.{last}".lower(), first, last, team))
    usernames = [w[0] for w in wanted]
    existing = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    # Generated people fill rosters and responder lists; nobody signs in as them.
    unusable = make_password(None)
    User.objects.bulk_create(
        User(
            username=username,
            first_name=first,
            last_name=last,
            team=team,
            role=User.Role.EDITOR,
            timezone=history_data.TIME_ZONES[index % len(history_data.TIME_ZONES)],
            password=unusable,
        )
        for index, (username, first, last, team) in enumerate(wanted)
        if username not in existing
    )
    usernames += [p[0] for p in demo_data.PEOPLE]
    return list(User.objects.filter(username__in=usernames).order_by("pk"))


# -- One incident ---------------------------------------------------------------------------


def _story(rng: random.Random, cast: Cast, declared: datetime, now: datetime) -> Story:
    service = rng.choice(cast.services)
    severity = rng.choices(cast.severities, cast.weights)[0]
    title, summary, _ = failure = rng.choice(history_data.FAILURES)
    trigger = rng.choice(history_data.TRIGGERS)
    words = {
        "service": service.name,
        "trigger": trigger[0],
        "share": rng.choice(history_data.SHARES),
        "period": rng.choice(history_data.PERIODS),
        "age": rng.choice(history_data.AGES),
    }
    at = _moments(rng, declared, now, severity.rank)
    status = _status(rng, at, now)
    words["duration"] = _duration_text((at["mitigated_at"] or now) - at["impact_started_at"])
    words["symptom"] = failure[2].format(**words)
    incident = Incident(
        title=title.format(**words)[:1].upper() + title.format(**words)[1:],
        summary=summary.format(**words)[:1].upper() + summary.format(**words)[1:],
        severity=severity,
        status=status,
        restricted=rng.random() < 0.03,
        declared_at=declared,
        **{name: value for name, value in at.items() if _kept(name, status)},
    )
    team = cast.people_by_team.get(cast.team_of[service.pk]) or cast.people_by_team["platform"]
    others = [p for team_people in cast.people_by_team.values() for p in team_people]
    size = {1: 4, 2: 3}.get(severity.rank, 2)
    responders = [*rng.sample(team, min(size - 1, len(team))), rng.choice(others)]
    responders = list(dict.fromkeys(responders))
    return Story(incident, service, trigger, words, responders)


def _moments(rng: random.Random, declared: datetime, now: datetime, rank: int) -> dict:
    impact = declared - timedelta(minutes=rng.randint(1, 40))
    acknowledged = declared + timedelta(minutes=rng.randint(1, 15))
    # Worse incidents last longer: minutes for SEV4 blips, hours for SEV1 outages.
    mitigated = acknowledged + timedelta(minutes=rng.randint(5, 60) * (5 - rank))
    resolved = mitigated + timedelta(minutes=rng.randint(10, 60 * 24))
    return {
        "impact_started_at": impact,
        "detected_at": declared,
        "acknowledged_at": acknowledged if acknowledged < now else None,
        "mitigated_at": mitigated if mitigated < now else None,
        "resolved_at": resolved if resolved < now else None,
    }


def _status(rng: random.Random, at: dict, now: datetime) -> str:
    if at["resolved_at"] is None:
        return Status.MONITORING if at["mitigated_at"] else Status.INVESTIGATING
    age = now - at["resolved_at"]
    if age < timedelta(days=2):
        # Closing comes two days after resolving (see _status_changes).
        return Status.RESOLVED
    if age < timedelta(days=14):
        return rng.choice([Status.RESOLVED, Status.CLOSED])
    return Status.RESOLVED if rng.random() < 0.08 else Status.CLOSED


def _kept(name: str, status: str) -> bool:
    return name != "resolved_at" or status in (Status.RESOLVED, Status.CLOSED)


def _duration_text(value: timedelta) -> str:
    minutes = max(1, int(value.total_seconds() // 60))
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{minutes // 60} hours"


def _responders(rng: random.Random, stories: list[Story]) -> list[Responder]:
    roles = [Responder.Role.SCRIBE, Responder.Role.COMMUNICATIONS, Responder.Role.RESPONDER]
    rows = []
    for story in stories:
        added = story.incident.declared_at
        for index, person in enumerate(story.responders):
            role = Responder.Role.INCIDENT_COMMANDER if index == 0 else rng.choice(roles)
            rows.append(Responder(incident=story.incident, user=person, role=role, added_at=added))
    return rows


def _events(rng: random.Random, story: Story) -> list[TimelineEvent]:
    incident, words = story.incident, story.words
    start = incident.declared_at
    events = [
        _event(story, start, "alert", words["symptom"], author_name=rng.choice(history_data.BOTS)),
        _event(
            story,
            start,
            TimelineEvent.Kind.FIELD_CHANGE,
            f"Incident declared as {incident.severity}.",
            source=TimelineEvent.SYSTEM_SOURCE,
        ),
    ]
    if incident.acknowledged_at:
        text = f"Acknowledged; looking at {words['service']}."
        events.append(_event(story, incident.acknowledged_at, "note", text, story.commander))
    end = incident.mitigated_at or start + timedelta(minutes=30)
    for kind, text in rng.sample(history_data.NOTES, rng.randint(1, 3)):
        at = start + (end - start) * rng.random()
        author = rng.choice(story.responders)
        events.append(_event(story, at, kind, text.format(**words), author, rng.random() < 0.2))
    if incident.mitigated_at:
        text = rng.choice(history_data.MITIGATIONS).format(**words)
        events.append(_event(story, incident.mitigated_at, "note", text, story.commander, True))
    for index, event in enumerate(events):
        if event.source == HISTORY_SOURCE:
            event.external_id = f"generated-{index}"
    return events


def _event(
    story: Story, at: datetime, kind: str, text: str, author: Any = None, highlighted=False, **extra
) -> TimelineEvent:
    fields = {"source": HISTORY_SOURCE, **extra}
    return TimelineEvent(
        incident=story.incident,
        occurred_at=at,
        kind=kind,
        author=author,
        text=text,
        highlighted=highlighted,
        created_at=at,
        **fields,
    )


def _status_changes(story: Story, events: list[TimelineEvent]) -> list[StatusChange]:
    """The lifecycle steps to the incident's status, on the timeline as well."""
    incident = story.incident
    when = {
        Status.IDENTIFIED: incident.acknowledged_at,
        Status.MONITORING: incident.mitigated_at,
        Status.RESOLVED: incident.resolved_at,
        Status.CLOSED: incident.resolved_at and incident.resolved_at + timedelta(days=2),
    }
    steps = PATH[: PATH.index(incident.status) + 1]
    changes = []
    for previous, current in pairwise(steps):
        at = when[current] or incident.declared_at
        changes.append(
            StatusChange(
                incident=incident,
                from_status=previous,
                to_status=current,
                actor=story.commander,
                at=at,
            )
        )
        text = f"Status changed from {previous.title()} to {current.title()}."
        events.append(_event(story, at, "status_change", text, story.commander, source="unblame"))
    return changes
