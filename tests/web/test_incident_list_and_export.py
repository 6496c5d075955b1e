"""The incident list and its CSV export: the same incidents, in the same order, under any filters.

The export is "the filtered list as CSV": whatever narrows the page (good
filters, the viewer's own day for dates, a bad value left out) narrows the
export alike, and neither ever holds an incident its viewer may not see.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from unblame.incidents.models import Incident, Responder, Service, Severity

from .conftest import NOW, make_user


def listed(client, params):
    response = client.get("/incidents/", params)
    assert response.status_code == 200
    return [incident.pk for incident in response.context["page"].object_list]


def exported(client, params):
    response = client.get("/incidents/export.csv", params)
    assert response.status_code == 200
    return [int(row["id"]) for row in csv.DictReader(io.StringIO(response.getvalue().decode()))]


@pytest.fixture
def several(incident, restricted, sev2, editor, viewer):
    search = Service.objects.create(name="search")
    sev1 = Severity.objects.get(name="SEV1")
    made = {}
    for n, (title, severity, status, days) in enumerate(
        [
            ("Search slow", sev1, "resolved", 1),
            ("Queue backlog", sev2, "investigating", 2),
            ("Search index stale", sev2, "closed", 3),
            ("Cache cold", sev1, "monitoring", 4),
        ]
    ):
        made[title] = Incident.objects.create(
            title=title,
            severity=severity,
            status=status,
            declared_at=NOW - timedelta(days=days, minutes=n),
        )
    made["Search slow"].services.add(search)
    made["Search index stale"].services.add(search)
    Responder.objects.create(incident=made["Queue backlog"], user=viewer)
    return made


FILTERS = [
    {},
    {"status": "open"},
    {"status": "closed"},
    {"q": "search"},
    {"severity": "SEV1"},
    {"service": "search"},
    {"mine": "on"},
    {"since": "2026-03-01", "until": "2026-03-02"},
    {"q": "search", "status": "open"},
    # A bad value is left out; the others still apply.
    {"q": "search", "service": "999999"},
    {"status": "open", "since": "yesterday"},
]


def _resolve(params):
    named = dict(params)
    if named.get("severity") == "SEV1":
        named["severity"] = Severity.objects.get(name="SEV1").pk
    if named.get("service") == "search":
        named["service"] = Service.objects.get(name="search").pk
    return named


@pytest.mark.parametrize(
    "params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
def test_the_page_and_the_export_hold_the_same_incidents(as_viewer, several, params):
    params = _resolve(params)
    assert listed(as_viewer, params) == exported(as_viewer, params)


def test_the_filters_narrow_as_they_say(as_viewer, several, incident):
    def titles(params):
        return [Incident.objects.get(pk=pk).title for pk in listed(as_viewer, _resolve(params))]

    assert titles({"status": "open"}) == [incident.title, "Queue backlog", "Cache cold"]
    assert titles({"q": "search", "service": "999999"}) == ["Search slow", "Search index stale"]
    assert titles({"mine": "on"}) == ["Queue backlog"]
    assert titles({"severity": "SEV1"}) == ["Search slow", "Cache cold"]


def test_an_outsider_never_lists_nor_exports_the_restricted_incident(
    as_outsider, as_editor, several, restricted
):
    for params in ({}, {"q": "Credential"}, {"status": "investigating"}):
        assert restricted.pk not in listed(as_outsider, params)
        assert restricted.pk not in exported(as_outsider, params)
    assert restricted.pk in exported(as_editor, {"q": "Credential"})


def test_dates_are_the_viewers_own_days_on_the_page_and_in_the_export(db, sev2):
    tokyo = make_user("kenji", "viewer", timezone="Asia/Tokyo")
    client = Client()
    client.force_login(tokyo)
    # 20:00 UTC on 31 March is 1 April in Tokyo.
    edge = Incident.objects.create(
        title="Edge", severity=sev2, declared_at=datetime(2026, 3, 31, 20, tzinfo=UTC)
    )
    april = {"since": "2026-04-01", "until": "2026-04-01"}
    assert listed(client, april) == exported(client, april) == [edge.pk]
    march = {"until": "2026-03-31"}
    assert listed(client, march) == exported(client, march) == []
