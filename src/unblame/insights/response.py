"""Time to detect, acknowledge, mitigate and resolve: medians and 90th percentiles.

Each figure is (how many values, median, 90th percentile) of one measure's
minutes in one group (a month, a severity, a service), from the incident
rollup (insights.models.IncidentFacts) in scope. A negative or missing
duration counts nowhere. PostgreSQL works the percentiles out itself
(`percentile_cont`, the same linear interpolation between ranks as
scope.percentiles, so the same figures); SQLite has no percentile function,
so its durations are read into Python, grouped and sorted there.
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from operator import is_not, itemgetter
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Value, When
from django.db.models.functions import Cast, Replace
from django.utils import timezone

from unblame.incidents.models import Incident
from unblame.insights.charts import Block, Chart, Series, Table, cells
from unblame.insights.models import IncidentFacts
from unblame.insights.scope import Scope, month_of, month_range, percentiles_of_sorted
from unblame.insights.sql import Joined, plain_rows


@dataclass(frozen=True)
class Measure:
    slug: str
    label: str
    start: str
    end: str


MEASURES = (
    Measure("detect", "Time to detect", "impact_started_at", "detected_at"),
    Measure("acknowledge", "Time to acknowledge", "detected_at", "acknowledged_at"),
    Measure("mitigate", "Time to mitigate", "impact_started_at", "mitigated_at"),
    Measure("resolve", "Time to resolve", "impact_started_at", "resolved_at"),
)
SHARES = (0.5, 0.9)
# (how many values, median, 90th percentile) of one measure in one group.
Figure = tuple[int, float | None, float | None]
NOTHING: Figure = (0, None, None)
# Per measure, each month's figure; per severity or service id, the four measures' figures.
Figures = tuple[list[dict[str, Figure]], dict[int, list[Figure]], dict[int, list[Figure]]]


def response_times(scope: Scope) -> list[Block]:
    facts = scope.rollup(IncidentFacts)
    if connections[facts.db].vendor == "postgresql":
        by_month, by_severity, by_service = figures_in_sql(facts)
    else:
        by_month, by_severity, by_service = figures_on_sqlite(scope, facts)
    blocks = [_measure_by_month(scope, by_month[i], m) for i, m in enumerate(MEASURES)]
    blocks.append(_measures_by(scope, _named(by_severity, "severity"), "by-severity", "Severity"))
    blocks.append(_measures_by(scope, _named(by_service, "service"), "by-service", "Service"))
    return blocks


# -- Python (SQLite) ---------------------------------------------------------------------------

# Filters the kept sorted minutes (insights.digest) cannot answer: days in the viewer's zone,
# a service's incidents alone, a team's.
_LIVE_FILTERS = ("since", "until", "service", "team")


def figures_on_sqlite(scope: Scope, facts: Any) -> Figures:
    """From the kept sorted minutes where the filters allow and they are fresh, else live."""
    from unblame.insights import digest

    data = scope.form.data_or_empty
    if not any(data.get(name) for name in _LIVE_FILTERS):
        severity = data.get("severity")
        with _collector_paused():
            found = digest.figures(facts, severity.pk if severity else None)
        if found is not None:
            return found
    return figures_in_python(facts)


def figures_in_python(facts: Any) -> Figures:
    """The figures from every duration in scope, read into Python and sorted per group."""
    rows = facts.annotate(
        bucket=_bucket(),
        **{f"usable_{m.slug}": _usable_or_below_zero(m.slug) for m in MEASURES},
    ).values_list("bucket", "incident_id", *(f"usable_{m.slug}" for m in MEASURES))
    with _collector_paused():
        return figures_of(plain_rows(rows), _incidents_per_service())


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rows are read and grouped.

    At 100,000 incidents their tuples and the lists made of them set off
    150 to 290 collections a view; over cycles of two such views, ten of
    kept results and ten bare pages, time in collections fell from 75 to
    19 ms a cycle (docs/performance.md). What they make holds no cycles. A
    collector something else turned off is left off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# A (month, severity) bucket read as one number, YYYYMM * SPAN + the severity's id: one
# integer per row costs less to read than a 'YYYY-MM' text and a number.
SPAN = 1 << 32


def _bucket() -> ExpressionWrapper:
    number = Cast(Replace(month_of("declared_at"), Value("-"), Value("")), IntegerField())
    return ExpressionWrapper(number * Value(SPAN) + F("severity_id"), output_field=IntegerField())


def bucket_of(month: str, severity: int) -> int:
    """The bucket number of a 'YYYY-MM' month and a severity id, as _bucket reads it."""
    return int(month.replace("-", "")) * SPAN + severity


def month_and_severity(bucket: int) -> tuple[str, int]:
    number, severity = divmod(bucket, SPAN)
    return f"{number // 100:04d}-{number % 100:02d}", severity


def _usable_or_below_zero(column: str) -> Case:
    # Missing and negative minutes both read as UNUSABLE: sorted, they come
    # first and are cut off in one step (the usable ones are never below 0).
    return Case(When(**{f"{column}__gte": 0}, then=F(column)), default=Value(UNUSABLE))


UNUSABLE = -1.0


def figures_of(rows: list[tuple], services: list[tuple[int, list[int]]]) -> Figures:
    """The figures of rows (bucket_of(month, severity), incident, then each measure's minutes
    or UNUSABLE), with each service's incidents (any of them may be out of these rows).

    Each (month, severity) bucket's values are sorted once; a month's and a
    severity's lists are those sorted runs put together, which sorting merges
    in linear time. Only a service's values are sorted on their own. Values
    are gathered with itemgetter and sorted whole: a Python step per value
    was most of the report's time.
    """
    if not rows:
        return [{} for _ in MEASURES], {}, {}
    # A column at a time: zip(*rows) over 100,000 rows took four times as long.
    keys, incidents, *columns = (list(map(itemgetter(i), rows)) for i in range(len(rows[0])))
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        buckets[key].append(index)
    runs = {month_and_severity(key): _runs(columns, at) for key, at in buckets.items()}
    by_month = [_joined(runs, lambda key: key[0], i) for i in range(len(MEASURES))]
    per_severity = [_joined(runs, lambda key: key[1], i) for i in range(len(MEASURES))]
    by_service = {
        service: [figure_of_sorted(run) for run in runs]
        for service, runs in _service_runs(incidents, columns, services)
    }
    return by_month, _regrouped(per_severity), _any_value(by_service)


# Tables indexed by incident id are used while they are at most this many times as long as
# the ids they are built from and read with; sparser ids go through a dictionary of positions.
DENSE_ENOUGH = 4


def _service_runs(
    incidents: list[int], columns: list[list[float]], services: list[tuple[int, list[int]]]
) -> Iterator[tuple[int, list[list[float]]]]:
    """Each service with each measure's usable minutes of its incidents in the rows, ascending.

    A service's incidents that are not in the rows (out of scope, restricted)
    count nowhere. With ids dense enough, each measure's minutes are put in a
    list at their incident's id (UNUSABLE where no row is) and a service's
    values are read straight from it: mapping 150,000 ids to row positions
    through a dictionary was a third of the services' time.
    """
    if not services:
        return
    memberships = sum(len(ids) for _, ids in services)
    named = [ids for _, ids in services if ids]
    lowest = min(min(incidents), *map(min, named)) if named else min(incidents)
    size = 1 + max(max(incidents), *map(max, named)) if named else 1 + max(incidents)
    # A negative id would read a table from its end.
    if lowest < 0 or size > DENSE_ENOUGH * (len(incidents) + memberships):
        yield from _service_runs_by_position(incidents, columns, services)
        return
    tables = _by_incident(incidents, columns, size)
    for service, ids in services:
        take = itemgetter(*ids) if ids else None
        yield service, [_usable_sorted(take(t)) if take else [] for t in tables]


def _service_runs_by_position(
    incidents: list[int], columns: list[list[float]], services: list[tuple[int, list[int]]]
) -> Iterator[tuple[int, list[list[float]]]]:
    """_service_runs through a dictionary of each incident's row position, for any ids."""
    position = dict(zip(incidents, range(len(incidents)), strict=True))
    in_scope = partial(is_not, None)
    for service, ids in services:
        yield service, _runs(columns, filter(in_scope, map(position.get, ids)))


def _by_incident(incidents: list[int], columns: list[list[float]], size: int) -> list[list]:
    """Each column's values at their incident's id, UNUSABLE at ids with no row."""
    tables = [[UNUSABLE] * size for _ in columns]
    for table, column in zip(tables, columns, strict=True):
        for incident, value in zip(incidents, column, strict=True):
            table[incident] = value
    return tables


def _usable_sorted(values: Any) -> list[float]:
    """The usable values among values (one or a tuple of them), ascending."""
    ordered = sorted(values) if isinstance(values, tuple) else [values]
    # In place: a slice would copy the usable values once more.
    del ordered[: bisect_left(ordered, 0.0)]
    return ordered


def _runs(columns: list[list[float]], positions: Iterable[int]) -> list[list[float]]:
    """Each measure's usable minutes at these positions, ascending."""
    at = list(positions)
    if not at:
        return [[] for _ in columns]
    take = itemgetter(*at)
    return [_usable_sorted(take(column)) for column in columns]


def _joined(runs: dict[tuple[str, int], list[list[float]]], key: Any, measure: int) -> dict:
    """One measure's sorted runs put together per key(bucket), as figures."""
    lists: dict[Any, list[float]] = defaultdict(list)
    for bucket, values in runs.items():
        lists[key(bucket)] += values[measure]
    # Sorting runs already in order only merges them.
    return {k: figure_of_sorted(sorted(values)) for k, values in lists.items() if values}


def _regrouped(per_measure: list[dict[int, Figure]]) -> dict[int, list[Figure]]:
    keys = {key for figures in per_measure for key in figures}
    return {key: [figures.get(key, NOTHING) for figures in per_measure] for key in keys}


def figure(values: list[float]) -> Figure:
    return figure_of_sorted(sorted(values))


def figure_of_sorted(ordered: list[float]) -> Figure:
    median, p90 = percentiles_of_sorted(ordered, *SHARES)
    return len(ordered), median, p90


def _incidents_per_service() -> list[tuple[int, list[int]]]:
    """Each service's incidents, all of them: one row per service, not one per pair.

    Reading the 150,000 pairs of 100,000 incidents row by row was a fifth of
    the report; the ids come back as one text per service instead.
    """
    through = Incident.services.through
    rows = plain_rows(
        through.objects.order_by()
        .values("service_id")
        .annotate(ids=Joined("incident_id"))
        .values_list("service_id", "ids")
    )
    return [(service, list(map(int, ids.split(",")))) for service, ids in rows if ids]


# -- SQL (PostgreSQL) --------------------------------------------------------------------------


def figures_in_sql(facts: Any) -> Figures:
    """The figures grouped and interpolated by PostgreSQL: three grouped queries, few rows back.

    `percentile_cont(share) WITHIN GROUP (ORDER BY minutes)` interpolates
    between the values at floor and ceiling of share * (count - 1), as
    scope.percentiles does, in the same floating-point steps. Months are
    grouped by their first moment (a timestamp), not by their 'YYYY-MM' text:
    sorting 100,000 texts by collation took a third longer.
    """
    inner = facts.values_list("declared_at", "severity_id", "incident_id", *_SLUGS)
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:
        return [{} for _ in MEASURES], {}, {}
    through = Incident.services.through._meta.db_table
    month = "date_trunc('month', f.declared_at AT TIME ZONE %s)"
    zone = [str(timezone.get_current_timezone())]
    groupings = {
        "month": (
            f"SELECT to_char({month}, 'YYYY-MM'), {_aggregates()} FROM ({sql}) f GROUP BY {month}",
            [*zone, *params, *zone],
        ),
        "severity": (
            f"SELECT f.severity_id, {_aggregates()} FROM ({sql}) f GROUP BY f.severity_id",
            params,
        ),
        "service": (
            f"SELECT t.service_id, {_aggregates()} FROM ({sql}) f "
            f"INNER JOIN {through} t ON t.incident_id = f.incident_id GROUP BY t.service_id",
            params,
        ),
    }
    found = {}
    with connections[facts.db].cursor() as cursor:
        for name, (query, values) in groupings.items():
            cursor.execute(query, values)
            found[name] = {row[0]: _measure_figures(row[1:]) for row in cursor.fetchall()}
    by_month = [
        {month: figures[i] for month, figures in found["month"].items() if figures[i][0]}
        for i in range(len(MEASURES))
    ]
    return by_month, _any_value(found["severity"]), _any_value(found["service"])


_SLUGS = tuple(m.slug for m in MEASURES)


def _aggregates() -> str:
    """Per measure, how many usable values and an array of the percentiles (one sort each)."""
    shares = ", ".join(repr(share) for share in SHARES)
    columns = []
    for slug in _SLUGS:
        usable = f"FILTER (WHERE f.{slug} >= 0)"
        columns.append(f"COUNT(f.{slug}) {usable}")
        columns.append(
            f"percentile_cont(ARRAY[{shares}]::float8[]) WITHIN GROUP (ORDER BY f.{slug}) {usable}"
        )
    return ", ".join(columns)


def _measure_figures(cells: tuple) -> list[Figure]:
    """(count, [median, p90] or None) per measure, as Figures."""
    return [
        (int(count), *(map(float, shares) if shares else (None, None)))
        for count, shares in zip(cells[::2], cells[1::2], strict=True)
    ]


def _any_value(groups: dict[int, list[Figure]]) -> dict[int, list[Figure]]:
    return {key: figures for key, figures in groups.items() if any(f[0] for f in figures)}


# -- Blocks ------------------------------------------------------------------------------------


def _named(groups: dict[int, Any], kind: str) -> dict[str, Any]:
    names = _names_by_id(kind)
    return {names[pk]: value for pk, value in groups.items()}


def _measure_by_month(scope: Scope, by_month: dict[str, Figure], measure: Measure) -> Block:
    months = month_range(by_month)
    stats = [by_month.get(m, NOTHING) for m in months]
    chart = Chart(
        f"{measure.label}, median and 90th percentile by month",
        f"Two lines over the months incidents were declared: the median {measure.label.lower()} "
        "and the 90th percentile, in minutes. Months without a value leave a gap.",
        months,
        [Series("Median", [s[1] for s in stats]), Series("90th percentile", [s[2] for s in stats])],
        "minutes",
        kind="line",
        links=[scope.drill(month=m) for m in months],
        id=f"time-{measure.slug}",
    )
    table = Table(
        ["Month", "Incidents with both times", "Median (min)", "90th percentile (min)"],
        [cells(m, *s, links=[scope.drill(month=m)]) for m, s in zip(months, stats, strict=True)],
    )
    return Block(measure.slug, measure.label, _MEASURE_HELP[measure.slug], table, chart)


_MEASURE_HELP = {
    "detect": "From impact starting to someone or something noticing.",
    "acknowledge": "From detection to a responder taking it on.",
    "mitigate": "From impact starting to users no longer being hurt.",
    "resolve": "From impact starting to the underlying problem being fixed.",
}


def _measures_by(scope: Scope, groups: dict[str, list[Figure]], slug: str, label: str) -> Block:
    columns = [label]
    for measure in MEASURES:
        columns += [f"{measure.label} median (min)", f"{measure.label} p90 (min)"]
    filter_key = "severity" if slug == "by-severity" else "service"
    ids = _ids_by_name(filter_key)
    table_rows = []
    for key in sorted(groups):
        values = [v for figure in groups[key] for v in figure[1:]]
        link = _drill_filter(scope, filter_key, ids.get(key))
        table_rows.append(cells(key, *values, links=[link]))
    return Block(
        slug,
        f"By {label.lower()}",
        f"Medians and 90th percentiles of each time, per {label.lower()}.",
        Table(columns, table_rows),
    )


def _ids_by_name(kind: str) -> dict[str, int]:
    return {name: pk for pk, name in _names_by_id(kind).items()}


def _names_by_id(kind: str) -> dict[int, str]:
    from unblame.incidents.models import Service, Severity

    model = Severity if kind == "severity" else Service
    return dict(model.objects.values_list("pk", "name"))


def _drill_filter(scope: Scope, name: str, pk: int | None) -> str:
    return scope.drill(**{name: pk}) if pk else ""
