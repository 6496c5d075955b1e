"""Contributing factors and action items for generated history (incidents/history.py).

Reviewed incidents get the factor their trigger implies, sometimes a
detection factor too, and action items by severity: more for worse
incidents. Older items are mostly done; some stay open long after their
incident closed, as they do on real teams.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents import history_data

# Severity rank -> (fewest, most) action items.
ITEMS_BY_RANK = {1: (3, 5), 2: (2, 3), 3: (0, 2)}
PRIORITY_BY_RANK = {1: ["p1", "p2"], 2: ["p2", "p3"], 3: ["p3", "p4"]}


def add_follow_up(rng: random.Random, stories: list[Any], now: datetime) -> None:
    """Factors and items for the reviewed stories of one batch, written in bulk."""
    reviewed = [story for story in stories if story.reviewed]
    categories = {category.name: category for category in FactorCategory.objects.all()}
    factors = []
    for story in reviewed:
        story.factors = _factors(rng, story, categories)
        factors.extend(story.factors)
    ContributingFactor.objects.bulk_create(factors)
    alerts = ContributingFactor.events.through
    alerts.objects.bulk_create(
        alerts(contributingfactor_id=factor.pk, timelineevent_id=story.events[0].pk)
        for story in reviewed
        for factor in story.factors
    )
    items = []
    for story in reviewed:
        story.items = _items(rng, story, now)
        items.extend(story.items)
    ActionItem.objects.bulk_create(items)
    links = ActionItem.factors.through
    links.objects.bulk_create(
        links(actionitem_id=item.pk, contributingfactor_id=story.factors[0].pk)
        for story in reviewed
        if story.factors
        for item in story.items
    )


def _factors(rng: random.Random, story: Any, categories: dict) -> list[ContributingFactor]:
    specs = [story.trigger[1:]]
    if rng.random() < 0.5:
        specs.append(history_data.DETECTION_FACTOR)
    created = story.incident.resolved_at + timedelta(days=1)
    return [
        ContributingFactor(
            incident=story.incident,
            category=categories[name],
            description=text.format(**story.words),
            created_by=story.commander,
            created_at=created,
            position=position,
        )
        for position, (name, text) in enumerate(specs, start=1)
        # An admin may have renamed a default category; that factor is left out.
        if name in categories
    ]


def _items(rng: random.Random, story: Any, now: datetime) -> list[ActionItem]:
    rank = story.incident.severity.rank
    fewest, most = ITEMS_BY_RANK[rank]
    created = story.incident.resolved_at + timedelta(days=1)
    items = []
    for title, kind, _ in rng.sample(history_data.ACTION_ITEMS, rng.randint(fewest, most)):
        due = created + timedelta(days=rng.randint(7, 90))
        status = _status(rng, due, now)
        closed = None
        if status in (ActionItem.Status.DONE, ActionItem.Status.WONT_DO):
            closed = min(now, due + timedelta(days=rng.randint(-10, 20)))
            closed = max(closed, created)
        items.append(
            ActionItem(
                incident=story.incident,
                title=title.format(**story.words),
                kind=kind,
                owner=rng.choice(story.responders),
                status=status,
                priority=rng.choice(PRIORITY_BY_RANK[rank]),
                due_date=timezone.localdate(due),
                created_by=story.commander,
                created_at=created,
                closed_at=closed,
            )
        )
    return items


def _status(rng: random.Random, due: datetime, now: datetime) -> str:
    roll = rng.random()
    if due > now:
        return ActionItem.Status.IN_PROGRESS if roll < 0.3 else ActionItem.Status.OPEN
    # Past their due date: most were done, a few dropped, some linger.
    if roll < 0.78:
        return ActionItem.Status.DONE
    if roll < 0.88:
        return ActionItem.Status.WONT_DO
    return ActionItem.Status.OPEN
