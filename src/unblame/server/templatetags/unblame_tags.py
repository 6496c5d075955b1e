"""Template filters for times and durations, loaded into every template."""

from __future__ import annotations

from datetime import datetime, timedelta

from django import template
from django.utils import timezone

register = template.Library()

# How pages write a time ("04 Mar 2026, 12:00"), followed by the zone's name.
TIME_FORMAT = "%d %b %Y, %H:%M"


@register.filter
def local(value: datetime | None, fmt: str = TIME_FORMAT) -> str:
    """A stored UTC datetime in the viewer's zone (activated per request), with the zone's name."""
    if value is None:
        return "—"
    try:
        shown = timezone.localtime(value)
    except OverflowError:
        # A time stored before dates were range-checked, at the edge of the
        # calendar (9999-12-31, year 1): shown in UTC rather than failing the page.
        return f"{value.strftime(fmt)} UTC"
    return f"{shown.strftime(fmt)} {shown.tzname()}"


@register.filter
def iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


@register.filter
def duration(value: timedelta | None) -> str:
    """Human units, largest first: "45 s", "12 min", "1 h 12 min", "2 d 3 h"."""
    if value is None:
        return "—"
    seconds = int(value.total_seconds())
    if seconds < 0:
        return "−" + duration(-value)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"
