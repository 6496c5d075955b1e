"""insights.hours: the minutes of a stretch inside a person's working hours, in their zone.

Each case is worked out by hand in the comment beside it; a property
compares the day-by-day windows with a count of every minute on the
person's wall clock.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.insights.hours import out_of_hours_minutes, working_minutes, zone

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
LONDON = zoneinfo.ZoneInfo("Europe/London")
LORD_HOWE = zoneinfo.ZoneInfo("Australia/Lord_Howe")  # half-hour daylight saving
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_a_stretch_inside_one_working_day_is_all_working():
    # Wednesday 4 March 2026, 10:00-11:30 UTC: London is on GMT.
    assert working_minutes(utc(2026, 3, 4, 10), utc(2026, 3, 4, 11, 30), LONDON) == 90


def test_declared_late_in_the_day_and_running_all_night():
    # Friday 17:30 to Saturday 06:00 in London (GMT): only 17:30-18:00 is working.
    start, end = utc(2026, 3, 6, 17, 30), utc(2026, 3, 7, 6)
    assert working_minutes(start, end, LONDON) == 30
    assert out_of_hours_minutes(750, start, end, LONDON) == 720


def test_a_weekend_has_no_working_hours():
    # Friday 20:00 to Monday 08:00 UTC (GMT): nothing on Saturday or Sunday.
    assert working_minutes(utc(2026, 3, 6, 20), utc(2026, 3, 9, 8), LONDON) == 0
    # Into Monday 10:00: one hour of Monday.
    assert working_minutes(utc(2026, 3, 6, 20), utc(2026, 3, 9, 10), LONDON) == 60


def test_many_days_count_each_working_day_once():
    # Monday 2 March 00:00 to Monday 16 March 00:00 UTC: ten working days of 9 hours.
    assert working_minutes(utc(2026, 3, 2), utc(2026, 3, 16), LONDON) == 10 * 9 * 60
    # A whole 2026 in Tokyo (no daylight saving): 261 weekdays of 9 hours.
    year = working_minutes(
        datetime(2026, 1, 1, tzinfo=TOKYO), datetime(2027, 1, 1, tzinfo=TOKYO), TOKYO
    )
    assert year == 261 * 9 * 60


def test_the_day_the_clocks_go_forward_keeps_nine_to_six_on_the_wall_clock():
    # Sunday 8 March 2026 New York springs forward; Monday 9 March 9:00 EDT is 13:00 UTC.
    # Monday 12:00-14:00 UTC is 08:00-10:00 EDT: one working hour.
    assert working_minutes(utc(2026, 3, 9, 12), utc(2026, 3, 9, 14), NEW_YORK) == 60
    # The Friday before, 13:00-15:00 UTC is 08:00-10:00 EST: one working hour too.
    assert working_minutes(utc(2026, 3, 6, 13), utc(2026, 3, 6, 15), NEW_YORK) == 60
    # Across the change, Friday 00:00 EST to Tuesday 00:00 EDT: Friday and Monday, 9 hours each.
    friday = datetime(2026, 3, 6, tzinfo=NEW_YORK)
    tuesday = datetime(2026, 3, 10, tzinfo=NEW_YORK)
    # Given in the zone itself (same-zone datetimes subtract as wall clocks), and in UTC.
    assert tuesday.astimezone(UTC) - friday.astimezone(UTC) == timedelta(days=4, hours=-1)
    assert working_minutes(friday, tuesday, NEW_YORK) == 18 * 60
    # 08:00 EST Friday to 10:00 EDT Monday in the zone's own datetimes: 9 + 1 hours.
    monday = datetime(2026, 3, 9, 10, tzinfo=NEW_YORK)
    assert working_minutes(datetime(2026, 3, 6, 8, tzinfo=NEW_YORK), monday, NEW_YORK) == 600
    # Sunday 01:00 EST to 04:00 EDT is two real hours, none working, none counted twice.
    sunday = datetime(2026, 3, 8, 1, tzinfo=NEW_YORK)
    assert out_of_hours_minutes(120.0, sunday, sunday.replace(hour=4), NEW_YORK) == 120


def test_a_working_day_on_which_the_clocks_change_back():
    # Sunday 25 October 2026 London falls back, a Sunday: Monday 26 is on GMT.
    # Friday 23 (BST) 08:00-09:00 UTC is 09:00-10:00: working; Monday 08:00-09:00 UTC is not.
    assert working_minutes(utc(2026, 10, 23, 8), utc(2026, 10, 23, 9), LONDON) == 60
    assert working_minutes(utc(2026, 10, 26, 8), utc(2026, 10, 26, 9), LONDON) == 0
    # Lord Howe moves by half an hour (Sunday 5 April 2026, 02:00 back to 01:30).
    # Monday 6 April 9:00 at +10:30 is Sunday 22:30 UTC.
    assert working_minutes(utc(2026, 4, 5, 22), utc(2026, 4, 5, 23), LORD_HOWE) == 30


def test_zero_length_reversed_and_open_stretches_have_no_working_minutes():
    at = utc(2026, 3, 4, 12)
    assert working_minutes(at, at, LONDON) == 0
    assert working_minutes(at, at - timedelta(hours=1), LONDON) == 0
    assert working_minutes(at, None, LONDON) == 0


@pytest.mark.parametrize("minutes", [None, 0, -30.0])
def test_no_hours_means_no_hours_out(minutes):
    # Open, zero-length or resolved before declared: the rollup counts no hours, nor out.
    at = utc(2026, 3, 7, 12)  # a Saturday
    end = None if minutes is None else at + timedelta(minutes=minutes)
    assert out_of_hours_minutes(minutes, at, end, LONDON) is None


def test_hours_out_never_exceed_the_hours_counted():
    # A database's minutes may differ from Python's in the last float digits.
    start, end = utc(2026, 3, 7, 12), utc(2026, 3, 7, 13)  # a Saturday hour
    assert out_of_hours_minutes(59.9999999, start, end, LONDON) == 59.9999999
    start, end = utc(2026, 3, 4, 12), utc(2026, 3, 4, 13)  # a Wednesday's working hour
    assert out_of_hours_minutes(60.0000001, start, end, LONDON) == pytest.approx(0, abs=1e-6)
    assert out_of_hours_minutes(59.9999, start, end, LONDON) == 0


def test_an_unknown_zone_is_utc():
    assert zone("Mars/Olympus").key == "UTC"
    assert zone("../etc/passwd").key == "UTC"
    assert zone("Asia/Tokyo") == TOKYO


def _by_the_minute(start, end, where):
    """Every minute of the stretch read on the wall clock: the slow, obvious count."""
    count, at = 0, start
    while at < end:
        local = at.astimezone(where)
        count += local.weekday() < 5 and 9 <= local.hour < 18
        at += timedelta(minutes=1)
    return count


@settings(max_examples=examples(60), deadline=None)
@given(
    start=st.integers(0, 60 * 24 * 400),  # minutes after 1 January 2026: both changes of clock
    length=st.integers(0, 60 * 24 * 9),
    where=st.sampled_from([NEW_YORK, LONDON, LORD_HOWE, TOKYO, zoneinfo.ZoneInfo("UTC")]),
)
def test_day_by_day_agrees_with_counting_every_minute(start, length, where):
    begin = utc(2026, 1, 1) + timedelta(minutes=start)
    end = begin + timedelta(minutes=length)
    assert working_minutes(begin, end, where) == _by_the_minute(begin, end, where)
    if length:
        out = out_of_hours_minutes(float(length), begin, end, where)
        assert out == length - _by_the_minute(begin, end, where)
