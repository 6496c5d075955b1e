"""A rebuild of the rollups leaves PostgreSQL's planner with their real sizes.

`rollups.rebuild` deletes and writes every row; without statistics after it
the planner took a rollup table at the size it last saw (a dozen rows after
`unblame demo --incidents`, whose history is analyzed before the rollups
are written) and counts read the heap beside the covering index.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unblame.insights import rollups
from unblame.insights.models import IncidentFacts, ResponderFacts, SectionFigures

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statistics and VACUUM are PostgreSQL's"
)


def _pg_class(model) -> tuple[float, int]:
    """(reltuples, relallvisible) of a model's table: its row estimate and all-visible pages."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples, relallvisible FROM pg_class WHERE relname = %s",
            [model._meta.db_table],
        )
        reltuples, visible = cursor.fetchone()
    return reltuples, visible


@postgresql_only
def test_a_rebuild_inside_a_transaction_analyzes_every_rollup_table(history):
    rollups.rebuild()
    for model in (*rollups.TABLES, SectionFigures):
        rows = model.objects.count()
        # ANALYZE of a small table reads every row: the estimate is the count.
        assert _pg_class(model)[0] == rows, model.__name__
    assert IncidentFacts.objects.count() > 0


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_outside_a_transaction_also_vacuums(history):
    assert not connection.in_atomic_block
    rollups.rebuild()
    for model in (IncidentFacts, ResponderFacts):
        reltuples, visible = _pg_class(model)
        assert reltuples == model.objects.count() > 0, model.__name__
        # Only VACUUM marks pages all-visible (what lets counts read an index alone).
        assert visible > 0, model.__name__


def test_on_sqlite_the_statistics_step_asks_nothing(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite is left without statistics, as an installation leaves it")
    with CaptureQueriesContext(connection) as queries:
        rollups.analyze()
    assert len(queries) == 0
