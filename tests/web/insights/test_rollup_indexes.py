"""The rollup indexes the reports are read from, and the figures read through them.

Follow-through's open items per owner are a fifth of all items; at 100,000
incidents reading them through the owner index and the table took 320 ms on
SQLite, from the covering index `itemfacts_open_by_owner` 70 ms.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from unblame.actions.models import ActionItem
from unblame.insights.models import ItemFacts
from unblame.insights.reports import open_by_owner
from unblame.insights.scope import Scope

from ..conftest import make_user


def _scope(user):
    request = RequestFactory().get("/insights/follow-through/")
    request.user = user
    return Scope.of(request)


def test_the_open_items_per_owner_are_read_from_their_covering_index(db, incident):
    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL picks by its statistics")
    items = _scope(make_user("boss", "admin")).rollup(ItemFacts)
    sql, params = open_by_owner(items, timezone.localdate()).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX itemfacts_open_by_owner" in plan, plan


def test_open_items_per_owner_count_open_overdue_and_after_close(db, incident, editor):
    today = timezone.localdate()
    rows = [
        ("open", editor, today - timedelta(days=1)),
        ("in_progress", editor, today + timedelta(days=3)),
        ("open", None, None),
        ("done", editor, today - timedelta(days=9)),  # not open: nowhere
        ("wont_do", None, today - timedelta(days=9)),  # nor this
    ]
    for status, owner, due in rows:
        ActionItem.objects.create(
            incident=incident, title="Add a check", status=status, owner=owner, due_date=due
        )
    items = _scope(make_user("boss", "admin")).rollup(ItemFacts)
    found = {r["owner_id"]: (r["open"], r["overdue"]) for r in open_by_owner(items, today)}
    assert found == {editor.pk: (2, 1), None: (1, 0)}


def test_a_viewer_never_counts_the_items_of_a_restricted_incident(db, restricted, editor):
    ActionItem.objects.create(incident=restricted, title="Rotate keys", owner=editor)
    viewer_items = _scope(make_user("reader", "viewer")).rollup(ItemFacts)
    admin_items = _scope(make_user("boss", "admin")).rollup(ItemFacts)
    today = timezone.localdate()
    assert list(open_by_owner(viewer_items, today)) == []
    assert [r["open"] for r in open_by_owner(admin_items, today)] == [1]
