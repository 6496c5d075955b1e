"""Response times on SQLite from kept sorted minutes (insights.digest) against a live reading.

The kept rows and the live part they leave out must give exactly the
figures of reading every incident in scope (response.figures_in_python),
and both the plain median and 90th percentile of each viewer's incidents:
for an admin and a viewer (who never counts a restricted incident), in
zones far either side of UTC (incidents on a month's edge days change
month), after every kind of write the rows depend on, whoever made it.
"""

from __future__ import annotations

import random
import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from unblame.incidents.models import Incident, Service, Severity
from unblame.insights import digest, response, rollups
from unblame.insights.models import IncidentFacts, ResponseDigest
from unblame.insights.scope import Scope, percentile

from ..conftest import make_user

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the kept minutes are SQLite's (PostgreSQL sorts)"
)

MOMENTS = ("detected", "acknowledged", "mitigated", "resolved")
STARTS = [
    datetime(y, m, 1, tzinfo=UTC)
    for y, m in ((2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 3))
]
ZONES = ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York")


def _history(seed: int, size: int = 90) -> list[Incident]:
    """Incidents over five months, many on a month's first or last day, some restricted,
    with durations that tie, go negative or are missing, in zero to three services."""
    rng = random.Random(seed)
    severities = list(Severity.objects.all())
    services = [Service.objects.get_or_create(name=f"svc{n}")[0] for n in range(5)]
    made = []
    for _ in range(size):
        month = rng.choice(STARTS) if rng.random() < 0.6 else None
        if month is not None:
            # Hours either side of a month's start: the edge days in UTC and in other zones.
            at = month + timedelta(minutes=rng.randint(-36 * 60, 36 * 60))
        else:
            at = datetime(2025, 10, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 150 * 1440))
        made.append(
            _incident(rng, at, rng.choice(severities), rng.sample(services, rng.randint(0, 3)))
        )
    return made


def _incident(rng: random.Random, at: datetime, severity, services, **fields) -> Incident:
    moments = {}
    for name in MOMENTS:
        kind = rng.random()
        if kind < 0.15:
            continue  # missing
        minutes = rng.choice([5, 5, 30]) if kind < 0.3 else rng.uniform(-30, 900)
        moments[f"{name}_at"] = at + timedelta(minutes=minutes)
    fields.setdefault("restricted", rng.random() < 0.25)
    incident = Incident.objects.create(
        title="Generated",
        severity=severity,
        declared_at=at,
        impact_started_at=at,
        **moments,
        **fields,
    )
    incident.services.add(*services)
    return incident


def _scope(user, **query) -> Scope:
    request = RequestFactory().get("/insights/response/", query)
    request.user = user
    return Scope.of(request)


def _both(user, **query) -> tuple[response.Figures, response.Figures]:
    """(from the kept rows, live) for this user and filters."""
    scope = _scope(user, **query)
    facts = scope.rollup(IncidentFacts)
    severity = scope.form.data_or_empty.get("severity")
    kept = digest.figures(facts, severity.pk if severity else None)
    assert kept is not None, "the kept rows were not used"
    return kept, response.figures_in_python(facts)


def _agree(*users, **query) -> None:
    for zone in ZONES:
        with timezone.override(zoneinfo.ZoneInfo(zone)):
            for user in users:
                kept, live = _both(user, **query)
                # The same values, so the same figures: equal, not close.
                assert kept == live, (zone, user.username)


def _users():
    return make_user("reader", "viewer"), make_user("boss", "admin")


def _minutes(incident: Incident, measure: response.Measure) -> float | None:
    start, end = getattr(incident, measure.start), getattr(incident, measure.end)
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / 60


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_minutes_give_the_live_figures_for_each_viewer_in_any_zone(db, seed):
    _history(seed)
    viewer, admin = _users()
    assert not ResponseDigest.objects.filter(stale=True).exists()
    assert ResponseDigest.objects.exclude(detect=b"").exists()
    _agree(viewer, admin)
    for severity in Severity.objects.all():
        _agree(viewer, admin, severity=severity.pk)


def test_they_are_the_plain_percentiles_and_a_viewer_never_counts_a_restricted_incident(db):
    made = _history(4)
    viewer, admin = _users()
    for who, seen in ((viewer, [i for i in made if not i.restricted]), (admin, made)):
        by_month, by_severity, by_service = _both(who)[0]
        for index, measure in enumerate(response.MEASURES):
            values = [v for i in seen if (v := _minutes(i, measure)) is not None]
            assert sum(f[0] for f in by_month[index].values()) == len(values)
            severities, services = {}, {}
            for incident in seen:
                if (value := _minutes(incident, measure)) is None:
                    continue
                severities.setdefault(incident.severity_id, []).append(value)
                for service in incident.services.all():
                    services.setdefault(service.pk, []).append(value)
            for got, want in ((by_severity, severities), (by_service, services)):
                for key, lists in want.items():
                    count, median, p90 = got[key][index]
                    assert count == len(lists)
                    # Stored minutes come from julianday arithmetic, billionths off Python's.
                    assert median == pytest.approx(percentile(lists, 0.5), rel=1e-7)
                    assert p90 == pytest.approx(percentile(lists, 0.9), rel=1e-7)


def test_every_kind_of_write_keeps_them_right(db):
    made = _history(5, size=60)
    viewer, admin = _users()
    rng = random.Random(9)
    services = list(Service.objects.all())
    sev1, sev2 = Severity.objects.get(name="SEV1"), Severity.objects.get(name="SEV2")
    first, second, third, fourth, fifth, sixth = made[:6]
    # Through the models, as the pages write: a severity, a moment, restricted, services.
    first.severity = sev2 if first.severity_id == sev1.pk else sev1
    first.save()
    second.detected_at = second.impact_started_at + timedelta(minutes=7)
    second.declared_at = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # onto an edge day
    second.save()
    third.restricted = not third.restricted
    third.save()
    fourth.services.set(services[:1])
    fifth.services.clear()
    sixth.delete()  # hard, with its rows and links cascading
    made[6].trash(admin)
    made[7].services.add(Service.objects.create(name="new service"))
    Service.objects.filter(pk=services[-1].pk).delete()
    _incident(rng, datetime(2026, 3, 15, tzinfo=UTC), sev1, services[:2], restricted=False)
    _agree(viewer, admin)
    # Raw writes around the models mark what they touch stale; the view reads it live.
    IncidentFacts.objects.filter(pk=made[8].pk).update(detect=1234.5)
    Incident.services.through.objects.filter(incident_id=made[9].pk).delete()
    assert ResponseDigest.objects.filter(stale=True).exists()
    _agree(viewer, admin)
    assert digest.refresh_stale() > 0
    assert not ResponseDigest.objects.filter(stale=True).exists()
    _agree(viewer, admin)


def test_a_rebuild_writes_them_and_too_many_stale_rows_read_live(db, monkeypatch):
    _history(6, size=40)
    viewer, admin = _users()
    ResponseDigest.objects.all().delete()
    rollups.rebuild()
    assert ResponseDigest.objects.exists()
    assert not ResponseDigest.objects.filter(stale=True).exists()
    _agree(viewer, admin)
    ResponseDigest.objects.update(stale=True)
    _agree(viewer, admin)  # every month and service read live
    monkeypatch.setattr(digest, "STALE_LIMIT", 2)
    scope = _scope(admin)
    facts = scope.rollup(IncidentFacts)
    assert digest.figures(facts, None) is None
    # The report falls back to the live reading and shows the same figures.
    assert response.figures_on_sqlite(scope, facts) == response.figures_in_python(facts)


def test_filters_the_kept_rows_cannot_answer_read_live(db, monkeypatch):
    _history(7, size=30)
    _, admin = _users()
    service = Service.objects.first()
    called = []
    monkeypatch.setattr(digest, "figures", lambda *a: called.append(a))
    for query in ({"service": service.pk}, {"since": "2025-11-01"}, {"until": "2026-01-01"}):
        scope = _scope(admin, **query)
        facts = scope.rollup(IncidentFacts)
        assert response.figures_on_sqlite(scope, facts) == response.figures_in_python(facts)
    assert called == []


def test_no_one_to_see_gives_no_figures(db):
    nothing = IncidentFacts.objects.none()
    assert digest.figures(nothing, None) == ([{}, {}, {}, {}], {}, {})


def test_the_triggers_are_there(db):
    """A migration that rebuilds either table on SQLite drops them (migration 0007)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in cursor.fetchall()}
    for table in ("facts", "links"):
        for event in ("ai", "ad", "au"):
            assert f"insights_digest_{table}_{event}" in names


def test_month_edges_are_the_first_and_last_days_in_utc(db):
    days = {
        datetime(2024, 2, 29, 12, tzinfo=UTC): True,  # a leap year's last day of February
        datetime(2023, 2, 28, 12, tzinfo=UTC): True,
        datetime(2024, 2, 28, 12, tzinfo=UTC): False,
        datetime(2026, 3, 1, 0, 0, tzinfo=UTC): True,
        datetime(2026, 3, 2, 0, 0, tzinfo=UTC): False,
        datetime(2026, 4, 30, 23, 59, 59, 999999, tzinfo=UTC): True,
        datetime(2026, 3, 30, 23, tzinfo=UTC): False,
        datetime(2026, 3, 31, 1, tzinfo=UTC): True,
    }
    severity = Severity.objects.first()
    for at, edge in days.items():
        incident = Incident.objects.create(title="d", severity=severity, declared_at=at)
        read = IncidentFacts.objects.annotate(edge=digest.MonthEdge("declared_at"))
        assert read.get(pk=incident.pk).edge == edge, at


def test_minutes_pack_in_order_and_back():
    values = [3.5, 0.0, 1e-9, 12345.678901234567, 0.1 + 0.2]
    assert list(digest.unpack(digest.pack(values))) == sorted(values)
    assert list(digest.unpack(None)) == list(digest.unpack(b"")) == []


@given(
    st.lists(st.sampled_from([0.0, 1.0, 2.5, 2.5, 7.0, 1e3]), max_size=12),
    st.lists(st.sampled_from([0.0, 1.0, 2.5, 3.0, 1e4]), max_size=12),
)
def test_a_rank_of_two_sorted_lists_is_the_rank_of_them_merged(a, b):
    a, b = sorted(a), sorted(b)
    merged = sorted(a + b)
    assert [digest.kth(a, b, rank) for rank in range(len(merged))] == merged
    for rank in (-1, len(merged)):
        with pytest.raises(IndexError):
            digest.kth(a, b, rank)
    assert response.figure_of_sorted(digest._Union(a, b)) == response.figure_of_sorted(merged)


def test_a_save_that_changes_no_minutes_leaves_the_kept_rows_alone(db, monkeypatch):
    made = _history(8, size=20)
    seen = []
    real = digest.refresh_stale
    monkeypatch.setattr(
        digest,
        "refresh_stale",
        lambda: seen.append(ResponseDigest.objects.filter(stale=True).count()) or real(),
    )
    incident = Incident.objects.get(pk=made[0].pk)
    incident.title = "Renamed"
    incident.save()
    assert seen == [0]  # the incident's rollup row is as it was: nothing to write again
    incident.detected_at = incident.impact_started_at + timedelta(minutes=3)
    incident.save()
    assert seen[-1] > 0
    assert not ResponseDigest.objects.filter(stale=True).exists()
    _agree(*_users())


def test_a_history_of_centuries_reads_its_edge_days_by_a_scan(db):
    _history(10, size=20)
    sev = Severity.objects.first()
    rng = random.Random(3)
    for at in (datetime(999, 12, 31, 23, 0, tzinfo=UTC), datetime(1200, 3, 1, 2, tzinfo=UTC)):
        _incident(rng, at, sev, [], restricted=False)
    assert len(digest._edge_ranges("default")) > digest.MAX_RANGES
    _agree(*_users())
