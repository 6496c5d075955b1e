"""Factors and action items on the cast's incidents, for the actions tests.

Import the fixtures into a test module with `from .actions_cast import *`.
Time is frozen at NOW (4 March 2026, noon UTC) wherever `frozen` is used;
`item` is due on 1 March, so it is overdue then.
"""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import TimelineEvent

from .conftest import NOW

__all__ = [
    "NOW",
    "category",
    "event",
    "factor",
    "frozen",
    "item",
    "restricted_item",
]


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def category(db) -> FactorCategory:
    return FactorCategory.objects.get(name="Change management")


@pytest.fixture
def event(incident) -> TimelineEvent:
    return TimelineEvent.objects.create(incident=incident, text="Deploy 42 rolled out.")


@pytest.fixture
def factor(incident, category, event, editor) -> ContributingFactor:
    factor = ContributingFactor.objects.create(
        incident=incident,
        category=category,
        description="The deploy pipeline had no canary stage.",
        created_by=editor,
    )
    factor.events.add(event)
    return factor


@pytest.fixture
def item(incident, factor, editor) -> ActionItem:
    item = ActionItem.objects.create(
        incident=incident,
        title="Add a canary stage to the deploy pipeline",
        owner=editor,
        due_date=date(2026, 3, 1),
        created_by=editor,
    )
    item.factors.add(factor)
    return item


@pytest.fixture
def restricted_item(restricted, editor) -> ActionItem:
    return ActionItem.objects.create(
        incident=restricted,
        title="Rate-limit sign-in per account",
        owner=editor,
        due_date=date(2026, 3, 2),
    )
