"""Common words are ranked among their WINDOW newest matches; how PostgreSQL finds them.

PostgreSQL reads a word's newest matches newest first over ever longer
spans of ids (EXACT_SCAN texts, then eight times as many), and ranks the
window's rows by key. Words the planner expects in at most WINDOW texts are
ranked whole. SQLite counts its window in FTS5 (test_search_units).
"""

from __future__ import annotations

import pytest
from django.db import connection

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights import search as search_module
from unblame.insights.models import SearchEntry
from unblame.insights.search import search

from ..conftest import NOW

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite counts its window in FTS5"
)


def _gazebos(sev2, count):
    """`count` incidents titled with 'gazebo', the index's ids newest first."""
    for n in range(count):
        Incident.objects.create(title=f"Gazebo {n}", severity=sev2, declared_at=NOW)
    return list(
        SearchEntry.objects.filter(kind="incident").order_by("-pk").values_list("pk", flat=True)
    )


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE insights_searchentry")


def _spans(monkeypatch) -> list[int]:
    """The lower bounds of the spans read, in order."""
    seen: list[int] = []
    original = search_module._Postgres._newest_matches

    def spy(self, text, any_word, above, by_key):
        seen.append(above)
        return original(self, text, any_word, above, by_key)

    monkeypatch.setattr(search_module._Postgres, "_newest_matches", spy)
    return seen


def test_a_common_word_is_ranked_among_its_newest_matches(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 40)
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 10)
    found = search(visible_incidents(admin), "gazebo", limit=5)
    assert len(found) == 5
    assert {hit.entry_id for hit in found} <= set(newest_first[:10])


def test_the_newest_matches_are_looked_for_in_growing_spans(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 40)
    for n in range(40):
        Incident.objects.create(title=f"Pergola {n}", severity=sev2, declared_at=NOW)
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 10)
    # Each span first holds about five texts: none of the forty pergolas hold the word.
    monkeypatch.setattr(search_module, "EXACT_SCAN", 5)
    spans = _spans(monkeypatch)
    found = search(visible_incidents(admin), "gazebo", limit=5)
    assert {hit.entry_id for hit in found} <= set(newest_first[:10])
    assert len(spans) >= 2
    assert spans == sorted(spans, reverse=True), "each span reaches further back"


def test_a_word_the_planner_expects_rarely_is_ranked_whole(admin, sev2, monkeypatch):
    _gazebos(sev2, 30)
    Incident.objects.create(title="Heron", severity=sev2, declared_at=NOW)
    _analyze()
    # A large index, as far as the window is concerned.
    monkeypatch.setattr(search_module, "EXACT_SCAN", 5)
    spans = _spans(monkeypatch)
    found = search(visible_incidents(admin), "heron")
    assert [hit.incident.title for hit in found] == ["Heron"]
    assert spans == []


def test_a_small_index_is_read_whole_at_once(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 12)
    monkeypatch.setattr(search_module, "WINDOW", 3)
    spans = _spans(monkeypatch)
    found = search(visible_incidents(admin), "gazebo", limit=3)
    assert {hit.entry_id for hit in found} == set(newest_first[:3])
    assert len(spans) == 1


def test_a_window_of_hidden_matches_falls_back_to_ranking_them_all(viewer, sev2, monkeypatch):
    for n in range(10):
        Incident.objects.create(title=f"Gazebo {n}", severity=sev2, declared_at=NOW)
    for n in range(5):
        Incident.objects.create(title=f"Gazebo r{n}", severity=sev2, restricted=True)
    _analyze()
    # The five newest matches are all restricted: the viewer's window is empty.
    monkeypatch.setattr(search_module, "WINDOW", 5)
    found = search(visible_incidents(viewer), "gazebo", limit=4)
    assert len(found) == 4
    assert not any(hit.incident.restricted for hit in found)


def test_the_window_never_shows_what_the_searcher_may_not_read(viewer, editor, sev2, monkeypatch):
    for n in range(20):
        Incident.objects.create(
            title=f"Gazebo {n}", severity=sev2, declared_at=NOW, restricted=n % 2 == 0
        )
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 6)
    for user in (viewer, editor):
        found = search(visible_incidents(user), "gazebo", limit=20)
        assert found and all(not hit.incident.restricted for hit in found)


def test_probing_leaves_the_planner_as_it_was(admin, sev2, monkeypatch):
    _gazebos(sev2, 20)
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 5)
    search(visible_incidents(admin), "gazebo")
    with connection.cursor() as cursor:
        for setting in ("enable_bitmapscan", "enable_seqscan", "enable_indexscan"):
            cursor.execute(f"SHOW {setting}")
            assert cursor.fetchone()[0] == "on", setting


def test_the_estimate_is_at_most_the_rarest_words(sev2):
    _gazebos(sev2, 50)
    _analyze()
    backend = search_module._Postgres()
    texts, low, high = backend._extent()
    assert texts == SearchEntry.objects.count()
    ids = SearchEntry.objects.order_by("pk").values_list("pk", flat=True)
    assert (low, high) == (ids.first(), ids.last())
    assert backend._estimated_matches("gazebo", False) > 25
    assert backend._estimated_matches("gazebo zzyzx", False) < 25


def test_only_the_first_span_is_read_newest_first(admin, sev2, monkeypatch):
    newest_first = _gazebos(sev2, 30)
    for n in range(60):
        Incident.objects.create(title=f"Pergola {n}", severity=sev2, declared_at=NOW)
    _analyze()
    monkeypatch.setattr(search_module, "WINDOW", 10)
    monkeypatch.setattr(search_module, "EXACT_SCAN", 20)
    ways: list[bool] = []
    original = search_module._Postgres._newest_matches

    def spy(self, text, any_word, above, by_key):
        ways.append(by_key)
        return original(self, text, any_word, above, by_key)

    monkeypatch.setattr(search_module._Postgres, "_newest_matches", spy)
    found = search(visible_incidents(admin), "gazebo", limit=5)
    # The newest twenty texts are pergolas: the second span is read from the word's index.
    assert ways[0] is True and ways[1:] and not any(ways[1:])
    assert {hit.entry_id for hit in found} <= set(newest_first[:10])
