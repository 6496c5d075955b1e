"""Bulk writes leave PostgreSQL's planner statistics fresh, as autovacuum would later.

Generated history and a rebuilt search index are written in bulk; the
planner would otherwise plan for empty tables (and search, which places its
window by the planner's estimates, would count instead). SQLite keeps no
statistics and is left alone.
"""

from __future__ import annotations

import pytest
from cast import NOW
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unblame.incidents import history
from unblame.incidents.models import Incident
from unblame.insights import index
from unblame.insights.models import SearchEntry

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite keeps no planner statistics"
)


def _statements(run) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        run()
    return [query["sql"] for query in captured.captured_queries]


def _vacuumed(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = %s", [table]
        )
        return cursor.fetchone()[0]


def test_inside_a_transaction_history_only_analyzes(db):
    # VACUUM cannot run in a transaction block; the test's transaction is one.
    assert _statements(history._analyze) == ["ANALYZE"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_history_vacuums_too():
    history.generate_history(20, seed=3, now=NOW, batch_size=20)
    assert Incident.objects.count() >= 20
    assert _vacuumed("incidents_incident")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible > 0 FROM pg_class WHERE oid = 'incidents_incident'::regclass"
        )
        assert cursor.fetchone()[0], "VACUUM marks the incident pages all-visible"


def test_rebuilding_the_index_tells_the_planner_how_many_texts_it_holds(incident, editor):
    for n in range(30):
        incident.add_event(editor, text=f"Note {n} about the gazebo.")
    index.rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'insights_searchentry'::regclass"
        )
        assert cursor.fetchone()[0] == SearchEntry.objects.count() >= 31
