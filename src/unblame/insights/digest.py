"""Response times on SQLite from kept sorted minutes (insights.models.ResponseDigest).

SQLite has no percentile function, so the report's figures need every
duration in order. Rather than read and sort 100,000 incidents' minutes on
each uncached view, the minutes of the unrestricted incidents are kept
sorted per group:

- a month row per (UTC month, severity): incidents declared in that month,
  except on its first or last day (UTC). Any other day is in the same month
  in every zone (offsets are under a day), so the row is the same whatever
  zone the viewer reads months in; the edge days are read live.
- a service row per (service, severity): every incident of that service.

A view with no filter but severity reads these rows and, live, only what
they leave out: the restricted incidents the viewer may see (their
months, severities and services), the unrestricted ones declared on a
month's edge days, and the incidents of any group marked stale since it was
last written. Each group's lists are put together and sorted (runs already
in order, so sorting merges them) and its figures taken as before: the
same values, so the same figures, not close ones.

Rows are marked stale by SQLite triggers on the incident rollup and the
incident-service link (migration 0007), whatever writes them, and written
again by `refresh_stale`, which every rollup refresh and rebuild runs in its
transaction. Other filters (dates in the viewer's zone, a service, a team)
read live as before (response.figures_in_python).
"""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from functools import reduce
from operator import or_
from typing import Any

from django.db import connections, transaction
from django.db.models import BooleanField, CharField, Func, Max, Min, Q

from unblame.incidents.models import Incident
from unblame.insights.models import IncidentFacts, ResponseDigest
from unblame.insights.sql import plain_rows

SLUGS = ("detect", "acknowledge", "mitigate", "resolve")
# A month row's service: none (service rows have month ""); a row of every severity.
NO_SERVICE = 0
ANY_SEVERITY = 0
# More stale groups than this and the view reads every incident live instead (as right as the
# rows, only slower): after the migration, before a refresh or rebuild has written them.
STALE_LIMIT = 24

# Months of history up to which a month's edge days are looked up as ranges of declared_at.
MAX_RANGES = 240

Key = tuple[str, int, int]  # (month or "", severity id, service id or NO_SERVICE)


class MonthEdge(Func):
    """Whether a stored UTC moment falls on the first or last day of its month (SQLite)."""

    output_field = BooleanField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        assert not params, "a month edge is taken of a column"
        day = f"substr({column}, 9, 2)"
        # The day after the last is the 1st; days before the 28th are never last. The date
        # alone: date() of the whole moment rounds to milliseconds (23:59:59.9999 is the next
        # day), and the stored text's day is what the rows are kept by.
        after = f"date(substr({column}, 1, 10), '+1 day')"
        last = f"({day} >= '28' AND substr({after}, 9, 2) = '01')"
        return f"({day} = '01' OR {last})", []


class UtcMonth(Func):
    """'YYYY-MM' of a stored UTC moment (SQLite: its first seven characters)."""

    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        return f"substr({column}, 1, 7)", params


def pack(values: Iterable[float]) -> bytes:
    """Values as little-endian doubles, ascending."""
    packed = array("d", sorted(values))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack(blob: bytes | None) -> array:
    values = array("d")
    if blob:
        values.frombytes(blob)
        if sys.byteorder == "big":
            values.byteswap()
    return values


# -- Writing the rows --------------------------------------------------------------------------


def refresh_stale(using: str = "default") -> int:
    """Write every stale row again from the incident rollup and the links; how many were.

    A no-op on PostgreSQL (no triggers mark anything there). Run inside the
    transaction that wrote the rollup rows, so no reader sees a row written
    from rows not yet committed.
    """
    if connections[using].vendor != "sqlite":
        return 0
    stale = list(
        ResponseDigest.objects.using(using)
        .filter(stale=True)
        .values_list("month", "severity_id", "service_id")
    )
    if not stale:
        return 0
    found: dict[Key, list[list[float]]] = {key: [[] for _ in SLUGS] for key in stale}
    months = [(m, s) for m, s, service in stale if service == NO_SERVICE]
    services = [(s, service) for _, s, service in stale if service != NO_SERVICE]
    for month, severity, *values in _month_rows(using, months):
        _add(found.get((month, severity, NO_SERVICE)), values)
        _add(found.get((month, ANY_SEVERITY, NO_SERVICE)), values)
    for service, severity, *values in _service_rows(using, services):
        _add(found.get(("", severity, service)), values)
        _add(found.get(("", ANY_SEVERITY, service)), values)
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"UPDATE {ResponseDigest._meta.db_table} SET stale = 0, "
            + ", ".join(f"{slug} = %s" for slug in SLUGS)
            + " WHERE month = %s AND severity_id = %s AND service_id = %s",
            [(*map(pack, lists), *key) for key, lists in found.items()],
        )
    return len(stale)


def mark_all(using: str = "default") -> None:
    """Mark every group stale, and add a stale row for any group without one (SQLite).

    A rebuild runs this before refresh_stale, so the rows are written again
    from the rollup even where no trigger fired (rows left as they were, or
    kept rows lost).
    """
    if connections[using].vendor != "sqlite":
        return
    table = ResponseDigest._meta.db_table
    facts = IncidentFacts._meta.db_table
    links = Incident.services.through._meta.db_table
    upsert = "ON CONFLICT(month, severity_id, service_id) DO UPDATE SET stale = 1"
    with connections[using].cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET stale = 1")
        for severity in ("f.severity_id", "0"):
            cursor.execute(
                f"INSERT INTO {table} (month, severity_id, service_id, stale) "
                f"SELECT DISTINCT substr(f.declared_at, 1, 7), {severity}, 0, 1 FROM {facts} f "
                f"WHERE true {upsert}"
            )
            cursor.execute(
                f"INSERT INTO {table} (month, severity_id, service_id, stale) "
                f"SELECT DISTINCT '', {severity}, l.service_id, 1 FROM {facts} f "
                f"INNER JOIN {links} l ON l.incident_id = f.incident_id WHERE true {upsert}"
            )


def _add(lists: list[list[float]] | None, values: list[float | None]) -> None:
    if lists is None:
        return
    for kept, value in zip(lists, values, strict=True):
        if value is not None and value >= 0:
            kept.append(value)


def _month_rows(using: str, months: list[tuple[str, int]]) -> list[tuple]:
    """(UTC month, severity, minutes...) of the unrestricted incidents off the month edges."""
    if not months:
        return []
    rows = IncidentFacts.objects.using(using).filter(restricted=False).order_by()
    rows = rows.annotate(edge=MonthEdge("declared_at"), utc_month=UtcMonth("declared_at"))
    rows = rows.filter(edge=False)
    if len(months) <= STALE_LIMIT:
        rows = rows.filter(reduce(or_, (_month_range(m) for m, _ in months)))
    return plain_rows(rows.values_list("utc_month", "severity_id", *SLUGS))


def _service_rows(using: str, services: list[tuple[int, int]]) -> list[tuple]:
    """(service, severity, minutes...) of the unrestricted incidents of these services."""
    if not services:
        return []
    rows = IncidentFacts.objects.using(using).filter(restricted=False).order_by()
    if len(services) <= STALE_LIMIT:
        links = Incident.services.through.objects.filter(service_id__in={s for _, s in services})
        rows = rows.filter(incident_id__in=links.values("incident_id"))
    links = Incident.services.through._meta.db_table
    sql, params = rows.values_list("incident_id", "severity_id", *SLUGS).query.sql_with_params()
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT l.service_id, f.severity_id, {', '.join(f'f.{s}' for s in SLUGS)} "
            f"FROM ({sql}) f INNER JOIN {links} l ON l.incident_id = f.incident_id",
            params,
        )
        return cursor.fetchall()


def _month_range(month: str) -> Q:
    """The moments of a UTC 'YYYY-MM' month, as a range of declared_at (its index reads it)."""
    year, number = map(int, month.split("-"))
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return Q(declared_at__gte=start, declared_at__lt=end)


def _edge_ranges(using: str) -> list[Q]:
    """Ranges of declared_at holding every month's first and last day, from the first
    incident's month to the last's (each a month's last day and the next one's first)."""
    rows = IncidentFacts.objects.using(using)
    # One aggregate each: SQLite reads a lone MIN or MAX from the end of the index.
    first = rows.aggregate(first=Min("declared_at"))["first"]
    last = rows.aggregate(last=Max("declared_at"))["last"]
    if first is None or last is None:
        return []
    ranges = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        start = datetime(year, month, 1, tzinfo=UTC)
        ranges.append(Q(declared_at__gte=start - timedelta(days=1)))
        ranges[-1] &= Q(declared_at__lt=start + timedelta(days=1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    # The last month's last day.
    end = datetime(year, month, 1, tzinfo=UTC)
    ranges.append(Q(declared_at__gte=end - timedelta(days=1), declared_at__lt=end))
    return ranges


# -- Reading them ------------------------------------------------------------------------------


class _Union:
    """Two ascending sequences read as their merged order, without merging them.

    percentiles_of_sorted reads a few ranks of it; each is found in
    O(log n) steps, so a group's kept minutes are never copied.
    """

    def __init__(self, kept: Sequence[float], more: list[float]) -> None:
        self.kept, self.more = kept, more

    def __len__(self) -> int:
        return len(self.kept) + len(self.more)

    def __getitem__(self, rank: int) -> float:
        return kth(self.kept, self.more, rank)


def kth(a: Sequence[float], b: Sequence[float], rank: int) -> float:
    """The value at `rank` (from 0) of ascending a and b merged."""
    if not 0 <= rank < len(a) + len(b):
        raise IndexError(rank)
    # j: how many of the first rank + 1 values come from b.
    low, high = max(0, rank + 1 - len(a)), min(rank + 1, len(b))
    while low < high:
        j = (low + high) // 2
        i = rank + 1 - j
        if i > 0 and b[j] < a[i - 1]:
            low = j + 1  # b's next is below a's last taken: take more of b
        else:
            high = j
    i = rank + 1 - low
    if i == 0:
        return b[low - 1]
    if low == 0:
        return a[i - 1]
    return max(a[i - 1], b[low - 1])


def _figure(kept: Sequence[float], more: list[float]) -> Any:
    from unblame.insights.response import figure_of_sorted

    more.sort()
    return figure_of_sorted(_Union(kept, more) if more else kept)  # type: ignore[arg-type]


def figures(facts: Any, severity: int | None) -> Any:
    """response.Figures of `facts` (a scope's incident rollup with no filter but severity)
    from the rows and what they leave out; None when too many rows are stale to be worth it.

    A month's and a service's figures are its row (of `severity`, or of every
    severity) and the values read live, taken rank by rank from the two
    without merging them; a severity's are its months' rows merged.
    """
    from unblame.insights import response

    if facts.query.is_empty():
        return [{} for _ in SLUGS], {}, {}
    db = facts.db
    with transaction.atomic(using=db):  # one snapshot for the rows and the live part
        kept = ResponseDigest.objects.using(db).values_list(
            "month", "severity_id", "service_id", "stale", *SLUGS
        )
        if severity is not None:
            kept = kept.filter(severity_id__in=(severity, ANY_SEVERITY))
        rows = list(kept)
        stale_months = {m for m, _, service, stale, *_ in rows if stale and service == NO_SERVICE}
        stale_services = {service for _, _, service, stale, *_ in rows if stale and service}
        if len(stale_months) + len(stale_services) > STALE_LIMIT:
            return None
        restricted = plain_rows(
            facts.filter(restricted=True)
            .annotate(bucket=response._bucket())
            .values_list("incident_id", "bucket", *SLUGS)
        )
        edges = _live_edges(facts, stale_months)
        services = _live_services(facts, stale_services)
    wanted = ANY_SEVERITY if severity is None else severity
    empty = [array("d") for _ in SLUGS]
    by_month_row: dict[str, list[array]] = {}
    by_service_row: dict[int, list[array]] = {}
    per_severity: dict[int, list[list[float]]] = defaultdict(lambda: [[] for _ in SLUGS])
    for month, sev, service, stale, *blobs in rows:
        if stale or (service and service in stale_services) or month in stale_months:
            continue
        values = [unpack(blob) for blob in blobs]
        if service:
            if sev == wanted:
                by_service_row[service] = values
        elif sev == ANY_SEVERITY:
            if severity is None:
                by_month_row[month] = values
        else:
            if severity is not None and sev == severity:
                by_month_row[month] = values
            for lists, more in zip(per_severity[sev], values, strict=True):
                lists += more
    per_month: dict[str, list[list[float]]] = defaultdict(lambda: [[] for _ in SLUGS])
    per_service: dict[int, list[list[float]]] = defaultdict(lambda: [[] for _ in SLUGS])
    month_of_bucket: dict[int, tuple[str, int]] = {}
    for bucket, *values in [row[1:] for row in restricted] + edges:
        month, sev = month_of_bucket.get(bucket) or month_of_bucket.setdefault(
            bucket, response.month_and_severity(bucket)
        )
        _add(per_month[month], values)
        _add(per_severity[sev], values)
    for service, *values in services:
        _add(per_service[service], values)
    by_month = [
        {
            month: figure
            for month in by_month_row.keys() | per_month.keys()
            if (
                figure := _figure(
                    by_month_row.get(month, empty)[i],
                    per_month[month][i] if month in per_month else [],
                )
            )[0]
        }
        for i in range(len(SLUGS))
    ]
    by_severity = {
        sev: [_figure(values, []) for values in map(_sorted, lists)]
        for sev, lists in per_severity.items()
    }
    by_service = {
        service: [
            _figure(
                by_service_row.get(service, empty)[i],
                per_service[service][i] if service in per_service else [],
            )
            for i in range(len(SLUGS))
        ]
        for service in by_service_row.keys() | per_service.keys()
    }
    return by_month, response._any_value(by_severity), response._any_value(by_service)


def _sorted(values: list[float]) -> list[float]:
    # Runs already in order (the months' rows) with the live values after them: sorting
    # merges the runs.
    values.sort()
    return values


def _live_edges(facts: Any, stale_months: set[str]) -> list[tuple]:
    """(bucket, minutes...) of the unrestricted incidents in scope the month rows leave out:
    those declared on a month's first or last day and those of stale months."""
    from unblame.insights import response

    ranges = _edge_ranges(facts.db)
    # Decades of history: one scan testing each row rather than thousands of ORs (SQLite
    # refuses expressions nested 1,000 deep).
    edge = Q(edge=True)
    terms = [edge] if len(ranges) > MAX_RANGES else [rng & edge for rng in ranges]
    terms += [_month_range(month) for month in stale_months]
    if not terms:
        return []
    rows = (
        facts.filter(restricted=False)
        .annotate(edge=MonthEdge("declared_at"), bucket=response._bucket())
        .filter(reduce(or_, terms))
    )
    return plain_rows(rows.values_list("bucket", *SLUGS))


def _live_services(facts: Any, stale_services: set[int]) -> list[tuple]:
    """(service, minutes...) per link of the incidents in scope the service rows leave out:
    the restricted ones, and the unrestricted ones of stale services."""
    links = Incident.services.through.objects.order_by()
    left_out = Q(restricted=True)
    if stale_services:
        of_stale = links.filter(service_id__in=stale_services).values("incident_id")
        left_out |= Q(restricted=False, incident_id__in=of_stale)
    rows = plain_rows(facts.filter(left_out).values_list("incident_id", "restricted", *SLUGS))
    if not rows:
        return []
    by_incident = {row[0]: row for row in rows}
    pairs = plain_rows(
        links.filter(incident_id__in=facts.filter(left_out).values("incident_id")).values_list(
            "service_id", "incident_id"
        )
    )
    found = []
    for service, incident in pairs:
        _, restricted, *values = by_incident[incident]
        if restricted or service in stale_services:
            found.append((service, *values))
    return found
