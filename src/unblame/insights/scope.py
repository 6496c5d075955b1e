"""What every insights view works on: the incidents the viewer may see, filtered, and months.

Months are those an incident was declared in, in the viewer's time zone
(the active zone, which the timezone middleware sets; see insights.sql).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights.filters import InsightFilterForm
from unblame.insights.models import Rollup
from unblame.insights.sql import LocalMonth


@dataclass
class Scope:
    user: Any
    form: InsightFilterForm
    incidents: QuerySet[Incident]

    @classmethod
    def of(cls, request: Any) -> Scope:
        form = InsightFilterForm(request.GET or None)
        return cls(request.user, form, form.incidents(request.user))

    def rollup(self, table: type[Rollup]) -> QuerySet[Any]:
        """The rows of a rollup table for the incidents in scope.

        Rows of unrestricted incidents are read from the table; of the
        restricted ones, only those `visible_incidents` lets the viewer see
        (their own, or all for an admin), so no figure counts a restricted
        incident for anyone who may not see it.
        """
        visible = visible_incidents(self.user)
        if visible.query.is_empty():
            return table.objects.none()
        seen = visible.filter(restricted=True).values("pk")
        rows = table.objects.filter(Q(restricted=False) | Q(incident__in=seen)).order_by()
        return self.form.narrow(rows, incident="incident__")

    def drill(self, **keys: Any) -> str:
        """The list of the incidents behind a bar, point or cell, with the same filters."""
        extra = urlencode({key: value for key, value in keys.items() if value not in (None, "")})
        return "&".join(part for part in (self._drill_base, extra) if part).replace("?&", "?")

    @cached_property
    def _drill_base(self) -> str:
        # Reports link hundreds of cells; the filters are encoded once.
        return f"{reverse('insights:incidents')}?{self.form.query_string()}"


def month_of(field: Any) -> LocalMonth:
    """'YYYY-MM' of a datetime in the viewer's zone, worked out by the database."""
    return LocalMonth(field)


def month_key(value: str | date | datetime | None) -> str:
    if isinstance(value, date | datetime):
        return value.strftime("%Y-%m")
    return value or ""


def month_range(keys: Iterable[str]) -> list[str]:
    """Every month from the first to the last key, so a chart's time axis has no holes."""
    present = sorted(k for k in keys if k)
    if not present:
        return []
    year, month = map(int, present[0].split("-"))
    last = present[-1]
    months = []
    while True:
        key = f"{year:04d}-{month:02d}"
        months.append(key)
        if key >= last:
            return months
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_bounds(key: str) -> tuple[datetime, datetime] | None:
    """Start and end of a "YYYY-MM" month in the active zone, or None when unreadable."""
    try:
        year, month = (int(part) for part in key.split("-"))
        start = date(year, month, 1)
    except ValueError:
        return None
    end = date(year + (month == 12), month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, datetime.min.time(), zone),
        datetime.combine(end, datetime.min.time(), zone),
    )


def percentile(values: list[float], share: float) -> float | None:
    """The value below which `share` of the values fall (linear between ranks); None if empty."""
    return percentiles(values, share)[0]


def percentiles(values: list[float], *shares: float) -> list[float | None]:
    """`percentile` of each share, sorting the values once."""
    return percentiles_of_sorted(sorted(values), *shares)


def percentiles_of_sorted(ordered: list[float], *shares: float) -> list[float | None]:
    """`percentiles` of values already in ascending order (not sorted again)."""
    if not ordered:
        return [None for _ in shares]
    return [_at(ordered, share) for share in shares]


def _at(ordered: list[float], share: float) -> float:
    rank = (len(ordered) - 1) * share
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def minutes(delta: timedelta | None) -> float | None:
    return None if delta is None else delta.total_seconds() / 60
