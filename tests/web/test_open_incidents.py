"""The open list (not resolved or closed) newest first, served by its own partial index.

The index holds only open incidents; these check that the list it serves
is still every open incident the viewer may see, in order, and nothing else.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from cast import NOW
from django.db import connection

from unblame.incidents.models import Incident, Status


def _titles(response) -> list[str]:
    return [incident.title for incident in response.context["page"]]


@pytest.fixture
def mixed(sev2, editor):
    """One incident in each status, a day apart, newest last; and a trashed and a restricted one."""
    made = {}
    for days, status in enumerate(Status):
        made[status] = Incident.objects.create(
            title=f"{status.label} one",
            severity=sev2,
            status=status,
            declared_at=NOW - timedelta(days=10 - days),
        )
    trashed = Incident.objects.create(title="Trashed open one", severity=sev2, declared_at=NOW)
    Incident.all_objects.filter(pk=trashed.pk).update(deleted_at=NOW)
    secret = Incident.objects.create(
        title="Restricted open one", severity=sev2, restricted=True, declared_at=NOW
    )
    secret.responders.create(user=editor)
    return made


def test_the_open_list_is_the_unfinished_incidents_newest_first(as_viewer, mixed):
    response = as_viewer.get("/incidents/", {"status": "open"})
    assert _titles(response) == ["Monitoring one", "Identified one", "Investigating one"]
    assert response.context["page"].paginator.count == 3


def test_a_responder_sees_their_restricted_open_incident_too(as_editor, mixed):
    titles = _titles(as_editor.get("/incidents/", {"status": "open"}))
    assert titles[0] == "Restricted open one"
    assert "Trashed open one" not in titles
    assert len(titles) == 4


def test_resolving_an_incident_takes_it_off_the_open_list(as_viewer, mixed):
    Incident.objects.filter(pk=mixed[Status.MONITORING].pk).update(status=Status.RESOLVED)
    titles = _titles(as_viewer.get("/incidents/", {"status": "open"}))
    assert titles == ["Identified one", "Investigating one"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's choice is PostgreSQL's"
)
def test_postgres_reads_the_open_list_from_its_index(db, sev2):
    closed = [
        Incident(title=f"c{n}", severity=sev2, status=Status.CLOSED, declared_at=NOW)
        for n in range(3000)
    ]
    Incident.objects.bulk_create(closed)
    Incident.objects.create(title="Still open", severity=sev2, declared_at=NOW)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE incidents_incident")
    query = Incident.objects.exclude(status__in=[Status.RESOLVED, Status.CLOSED]).order_by(
        "-declared_at", "-id"
    )[:25]
    assert "incident_open" in query.explain()
