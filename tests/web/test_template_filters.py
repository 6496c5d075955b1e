from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from unblame.server.templatetags.unblame_tags import duration, local


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (timedelta(seconds=45), "45 s"),
        (timedelta(minutes=12), "12 min"),
        (timedelta(hours=1, minutes=12), "1 h 12 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(days=2, hours=3, minutes=5), "2 d 3 h"),
        (timedelta(days=1), "1 d"),
        (timedelta(0), "0 s"),
        (None, "—"),
    ],
)
def test_duration_uses_human_units(value, shown):
    assert duration(value) == shown


def test_duration_shows_a_negative_span():
    assert duration(timedelta(minutes=-5)) == "−5 min"


def test_local_shows_utc_in_the_active_zone():
    value = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    with timezone.override(ZoneInfo("Europe/Paris")):
        assert local(value) == "01 Jul 2026, 14:00 CEST"


def test_local_shows_a_dash_for_nothing():
    assert local(None) == "—"
