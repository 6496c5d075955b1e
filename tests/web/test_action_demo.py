"""The demo's contributing factors and action items."""

from datetime import UTC, datetime

import time_machine

from unblame.accounts.models import User
from unblame.actions.models import ActionItem, ContributingFactor
from unblame.incidents.demo import load_demo

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def _load():
    with time_machine.travel(NOW, tick=False):
        load_demo(now=NOW)


def test_demo_incidents_get_factors_linked_to_their_events(db):
    _load()
    assert ContributingFactor.objects.count() >= 8
    assert all(factor.events.exists() for factor in ContributingFactor.objects.all())
    for factor in ContributingFactor.objects.all():
        assert {event.incident_id for event in factor.events.all()} == {factor.incident_id}


def test_demo_items_include_overdue_due_soon_and_try_harder_ones(db):
    _load()
    with time_machine.travel(NOW, tick=False):
        assert ActionItem.objects.overdue().count() >= 2
        assert ActionItem.objects.open().filter(due_date__range=("2026-03-04", "2026-03-07"))
        assert [item for item in ActionItem.objects.all() if item.try_harder_findings()]
    assert ActionItem.objects.filter(status="done").exclude(closed_at=None).count() >= 3


def test_demo_people_have_teams(db):
    _load()
    assert User.objects.get(username="ben").team == "payments"


def test_a_reset_reloads_the_follow_up_once(db):
    _load()
    count = ActionItem.objects.count()
    with time_machine.travel(NOW, tick=False):
        load_demo(reset=True, now=NOW)
    assert ActionItem.objects.count() == count
