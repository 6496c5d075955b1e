"""The response report reads rows without Django's per-cell converters, and groups them once.

plain_rows must give what values_list gives; percentiles what percentile
gives; _group_measures what the four passes per measure gave (a value
counts only when present and not negative, and a group appears only once
it has one).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from unblame.incidents.models import Incident
from unblame.insights.response import MEASURES, UNUSABLE, bucket_of, figure, figures_of
from unblame.insights.scope import percentile, percentiles
from unblame.insights.sql import LocalMonth, Minutes, plain_rows

START = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def incidents(sev2):
    made = []
    for n in range(6):
        at = START + timedelta(days=17 * n)
        made.append(
            Incident.objects.create(
                title=f"Incident {n}",
                severity=sev2,
                declared_at=at,
                impact_started_at=at - timedelta(minutes=n),
                detected_at=at + timedelta(minutes=3 * n) if n % 3 else None,
                resolved_at=at + timedelta(hours=n, minutes=7),
            )
        )
    return made


def _rows(queryset):
    return queryset.order_by("pk").annotate(
        month=LocalMonth("declared_at"),
        detect=Minutes("impact_started_at", "detected_at"),
        resolve=Minutes("impact_started_at", "resolved_at"),
    )


def test_plain_rows_are_the_rows_values_list_gives(incidents):
    query = _rows(Incident.objects.all()).values_list("pk", "month", "severity__name", "detect")
    plain = plain_rows(query)
    assert plain == [tuple(row) for row in query]
    assert any(row[3] is None for row in plain) and any(row[3] for row in plain)
    assert all(isinstance(row[3], float) for row in plain if row[3] is not None)


def test_plain_rows_of_nothing_visible_is_empty(incidents):
    assert plain_rows(Incident.objects.none().values_list("pk")) == []
    assert plain_rows(Incident.objects.filter(pk=-1).values_list("pk")) == []


def test_percentiles_sort_once_and_agree_with_percentile():
    values = [random.Random(seed).uniform(0, 500) for seed in range(101)]
    for shares in [(0.5, 0.9), (0.0, 1.0), (0.25,)]:
        assert percentiles(values, *shares) == [percentile(values, s) for s in shares]
    assert percentiles([], 0.5, 0.9) == [None, None]


def _four_passes(rows, services):
    """The grouping as the report did it before: a pass per measure, a pass per grouping.

    Rows are the report's: (month, severity, incident, detect, acknowledge, mitigate,
    resolve).
    """
    by_month = []
    for index in range(len(MEASURES)):
        months: dict = {}
        for row in rows:
            value = row[3 + index]
            if value is not None and value >= 0:
                months.setdefault(row[0], []).append(value)
        by_month.append(months)
    grouped = []
    for keys in (lambda r: [r[1]], lambda r: services.get(r[2], [])):
        groups: dict = {}
        for row in rows:
            for key in keys(row):
                for index in range(len(MEASURES)):
                    value = row[3 + index]
                    if value is not None and value >= 0:
                        groups.setdefault(key, [[] for _ in MEASURES])[index].append(value)
        grouped.append(groups)
    return by_month, *grouped


# Severity ids as the database numbers them; rows name them for the reference passes.
SEVERITY_IDS = {"SEV1": 1, "SEV2": 2, "SEV3": 3, "SEV4": 40}


def test_sorted_runs_give_the_figures_the_passes_per_measure_did():
    rows = [
        ("2026-01", "SEV1", 1, 5.0, None, 9.0, 30.0),
        ("2026-01", "SEV2", 2, -1.0, 2.0, None, 12.0),
        ("2026-01", "SEV2", 6, 3.0, 2.0, 0.0, 12.0),
        ("2026-03", "SEV2", 3, 7.0, 1.0, 3.0, None),
        ("2026-03", "SEV1", 7, 1.5, 8.0, 3.0, 4.0),
        ("2026-04", "SEV3", 4, None, None, None, None),  # counts nowhere
        ("2026-04", "SEV4", 5, -3.0, None, None, None),  # negative: nowhere either
    ]
    services = {1: ["checkout", "search"], 3: ["checkout"], 4: ["payments"], 7: ["search"]}
    per_service: dict = {}
    for incident, names in services.items():
        for name in names:
            per_service.setdefault(name, []).append(incident)
    # An incident out of scope (99) is in a service's list but not in the rows.
    per_service["search"].append(99)
    coded = [
        (
            bucket_of(row[0], SEVERITY_IDS[row[1]]),
            row[2],
            *(UNUSABLE if v is None or v < 0 else v for v in row[3:]),
        )
        for row in rows
    ]
    month, by_id, service = figures_of(coded, list(per_service.items()))
    names = {pk: name for name, pk in SEVERITY_IDS.items()}
    severity = {names[pk]: figures for pk, figures in by_id.items()}
    passes = _four_passes(rows, services)
    assert month == [{m: figure(v) for m, v in months.items()} for months in passes[0]]
    assert severity == {k: [figure(v) for v in lists] for k, lists in passes[1].items()}
    assert service == {k: [figure(v) for v in lists] for k, lists in passes[2].items()}
    assert "SEV3" not in severity and "SEV4" not in severity and "payments" not in service
    assert "2026-04" not in month[0]
    assert service["search"][0] == (2, 3.25, 4.65)  # 1.5 and 5.0: 1.5 + 3.5 * 0.9


def test_nothing_gives_no_figures():
    assert figures_of([], [("checkout", [1, 2])]) == ([{}, {}, {}, {}], {}, {})
