"""A rebuild commits batch by batch, each incident's rows whole, and removes rows of the gone.

Readers between two batches must find every incident's rows, as they were
or rewritten, never a table emptied for the whole rebuild; the end result
equals a rebuild in one go, with no row left of an incident deleted or
trashed around the signals.
"""

from __future__ import annotations

import pytest
from django.db import connection

from unblame.incidents.models import Incident
from unblame.insights import rollups
from unblame.insights.models import IncidentFacts, ResponseDigest

from .test_rollups import snapshot


def _history(size: int) -> None:
    from unblame.incidents.history import generate_history

    generate_history(size, seed=5)


# Restores the migrations' rows (severities, categories) after its flush, for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_batch_is_committed_and_readers_find_every_incident_between(monkeypatch):
    _history(9)
    rollups.rebuild()
    whole = snapshot()
    monkeypatch.setattr(rollups, "BATCH", 4)
    seen = []

    def progress(done: int, total: int) -> None:
        # Between batches: nothing left open, every incident still has its row.
        assert not connection.in_atomic_block
        seen.append((done, total, IncidentFacts.objects.count()))

    rollups.rebuild(progress=progress)
    assert seen == [(4, 9, 9), (8, 9, 9), (9, 9, 9)]
    assert snapshot() == whole
    if connection.vendor == "sqlite":
        assert not ResponseDigest.objects.filter(stale=True).exists()


def test_rows_of_incidents_trashed_or_changed_around_the_signals_are_put_right(db):
    _history(6)
    rollups.rebuild()
    changed, trashed = Incident.objects.order_by("pk")[:2]
    # Around the signals: the rows stay as they were until a rebuild.
    Incident.objects.filter(pk=trashed.pk).update(deleted_at=trashed.declared_at)
    IncidentFacts.objects.filter(pk=changed.pk).update(detect=-99.0)
    counts = rollups.rebuild()
    assert counts["IncidentFacts"] == 5
    assert not IncidentFacts.objects.filter(pk=trashed.pk).exists()
    assert IncidentFacts.objects.get(pk=changed.pk).detect != -99.0
