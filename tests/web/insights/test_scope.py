"""The month arithmetic every report and drill-down shares, in the viewer's zone."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from unblame.insights.scope import minutes, month_bounds, month_key, month_range, percentile

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def test_a_months_bounds_are_its_first_midnight_and_the_next_months_in_the_zone():
    with timezone.override(TOKYO):
        start, end = month_bounds("2026-04")
    assert start == datetime(2026, 4, 1, tzinfo=TOKYO)
    assert end == datetime(2026, 5, 1, tzinfo=TOKYO)
    # In UTC that is 15:00 on the last day of the month before.
    assert start.astimezone(UTC) == datetime(2026, 3, 31, 15, tzinfo=UTC)


def test_december_ends_at_the_next_new_year():
    with timezone.override(UTC):
        assert month_bounds("2025-12") == (
            datetime(2025, 12, 1, tzinfo=UTC),
            datetime(2026, 1, 1, tzinfo=UTC),
        )


def test_a_month_across_a_daylight_saving_change_keeps_local_midnights():
    # New York moves its clocks on 8 March 2026: the month is an hour short of 31 days.
    with timezone.override(NEW_YORK):
        start, end = month_bounds("2026-03")
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=31, hours=-1)
    assert (start.hour, end.hour) == (0, 0)


@pytest.mark.parametrize("key", ["", "March", "2026-13", "2026-00", "2026", "2026-03-01", "x-y"])
def test_an_unreadable_month_has_no_bounds(key):
    assert month_bounds(key) is None


def test_month_keys_from_dates_datetimes_text_and_nothing():
    assert month_key(date(2026, 3, 4)) == "2026-03"
    assert month_key(datetime(2026, 12, 31, 23, tzinfo=UTC)) == "2026-12"
    assert month_key("2026-05") == "2026-05"
    assert month_key(None) == ""


def test_a_single_month_is_its_own_range_and_years_roll_over():
    assert month_range(["2026-03"]) == ["2026-03"]
    assert month_range(["2026-01", "2025-11", "2026-01"]) == ["2025-11", "2025-12", "2026-01"]


def test_minutes_of_a_duration_and_of_nothing():
    assert minutes(timedelta(hours=1, seconds=30)) == 60.5
    assert minutes(timedelta(0)) == 0
    assert minutes(None) is None


def test_percentiles_do_not_depend_on_the_order_given():
    values = [30.0, 10.0, 20.0]
    assert percentile(values, 0.5) == 20.0
    assert values == [30.0, 10.0, 20.0]  # the caller's list is left as it was
    assert percentile([5.0, 5.0, 5.0], 0.9) == 5.0
    assert percentile([0.0, 100.0], 0.25) == 25.0
