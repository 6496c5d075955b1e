"""How reports ask the database: a fixed number of queries, whatever the data holds.

A report over 100,000 incidents costs what its queries cost; one that asks
again per time zone, per block or per row gets slower as a team grows. These
tests count the queries of an uncached view and check the answers beside.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from unblame.incidents.models import Responder

from ..conftest import make_user
from .test_report_figures import _respond, row, table

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney"]
MONDAY = datetime(2026, 7, 13, 13, 30, tzinfo=UTC)  # 09:30 NY, 15:30 Berlin, 22:30 Tokyo


def _queries(client, slug: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("insights:report", args=[slug])).status_code == 200
    return len(captured.captured_queries)


def test_the_load_report_asks_as_often_for_four_zones_as_for_one(as_admin, db):
    first = make_user("p0", "editor", timezone=ZONES[0])
    _respond(first, MONDAY, minutes=60)
    one_zone = _queries(as_admin, "load")
    for number, zone in enumerate(ZONES[1:], start=1):
        _respond(make_user(f"p{number}", "editor", timezone=zone), MONDAY, minutes=60)
    assert _queries(as_admin, "load") == one_zone


def test_one_incident_is_in_and_out_of_hours_by_each_responders_zone(as_admin, db):
    people = [make_user(f"p{n}", "editor", timezone=zone) for n, zone in enumerate(ZONES)]
    incident = _respond(people[0], MONDAY, minutes=60)
    for person in people[1:]:
        Responder.objects.create(incident=incident, user=person)
    rows = table(as_admin, "load", "people")
    # 09:30 in New York and 15:30 in Berlin are working hours; 22:30 in Tokyo
    # and 23:30 in Sydney (AEST in July) are not.
    assert [row(rows, f"p{n}")[5] for n in range(4)] == ["0", "0", "1", "1"]


def test_the_writing_report_reads_its_three_blocks_from_one_query(as_admin, db, monkeypatch):
    from unblame.insights import writing

    calls = []
    original = writing._by_month
    monkeypatch.setattr(writing, "_by_month", lambda f: calls.append(1) or original(f))
    _queries(as_admin, "writing")
    assert calls == [1]


def test_load_counts_rows_because_a_person_has_one_row_per_incident(as_admin, db):
    # The load report counts responder rows as incidents; this is what makes that right.
    from django.db import IntegrityError, transaction

    person = make_user("solo", "editor", timezone=ZONES[1])
    incident = _respond(person, MONDAY, minutes=60)
    with pytest.raises(IntegrityError), transaction.atomic():
        Responder.objects.create(incident=incident, user=person, role=Responder.Role.SCRIBE)
    _respond(person, MONDAY.replace(day=14), minutes=30)
    assert row(table(as_admin, "load", "people"), "solo")[3:6] == ["2", "1.5", "0"]


def test_follow_through_reads_completion_and_the_system_share_from_one_grouping(
    as_viewer, db, monkeypatch
):
    from unblame.insights import reports

    from .test_report_figures import NOW, _items, declare

    calls = []
    original = reports._item_groups
    monkeypatch.setattr(reports, "_item_groups", lambda i: calls.append(1) or original(i))
    # March: two items with the same words, one dropped; April: only dropped items.
    _items(declare("March", NOW), "done", "wont_do")
    _items(declare("April", NOW.replace(month=4)), "wont_do", "wont_do")
    completion = table(as_viewer, "follow-through", "completion")
    share = table(as_viewer, "follow-through", "system-share")
    # One build (the second table comes from the kept result), one grouped query.
    assert calls == [1]
    assert [r[:5] for r in completion[1:]] == [
        ["2026-03", "2", "1", "0", "1"],
        ["2026-04", "2", "0", "0", "2"],
    ]
    # The dropped ones count nowhere in the share, so April has no row there.
    assert [r[0] for r in share[1:]] == ["2026-03"]
    assert share[1][1] == "1"
