"""The incident list pages over keys and counts only up to a cap, like /actions/.

Counting every visible incident for "N incidents" grew with the table; past
the cap the page says "More than N incidents" and still pages on to the end.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from cast import NOW

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident, Responder
from unblame.incidents.views import PAGE_SIZE
from unblame.server import paging

CAP = PAGE_SIZE * 2


@pytest.fixture
def many(sev2, editor):
    made = Incident.objects.bulk_create(
        Incident(title=f"Incident {n:03}", severity=sev2, declared_at=NOW - timedelta(hours=n))
        for n in range(PAGE_SIZE * 4 + 3)
    )
    hidden = made[5]
    Incident.objects.filter(pk=hidden.pk).update(restricted=True)
    return made


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", CAP)
    monkeypatch.setattr(paging.CappedPaginator.__init__, "__defaults__", (CAP,))


def test_a_long_list_says_more_than_the_cap_and_pages_to_the_end(as_viewer, many, small_cap):
    response = as_viewer.get("/incidents/")
    page = response.context["page"]
    assert page.paginator.capped and page.has_next()
    assert f"More than {CAP} incidents" in response.content.decode()
    last = as_viewer.get("/incidents/", {"page": 5}).context["page"]
    visible = PAGE_SIZE * 4 + 2  # one of them is restricted
    assert last.number == 5 and not last.has_next()
    assert len(last.object_list) == visible - PAGE_SIZE * 4
    assert not last.paginator.capped and last.paginator.count == visible


def test_the_pages_hold_the_visible_incidents_in_order(as_viewer, viewer, many, small_cap):
    shown = []
    for number in range(1, 6):
        shown += [i.pk for i in as_viewer.get("/incidents/", {"page": number}).context["page"]]
    assert shown == list(visible_incidents(viewer).values_list("pk", flat=True))
    assert many[5].pk not in shown


def test_a_restricted_incident_counts_for_its_responder_only(as_viewer, viewer, many):
    before = as_viewer.get("/incidents/").context["page"].paginator.count
    Responder.objects.create(incident=many[5], user=viewer)
    after = as_viewer.get("/incidents/").context["page"].paginator.count
    assert (before, after) == (PAGE_SIZE * 4 + 2, PAGE_SIZE * 4 + 3)


def test_a_short_list_is_counted_exactly(as_viewer, incident):
    response = as_viewer.get("/incidents/")
    assert not response.context["page"].paginator.capped
    assert "1 incident" in response.content.decode()
    assert "More than" not in response.content.decode()


def test_a_page_shows_each_incidents_severity_and_services(as_viewer, incident):
    row = as_viewer.get("/incidents/").context["page"].object_list[0]
    assert row.severity.name == incident.severity.name
    assert [s.name for s in row.services.all()] == [s.name for s in incident.services.all()]


def test_rows_by_key_keep_the_keys_order_whatever_the_querysets(many):
    keys = [many[3].pk, many[0].pk, many[7].pk]
    rows = paging.rows_by_key(Incident.objects.order_by("title"), keys)
    assert [row.pk for row in rows] == keys
    assert paging.rows_by_key(Incident.objects.exclude(pk=many[0].pk), keys)[1].pk == many[7].pk
