"""Date parts and durations from the database agree with Python's, zones and DST included."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest

from unblame.incidents.models import Incident
from unblame.insights.sql import LocalDayHour, LocalHour, LocalIsoWeekday, LocalMonth, Minutes

MOMENTS = [
    datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # already April in Berlin (summer time)
    datetime(2026, 1, 15, 8, 30, tzinfo=UTC),
    datetime(2026, 7, 1, 8, 30, tzinfo=UTC),
    datetime(2025, 12, 31, 20, 0, tzinfo=UTC),  # New Year in Tokyo
    datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # a minute before Europe's clocks go forward
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # during the hour Europe's clocks go back
    datetime(2026, 3, 8, 7, 30, tzinfo=UTC),  # New York's change day
    datetime(2026, 3, 8, 6, 59, tzinfo=UTC),
    # Older changes, read from the end of the newest-first CASE on SQLite:
    datetime(2014, 3, 30, 0, 59, tzinfo=UTC),  # a minute before Europe's clocks went forward
    datetime(2014, 3, 30, 1, 0, tzinfo=UTC),
    datetime(2013, 11, 3, 5, 30, tzinfo=UTC),  # New York, the hour its clocks went back
    datetime(2013, 11, 3, 6, 30, tzinfo=UTC),
    datetime(2019, 8, 4, 16, 0, tzinfo=UTC),  # a Sunday afternoon, Monday in Tokyo
]
ZONES = ["UTC", "Europe/Berlin", "Europe/London", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"]


@pytest.fixture
def incidents(sev2):
    return [
        Incident.objects.create(
            title=f"m{n}", severity=sev2, declared_at=at, detected_at=at + timedelta(minutes=n * 7)
        )
        for n, at in enumerate(MOMENTS)
    ]


@pytest.mark.parametrize("name", ZONES)
def test_local_parts_match_python_in_every_zone(incidents, name):
    zone = zoneinfo.ZoneInfo(name)
    rows = Incident.objects.annotate(
        month=LocalMonth("declared_at", zone),
        hour=LocalHour("declared_at", zone),
        day=LocalIsoWeekday("declared_at", zone),
        day_hour=LocalDayHour("declared_at", zone),
    ).values_list("declared_at", "month", "hour", "day", "day_hour")
    assert len(rows) == len(MOMENTS)
    for at, month, hour, day, day_hour in rows:
        local = at.astimezone(zone)
        assert (month, hour, day) == (local.strftime("%Y-%m"), local.hour, local.isoweekday()), at
        # Day of the week counted from Sunday = 0, as SQLite's %w and PostgreSQL's DOW do.
        assert day_hour == 100 * (local.isoweekday() % 7) + local.hour, at


def test_day_hour_spans_every_day_and_hour(sev2):
    # One moment in each hour of a week in New York: each day and hour read once.
    zone = zoneinfo.ZoneInfo("America/New_York")
    start = datetime(2025, 1, 5, 0, 0, tzinfo=zone)  # a Sunday, midnight
    for n in range(7 * 24):
        Incident.objects.create(
            title=f"h{n}", severity=sev2, declared_at=start + timedelta(hours=n)
        )
    values = Incident.objects.annotate(v=LocalDayHour("declared_at", zone)).values_list(
        "v", flat=True
    )
    assert sorted(values) == [100 * d + h for d in range(7) for h in range(24)]


def test_the_month_follows_the_active_zone(incidents, settings):
    from django.utils import timezone

    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        months = set(
            Incident.objects.annotate(m=LocalMonth("declared_at")).values_list("m", flat=True)
        )
    assert "2026-04" in months


def test_minutes_between_two_moments(incidents):
    rows = Incident.objects.annotate(took=Minutes("declared_at", "detected_at")).order_by("pk")
    assert [round(row.took, 3) for row in rows] == [n * 7.0 for n in range(len(MOMENTS))]
    assert (
        Incident.objects.annotate(took=Minutes("declared_at", "resolved_at")).first().took is None
    )


def test_the_sql_reads_back_with_its_parameters_for_logs(incidents):
    # Query logging (DEBUG, CaptureQueriesContext) formats the SQL with its parameters.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    zone = zoneinfo.ZoneInfo("Europe/Berlin")
    with CaptureQueriesContext(connection) as queries:
        list(
            Incident.objects.annotate(
                m=LocalMonth("declared_at", zone), d=LocalIsoWeekday("declared_at", zone)
            ).values_list("m", "d")
        )
    assert "strftime" in queries[0]["sql"] or "to_char" in queries[0]["sql"]


UTC_TEXTS = [
    datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=UTC),  # microseconds stored too
    datetime(2026, 3, 1, 0, 0, tzinfo=UTC),
    datetime(999, 12, 31, 23, 0, tzinfo=UTC),  # a year of three digits, stored as 0999
]


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC"])
def test_a_month_in_utc_is_read_from_the_stored_text_and_agrees(sev2, name):
    from django.db import connection

    zone = zoneinfo.ZoneInfo(name)
    for at in UTC_TEXTS:
        Incident.objects.create(title="edge", severity=sev2, declared_at=at)
    rows = Incident.objects.annotate(month=LocalMonth("declared_at", zone))
    sql = str(rows.values("month").query)
    if connection.vendor == "sqlite":
        assert "substr(" in sql and "strftime" not in sql
    assert sorted(rows.values_list("month", flat=True)) == ["0999-12", "2026-02", "2026-03"]


def test_a_zone_with_an_offset_or_summer_time_still_converts(sev2):
    from django.db import connection

    for name in ["Europe/London", "Asia/Tokyo"]:
        month = LocalMonth("declared_at", zoneinfo.ZoneInfo(name))
        sql = str(Incident.objects.annotate(m=month).query)
        if connection.vendor == "sqlite":
            assert "strftime" in sql and "substr(" not in sql, name
    Incident.objects.create(title="edge", severity=sev2, declared_at=UTC_TEXTS[0])
    tokyo = Incident.objects.annotate(m=LocalMonth("declared_at", zoneinfo.ZoneInfo("Asia/Tokyo")))
    assert list(tokyo.values_list("m", flat=True)) == ["2026-03"]
