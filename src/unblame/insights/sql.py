"""Date arithmetic the database does itself, so reports never parse rows in Python.

Django's time-zone-aware TruncMonth and Extract, and its duration
subtraction, run as Python functions per row on SQLite; at 100,000
incidents that was most of a report's time. These expressions compile to
SQLite's own strftime and julianday (a time zone becomes a CASE of UTC
offsets, one per daylight-saving period) and to PostgreSQL's AT TIME ZONE,
to_char and EXTRACT.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Aggregate, CharField, F, FloatField, Func, IntegerField
from django.utils import timezone

# Daylight-saving periods are worked out for this span around today; an
# incident outside it is read with the offset at the nearer end.
YEARS_BACK, YEARS_AHEAD = 15, 2


@lru_cache(maxsize=64)
def _offsets(zone: tzinfo, year: int) -> tuple[tuple[datetime, int], ...]:
    """(UTC instant, offset in seconds from then on) for each change of the zone's offset."""
    start = datetime(year - YEARS_BACK, 1, 1, tzinfo=UTC)
    end = datetime(year + YEARS_AHEAD, 1, 1, tzinfo=UTC)

    def offset(at: datetime) -> int:
        return int(at.astimezone(zone).utcoffset().total_seconds())  # type: ignore[union-attr]

    changes = [(start, offset(start))]
    day = start
    while day < end:
        following = day + timedelta(days=1)
        if offset(following) != changes[-1][1]:
            hour = day
            while offset(hour) == changes[-1][1]:
                hour += timedelta(hours=1)
            changes.append((hour, offset(hour)))
        day = following
    return tuple(changes)


def _sqlite_modifier(column: str, zone: tzinfo, connection: Any) -> tuple[str, list[Any]]:
    """SQL giving the strftime modifier ('+3600 seconds') that turns UTC into `zone`'s time."""
    changes = _offsets(zone, timezone.now().year)
    if len(changes) == 1:
        return "%s", [f"{changes[0][1]:+d} seconds"]
    # Newest change first: incidents are mostly recent, so most rows stop at
    # one of the first WHENs instead of walking the 15 years before them
    # (oldest first, the out-of-hours CASE was half of responder load's time).
    sql, params = ["CASE"], []
    for since, offset in reversed(changes[1:]):
        sql.append(f"WHEN {column} >= %s THEN %s")
        params += [connection.ops.adapt_datetimefield_value(since), f"{offset:+d} seconds"]
    sql.append("ELSE %s END")
    params.append(f"{changes[0][1]:+d} seconds")
    return " ".join(sql), params


def _always_utc(zone: tzinfo) -> bool:
    """Whether the zone's offset is 0 throughout the span worked out (UTC, Etc/UTC, ...)."""
    changes = _offsets(zone, timezone.now().year)
    return len(changes) == 1 and changes[0][1] == 0


class _Local(Func):
    """A part of a datetime read in a time zone (the active one unless given)."""

    sqlite_format = ""
    postgres_template = ""

    def __init__(self, field: Any, zone: tzinfo | None = None) -> None:
        super().__init__(F(field) if isinstance(field, str) else field)
        self.zone = zone or timezone.get_current_timezone()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        # Columns (or COALESCE of columns) compile without parameters; the CASE repeats them.
        assert not params, "a local date part is taken of columns"
        if self.utc_prefix and _always_utc(self.zone):
            # Stored moments are UTC text ('YYYY-MM-DD HH:MM:SS[.ffffff]'), so in
            # UTC the part is their first characters: strftime parsed each one
            # again (a third of a monthly grouping over 87,000 rows).
            return f"substr({column}, 1, {self.utc_prefix})", []
        modifier, modifier_params = _sqlite_modifier(column, self.zone, connection)
        # A literal % is written %% in SQL with parameters (the backend turns it back).
        fmt = self.sqlite_format.replace("%", "%%")
        sql = self.sqlite_wrap.format(f"strftime('{fmt}', {column}, {modifier})")
        return sql, modifier_params

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        local = f"({column} AT TIME ZONE %s)"
        # A template may read the local moment more than once, each with its parameters.
        uses = self.postgres_template.count("{")
        return self.postgres_template.format(local), [*params, str(self.zone)] * uses

    sqlite_wrap = "{}"
    # How many leading characters of the stored UTC text are the part in UTC (0: none are).
    utc_prefix = 0


class LocalMonth(_Local):
    """'YYYY-MM' of the datetime in the zone."""

    output_field = CharField()
    sqlite_format = "%Y-%m"
    utc_prefix = 7
    postgres_template = "to_char({}, 'YYYY-MM')"


class LocalHour(_Local):
    output_field = IntegerField()
    sqlite_format = "%H"
    sqlite_wrap = "CAST({} AS INTEGER)"
    postgres_template = "CAST(EXTRACT(HOUR FROM {}) AS INTEGER)"


class LocalIsoWeekday(_Local):
    """1 for Monday to 7 for Sunday, in the zone."""

    output_field = IntegerField()
    sqlite_format = "%w"
    # %w counts from Sunday = 0.
    sqlite_wrap = "((CAST({} AS INTEGER) + 6) %% 7 + 1)"
    postgres_template = "CAST(EXTRACT(ISODOW FROM {}) AS INTEGER)"


class LocalDayHour(_Local):
    """100 * the day of the week (0 for Sunday to 6 for Saturday) + the hour, in the zone.

    Both parts from one conversion: responder load asks whether each of
    300,000 moments falls in working hours, and a day and an hour taken
    apart converted every moment twice.
    """

    output_field = IntegerField()
    sqlite_format = "%w%H"
    sqlite_wrap = "CAST({} AS INTEGER)"
    postgres_template = "CAST(EXTRACT(DOW FROM {0}) * 100 + EXTRACT(HOUR FROM {0}) AS INTEGER)"


class Minutes(Func):
    """Minutes from `start` to `end` as a number (None when either is missing)."""

    output_field = FloatField()

    def __init__(self, start: str, end: str) -> None:
        super().__init__(F(end), F(start))

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        (end, end_params), (start, start_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return f"((julianday({end}) - julianday({start})) * 1440.0)", [*end_params, *start_params]

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        (end, end_params), (start, start_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 60.0)", [*end_params, *start_params]


class Joined(Aggregate):
    """A group's integers as one comma-separated text (SQLite's group_concat), in no set order.

    For many small values read back into Python: one text per group costs
    far less to read than a row per value.
    """

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra,
        )


def plain_rows(queryset: Any) -> list[tuple[Any, ...]]:
    """A values_list's rows as the driver gives them, without Django's converter call per cell.

    For text, integers and numbers only: PostgreSQL's numeric results (an
    EXTRACT divided) come back as Decimal and are turned into floats, as the
    FloatField converter would. Reading 100,000 rows through the converters
    was a fifth of the response report's time.
    """
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if connections[queryset.db].vendor == "sqlite":
        return rows
    return [tuple(float(v) if isinstance(v, Decimal) else v for v in row) for row in rows]
