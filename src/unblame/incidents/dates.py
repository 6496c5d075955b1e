"""The one range every stored date and time must fall in, whatever it came from.

Python's datetime stops at years 1 and 9999: a stored 9999-12-31 23:59 UTC
cannot be shown in a time zone ahead of UTC, nor year 1 in one behind it, and
the page that tries is a server error. Alert webhooks, imported files, chat
exports and list filters all pass their dates through `check_time` or
`check_day`, which refuse anything outside 1970..2100 with a reason.

No Django here: the Markdown parser (reviews/mdio) uses it without a server.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

EARLIEST_YEAR = 1970
LATEST_YEAR = 2100
EARLIEST = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC)
# The first instant that is too late: the range is EARLIEST <= t < LATEST.
LATEST = datetime(LATEST_YEAR + 1, 1, 1, tzinfo=UTC)
RANGE_TEXT = f"between {EARLIEST_YEAR} and {LATEST_YEAR}"


class DateOutOfRange(ValueError):
    """A date or time outside the range unblame stores; the message says which and why."""


def check_time(value: datetime, what: str = "time") -> datetime:
    """The value, made timezone-aware (naive means UTC), if it lies in the range.

    Raises DateOutOfRange naming `what` otherwise.
    """
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    try:
        inside = EARLIEST <= aware < LATEST
    except OverflowError:  # an offset that pushes year 1 or 9999 off the calendar
        inside = False
    if not inside:
        raise DateOutOfRange(f"{what} {value.isoformat()} is not {RANGE_TEXT}")
    return aware


def check_day(value: date, what: str = "date") -> date:
    """The day, if its year lies in the range; raises DateOutOfRange otherwise."""
    if isinstance(value, datetime):
        value = value.date()
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise DateOutOfRange(f"{what} {value.isoformat()} is not {RANGE_TEXT}")
    return value
