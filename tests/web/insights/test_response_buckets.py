"""Response times on SQLite: rows read with one bucket number, grouped with the collector paused.

The figures must be what a plain Python reading gives (statistics.median and
the inclusive 90th percentile) over the same durations, ties and odd and even
counts included, and a restricted incident must never count for a viewer who
may not see it. The bucket number the database works out must be the month
(in the viewer's zone) and severity it stands for.
"""

from __future__ import annotations

import gc
import random
import statistics
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.incidents.models import Incident, Severity
from unblame.insights import response
from unblame.insights.models import IncidentFacts
from unblame.insights.response import (
    MEASURES,
    SPAN,
    UNUSABLE,
    bucket_of,
    figures_of,
    month_and_severity,
)
from unblame.insights.scope import Scope, month_of, percentile

from ..conftest import make_user
from .test_response_figures import _history

MONTHS = ["2025-12", "2026-01", "2026-02"]
SEVERITIES = [1, 2, 7]
# Few distinct minutes, so groups tie; None is a missing moment, negatives come out of order.
MINUTES = st.one_of(st.none(), st.sampled_from([-4.0, 0.0, 0.5, 3.0, 3.0, 12.25, 60.0, 1e4]))

rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(MONTHS),
        st.sampled_from(SEVERITIES),
        st.tuples(*(MINUTES for _ in MEASURES)),
        st.lists(st.sampled_from(["api", "db", "queue"]), max_size=2, unique=True),
    ),
    max_size=40,
)


def _plain(values: list[float]) -> tuple[int, float | None, float | None]:
    """(count, median, 90th percentile) by the statistics module, or (0, None, None)."""
    if not values:
        return 0, None, None
    if len(values) == 1:
        return 1, values[0], values[0]
    return (
        len(values),
        statistics.median(values),
        statistics.quantiles(values, n=10, method="inclusive")[8],
    )


def _same(got, want, rel: float = 1e-12) -> None:
    assert got[0] == want[0]
    for a, b in zip(got[1:], want[1:], strict=True):
        assert (a is None and b is None) or a == pytest.approx(b, rel=rel, abs=rel)


def _grouped(drawn, key) -> dict:
    """Per key of a row, each measure's usable values (present and not negative)."""
    groups: dict = {}
    for row in drawn:
        for k in key(row):
            lists = groups.setdefault(k, [[] for _ in MEASURES])
            for index, value in enumerate(row[2]):
                if value is not None and value >= 0:
                    lists[index].append(value)
    return groups


@settings(max_examples=examples(60), deadline=None)
@given(rows_strategy)
def test_the_figures_are_the_plain_median_and_90th_percentile_of_each_group(drawn):
    services = {"api": 101, "db": 102, "queue": 103}
    coded = [
        (bucket_of(month, severity), n, *(UNUSABLE if v is None or v < 0 else v for v in minutes))
        for n, (month, severity, minutes, _) in enumerate(drawn)
    ]
    per_service: dict[int, list[int]] = {pk: [9999] for pk in services.values()}  # 9999: no row
    for n, row in enumerate(drawn):
        for name in row[3]:
            per_service[services[name]].append(n)
    by_month, by_severity, by_service = figures_of(coded, list(per_service.items()))

    months = _grouped(drawn, lambda row: [row[0]])
    for index in range(len(MEASURES)):
        want = {m: _plain(v[index]) for m, v in months.items() if v[index]}
        assert by_month[index].keys() == want.keys()
        for month, figure in want.items():
            _same(by_month[index][month], figure)
            # The very interpolation scope.percentile does, in its floating-point steps.
            values = months[month][index]
            assert by_month[index][month][1:] == (percentile(values, 0.5), percentile(values, 0.9))
    for got, groups in (
        (by_severity, _grouped(drawn, lambda row: [row[1]])),
        (by_service, _grouped(drawn, lambda row: [services[s] for s in row[3]])),
    ):
        assert got.keys() == {k for k, lists in groups.items() if any(lists)}
        for key, figures in got.items():
            for figure, values in zip(figures, groups[key], strict=True):
                _same(figure, _plain(values))


def test_odd_and_even_counts_with_ties_by_hand():
    rows = [(bucket_of("2026-01", 2), n, v, v, v, v) for n, v in enumerate([4.0, 1.0, 4.0, 9.0])]
    rows.append((bucket_of("2026-02", 2), 9, 5.0, UNUSABLE, 5.0, 5.0))
    by_month, by_severity, _ = figures_of(rows, [])
    # Even: 1, 4, 4, 9 -> median 4, p90 at rank 2.7 -> 4 + 5 * 0.7.
    assert by_month[0]["2026-01"] == (4, 4.0, pytest.approx(7.5))
    # Odd: the February value joins them -> 1, 4, 4, 5, 9 -> median 4, p90 at rank 3.6.
    assert by_severity[2][0] == (5, 4.0, pytest.approx(5 + 4 * 0.6))
    # Acknowledge has no February value: four values only, and no February month.
    assert by_severity[2][1][0] == 4 and "2026-02" not in by_month[1]


@pytest.mark.parametrize(
    ("month", "severity"),
    [("2026-01", 1), ("2026-12", 3), ("0999-12", 12), ("2025-10", SPAN - 1)],
)
def test_a_bucket_number_gives_back_its_month_and_severity(month, severity):
    bucket = bucket_of(month, severity)
    assert month_and_severity(bucket) == (month, severity)
    # Another month or severity is another bucket, even beside the largest severity id.
    assert bucket not in {bucket_of(month, severity - 1), bucket_of("2026-02", severity)}


@pytest.mark.parametrize("name", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"])
def test_the_database_bucket_is_the_local_month_and_severity(db, name):
    severities = list(Severity.objects.all())
    moments = [
        datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # April in Berlin and Tokyo
        datetime(2025, 12, 31, 20, 0, tzinfo=UTC),  # New Year in Tokyo
        datetime(2026, 11, 1, 3, 30, tzinfo=UTC),  # still October in New York
        datetime(999, 12, 31, 23, 0, tzinfo=UTC),  # a year of three digits
    ]
    for n, at in enumerate(moments):
        Incident.objects.create(
            title=f"b{n}", severity=severities[n % len(severities)], declared_at=at
        )
    with timezone.override(zoneinfo.ZoneInfo(name)):
        rows = IncidentFacts.objects.annotate(
            bucket=response._bucket(), month=month_of("declared_at")
        )
        read = list(rows.values_list("bucket", "month", "severity_id"))
    assert len(read) == len(moments)
    for bucket, month, severity in read:
        assert month_and_severity(bucket) == (month, severity)


def _figures_for(user) -> response.Figures:
    request = RequestFactory().get("/insights/response/")
    request.user = user
    return response.figures_in_python(Scope.of(request).rollup(IncidentFacts))


@pytest.mark.parametrize("seed", [11, 12])
def test_a_restricted_incident_never_counts_for_a_viewer(db, seed):
    made = _history(seed, size=50)
    hidden = [i for i in made if i.restricted]
    assert hidden, "the history must hold restricted incidents"
    viewer, admin = make_user("reader", "viewer"), make_user("boss", "admin")
    for who, seen in ((viewer, [i for i in made if not i.restricted]), (admin, made)):
        by_month, by_severity, _ = _figures_for(who)
        for index, measure in enumerate(MEASURES):
            values = [v for i in seen if (v := _usable(i, measure)) is not None]
            assert sum(f[0] for f in by_month[index].values()) == len(values), who
            per_severity = {}
            for incident in seen:
                if (value := _usable(incident, measure)) is not None:
                    per_severity.setdefault(incident.severity_id, []).append(value)
            for severity, lists in per_severity.items():
                # Stored minutes come from the database's date arithmetic (julianday on
                # SQLite), a few billionths off Python's.
                _same(by_severity[severity][index], _plain(lists), rel=1e-7)


def _usable(incident: Incident, measure: response.Measure) -> float | None:
    start, end = getattr(incident, measure.start), getattr(incident, measure.end)
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / 60


def test_the_collector_is_paused_while_grouping_and_back_after(db, monkeypatch):
    seen = []

    def grouping(rows, services):
        seen.append(gc.isenabled())
        raise RuntimeError("stop here")

    monkeypatch.setattr(response, "figures_of", grouping)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        response.figures_in_python(IncidentFacts.objects.order_by())
    assert seen == [False] and gc.isenabled()
    # A collector someone else turned off stays off.
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            response.figures_in_python(IncidentFacts.objects.order_by())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_many_incidents_in_one_bucket_keep_their_order_statistics():
    rng = random.Random(4)
    values = [float(rng.randint(0, 50)) for _ in range(1001)]
    rows = [(bucket_of("2026-05", 3), n, v, v, v, v) for n, v in enumerate(values)]
    by_month, _, by_service = figures_of(rows, [(8, list(range(0, 1001, 2)))])
    _same(by_month[3]["2026-05"], _plain(values))
    _same(by_service[8][0], _plain(values[0::2]))
