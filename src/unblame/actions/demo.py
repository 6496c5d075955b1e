"""Contributing factors and action items for the demo incidents (see incidents/demo_data.py).

Written by the unblame project. Incidents are found by title; events by
their index in the incident's demo event list. Due dates are days from
loading, so some items are always overdue and one is always due soon; one
item relies on people trying harder, so its hint shows.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from unblame.accounts.models import User
from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident

TEAMS = {
    "amara": "payments",
    "ben": "payments",
    "chen": "platform",
    "dana": "search",
    "eli": "platform",
    "farah": "identity",
    "gus": "support",
}

# Per incident title: factors as (category, description, event indexes), and
# items as (title, kind, owner, status, priority, due in days, factor indexes).
FOLLOW_UP: dict[str, dict[str, list[tuple[Any, ...]]]] = {
    "Checkout failing for card payments after provider certificate rotation": {
        "factors": [
            (
                "Configuration",
                "payments-api pinned the provider's intermediate certificates in a bundle "
                "baked into the image in March; nothing refreshed or checked it.",
                [5],
            ),
            (
                "Dependency",
                "The provider announced the rotation only on its status page, which no "
                "channel of ours followed.",
                [4],
            ),
            (
                "Alerting",
                "The error-rate alert waited five minutes above 20% before paging, so "
                "paging started six minutes into the impact.",
                [0, 1],
            ),
        ],
        "items": [
            (
                "Trust the system CA store and pin only the provider's root",
                "prevent",
                "ben",
                "done",
                "p1",
                -60,
                [0],
            ),
            (
                "Alert 30 days before any upstream certificate in a chain expires or changes",
                "detect",
                "chen",
                "in_progress",
                "p2",
                -9,
                [0, 1],
            ),
            (
                "Route the provider's change notices into the payments channel",
                "process",
                "farah",
                "done",
                "p3",
                -50,
                [1],
            ),
        ],
    },
    "Search results empty for two hours after index alias swap": {
        "factors": [
            (
                "Change management",
                "The alias swap did not compare the new index's document count with the "
                "old one before switching.",
                [0, 6],
            ),
            (
                "Testing",
                "The reindex query never ran against the migrated schema before the column "
                "rename shipped.",
                [5],
            ),
            (
                "Monitoring and detection",
                "Nothing watched zero-result searches; customers told support 38 minutes in.",
                [1],
            ),
        ],
        "items": [
            (
                "Refuse alias swaps when the new index has under 90% of the old count",
                "prevent",
                "dana",
                "done",
                "p1",
                -55,
                [0],
            ),
            (
                "Alert on the share of searches returning zero results",
                "detect",
                "eli",
                "open",
                "p2",
                -5,
                [2],
            ),
            (
                "Remind engineers to double-check the reindex query after schema migrations",
                "process",
                "dana",
                "open",
                "p3",
                20,
                [1],
            ),
        ],
    },
    "Inventory counts frozen at the Leeds warehouse": {
        "factors": [
            (
                "Dependency",
                "The vendor changed the stock file's timestamp format without notice.",
                [2],
            ),
            (
                "Monitoring and detection",
                "A stock file parsed with zero rows logged an alert that paged nobody; "
                "pickers noticed three hours later.",
                [0, 1],
            ),
        ],
        "items": [
            (
                "Page inventory on-call when a warehouse feed parses zero rows",
                "detect",
                "ben",
                "open",
                "p2",
                -3,
                [1],
            ),
            (
                "Write up how warehouse feeds are parsed and what stale stock looks like",
                "learn",
                "dana",
                "open",
                "p4",
                12,
                [0],
            ),
        ],
    },
    "Website slow during Saturday morning peak": {
        "factors": [
            (
                "Capacity",
                "The autoscaling template replaced a cache node with a smaller instance "
                "type, and the database absorbed the lost hit rate at peak.",
                [1, 2],
            ),
        ],
        "items": [
            (
                "Pin cache instance types in the autoscaling template",
                "prevent",
                "eli",
                "done",
                "p2",
                -8,
                [0],
            ),
            (
                "Alert when the cache hit rate falls below 80% for ten minutes",
                "detect",
                "chen",
                "open",
                "p3",
                2,
                [0],
            ),
        ],
    },
    "Duplicate charges on retried payments": {
        "factors": [
            (
                "Tooling and UX",
                "The HTTP client retried authorisations with a fresh request id, so the "
                "provider could not recognise them as retries.",
                [2],
            ),
        ],
        "items": [
            (
                "Send an idempotency key on every payment authorisation, retries included",
                "prevent",
                "amara",
                "in_progress",
                "p1",
                7,
                [0],
            ),
        ],
    },
    "Credential-stuffing wave against sign-in": {
        "factors": [
            (
                "Capacity",
                "Rate limits were per IP address, so traffic spread over 40,000 addresses "
                "never reached them.",
                [2],
            ),
        ],
        "items": [
            (
                "Rate-limit sign-in attempts per account as well as per address",
                "prevent",
                "farah",
                "open",
                "p1",
                -2,
                [0],
            ),
        ],
    },
}


def load_follow_up(now: datetime | None = None) -> int:
    """Add factors and items to the demo incidents that have none; returns the items added."""
    today = timezone.localdate(now or timezone.now())
    categories = {category.name: category for category in FactorCategory.objects.all()}
    people = {user.username: user for user in User.objects.filter(username__in=TEAMS)}
    for username, team in TEAMS.items():
        User.objects.filter(username=username, team="").update(team=team)
    added = 0
    for title, spec in FOLLOW_UP.items():
        incident = Incident.objects.filter(title=title).first()
        if incident is None or incident.factors.exists():
            continue
        factors = _factors(incident, spec["factors"], categories)
        added += _items(incident, spec["items"], factors, people, today, now)
    return added


def _factors(incident: Incident, specs: list, categories: dict) -> list[ContributingFactor]:
    # The demo loader numbers each incident's events demo-0, demo-1, … in list order.
    events = {event.external_id: event for event in incident.events.filter(source="demo")}
    factors = []
    for category, description, event_indexes in specs:
        if category not in categories:
            # An admin renamed a default category; the demo is not worth a crash.
            continue
        factor = ContributingFactor.objects.create(
            incident=incident, category=categories[category], description=description
        )
        factor.events.set(events[f"demo-{i}"] for i in event_indexes if f"demo-{i}" in events)
        factors.append(factor)
    return factors


def _items(incident, specs, factors, people, today, now) -> int:
    now = now or timezone.now()
    for title, kind, owner, status, priority, due_in, factor_indexes in specs:
        # Finished items were finished around their due date, not at loading.
        closed = now + timedelta(days=due_in) if status in ("done", "wont_do") else None
        item = ActionItem.objects.create(
            incident=incident,
            title=title,
            kind=kind,
            owner=people.get(owner),
            status=status,
            priority=priority,
            due_date=today + timedelta(days=due_in),
            created_at=incident.declared_at + timedelta(days=1),
            closed_at=closed,
        )
        item.factors.set(factors[index] for index in factor_indexes if index < len(factors))
    return len(specs)
