"""How much of a stretch of time fell in a person's working hours, in their own time zone.

Working hours are Monday to Friday, 9:00 to 18:00 on the person's wall
clock (insights.reports.WORK_START, WORK_END, WORK_DAYS). Each day's window
is placed by zoneinfo, so a day that changes the clock keeps its 9:00 and
18:00 where the clock says them; the overlap is measured in real (UTC)
minutes, as rollups measure an incident's hours.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, time, timedelta, tzinfo

WORK_START, WORK_END = time(9), time(18)
WORK_WEEKDAYS = range(0, 5)  # date.weekday(): Monday 0 to Friday 4


def zone(name: str) -> tzinfo:
    """The named time zone, UTC for an unknown or malformed name."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def working_minutes(start: datetime, end: datetime | None, where: tzinfo) -> float:
    """Minutes between `start` and `end` inside working hours in `where` (0 if not after).

    Day by day in the zone: each working day's 9:00 to 18:00 is made an aware
    moment and clipped to the stretch. An open stretch (`end` None) has none.
    """
    if end is None or end <= start:
        return 0.0
    # Aware datetimes of one tzinfo subtract as wall clocks (an hour lost to the
    # clocks would count): every moment is compared and subtracted in UTC.
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    day = start.astimezone(where).date()
    last = end.astimezone(where).date()
    total = timedelta()
    while day <= last:
        if day.weekday() in WORK_WEEKDAYS:
            opens = datetime.combine(day, WORK_START, tzinfo=where).astimezone(UTC)
            closes = datetime.combine(day, WORK_END, tzinfo=where).astimezone(UTC)
            overlap = min(end, closes) - max(start, opens)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return total.total_seconds() / 60


def out_of_hours_minutes(
    minutes: float | None, start: datetime, end: datetime | None, where: tzinfo
) -> float | None:
    """Of an incident's `minutes` (as rollups count them), those outside working hours.

    None where the incident has no hours (open, or resolved before declared),
    so the figure is summed over exactly the rows its hours are.
    """
    if not minutes or minutes <= 0:
        return None
    return max(0.0, min(minutes, minutes - working_minutes(start, end, where)))
