"""Common words are ranked among the newest WINDOW matches; how PostgreSQL finds that window.

Counting back to the WINDOW-th newest match reads many rows when a word is
neither rare nor common; PostgreSQL then places the window with the
planner's estimate of the matches (estimated_floor) instead of counting.
"""

from __future__ import annotations

import pytest
from django.db import connection

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights import search as search_module
from unblame.insights.models import SearchEntry
from unblame.insights.search import WINDOW, estimated_floor, search

from ..conftest import NOW

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite counts its window in FTS5"
)


def test_no_floor_when_all_the_matches_fit_in_the_window():
    assert estimated_floor(1, 1000, WINDOW) == 0
    assert estimated_floor(1, 1000, 1) == 0
    assert estimated_floor(1, 1000, 0) == 0


def test_the_floor_leaves_the_window_share_of_the_ids_above_it():
    # Matches spread evenly: twice the window's matches, the window is the newest half.
    assert estimated_floor(1, 1000, 2 * WINDOW) == 500
    assert estimated_floor(1001, 2000, 4 * WINDOW) == 1750
    assert estimated_floor(1, 1_000_000, 100 * WINDOW) == 990_000


def test_the_floor_is_never_below_the_first_id():
    # An estimate above the texts there are (stale statistics) still gives ids that exist.
    assert estimated_floor(500, 500, 10 * WINDOW) == 500
    assert estimated_floor(7, 9, 1e9) >= 7


def _gazebos(sev2, count):
    for n in range(count):
        Incident.objects.create(title=f"Gazebo {n}", severity=sev2, declared_at=NOW)
    return list(
        SearchEntry.objects.filter(kind="incident").order_by("-pk").values_list("pk", flat=True)
    )


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE insights_searchentry")


@on_postgres
def test_a_large_index_places_the_window_by_estimate(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 40)
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 10)
    monkeypatch.setattr(search_module, "EXACT_SCAN", 0)

    def counted(*args):
        raise AssertionError("counted instead of estimated")

    monkeypatch.setattr(search_module._Postgres, "_counted_floor", counted)
    found = search(visible_incidents(admin), "gazebo", limit=5)
    # All forty match: the window is about the newest ten.
    assert len(found) == 5
    window = set(newest_first[:12])
    assert {hit.entry_id for hit in found} <= window


@on_postgres
def test_a_small_index_counts_its_window_exactly(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 12)
    monkeypatch.setattr(search_module, "WINDOW", 3)

    def estimated(*args):
        raise AssertionError("estimated instead of counted")

    monkeypatch.setattr(search_module._Postgres, "_estimated_matches", estimated)
    found = search(visible_incidents(admin), "gazebo", limit=3)
    assert {hit.entry_id for hit in found} == set(newest_first[:3])


@on_postgres
def test_a_rare_word_on_a_large_index_is_ranked_among_all_its_matches(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 30)
    Incident.objects.filter(title="Gazebo 0").update(summary="The only heron sighting.")
    Incident.objects.get(title="Gazebo 0").save()
    _analyze()
    monkeypatch.setattr(search_module, "EXACT_SCAN", 0)
    found = search(visible_incidents(admin), "heron")
    # The oldest text holds it; an estimate of fewer matches than the window sets no floor.
    assert [hit.incident.title for hit in found] == ["Gazebo 0"]
    assert found[0].entry_id not in newest_first[:10]


@on_postgres
def test_the_estimate_the_window_uses_follows_the_statistics(sev2):
    _gazebos(sev2, 50)
    _analyze()
    backend = search_module._Postgres()
    texts, low, high = backend._extent()
    assert texts == SearchEntry.objects.count()
    assert (low, high) == (
        SearchEntry.objects.order_by("pk")[0].pk,
        SearchEntry.objects.latest("pk").pk,
    )
    assert backend._estimated_matches("gazebo", False) > 25
    assert backend._estimated_matches("zzyzx", False) < 25
