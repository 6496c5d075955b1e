"""The search module's parts: words, links, any-word matches and the index's sources."""

from __future__ import annotations

from unblame.actions.models import ActionItem
from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights import index
from unblame.insights.models import SearchEntry
from unblame.insights.search import link, search, search_ids, words

from ..conftest import NOW


def test_words_are_letters_and_digits_only_and_at_most_twelve():
    assert words('deploy "AND" (rollback) OR NEAR*-x') == [
        "deploy",
        "AND",
        "rollback",
        "OR",
        "NEAR",
        "x",
    ]
    assert len(words(" ".join(f"w{n}" for n in range(30)))) == 12
    assert words("   ") == []
    assert words("café über") == ["café", "über"]


def test_links_by_kind():
    assert link("incident", 7, 7, "") == "/incidents/7/"
    assert link("event", 7, 3, "") == "/incidents/7/#event-3"
    assert link("section", 7, 3, "impact") == "/incidents/7/review/#section-impact"
    assert link("comment", 7, 3, "") == "/incidents/7/review/#comment-3"
    assert link("factor", 7, 3, "") == "/incidents/7/actions/#factor-3"
    assert link("action_item", 7, 3, "") == "/incidents/7/actions/#item-3"


def test_any_word_finds_incidents_with_either(admin, sev2):
    one = Incident.objects.create(title="Kafka lag", severity=sev2, declared_at=NOW)
    two = Incident.objects.create(title="Redis eviction", severity=sev2, declared_at=NOW)
    Incident.objects.create(title="Nothing alike", severity=sev2, declared_at=NOW)
    scope = visible_incidents(admin)
    assert set(search_ids(scope, ["kafka", "redis"], kind="incident")) == {one.pk, two.pk}
    assert search_ids(scope, ["kafka", "redis"], kind="incident", any_word=False) == []
    assert search_ids(scope, [], kind="incident") == []
    assert search_ids(scope, ["a-b", "!"], kind="incident") == []


def test_words_with_accents_are_found_as_written(admin, sev2):
    Incident.objects.create(title="Café checkout down", severity=sev2, declared_at=NOW)
    found = search(visible_incidents(admin), "café")
    assert [hit.incident.title for hit in found] == ["Café checkout down"]


def test_each_source_writes_the_columns_the_index_holds(incident, admin):
    item = ActionItem.objects.create(incident=incident, title="Cap retries", description="At 3.")
    row = list(index.SOURCES["action_item"].rows(pk=item.pk))
    assert row == [(incident.pk, "action_item", item.pk, "", "Cap retries", "At 3.")]
    entry = SearchEntry.objects.get(kind="action_item", object_id=item.pk)
    assert (entry.incident_id, entry.title, entry.body) == (incident.pk, "Cap retries", "At 3.")
    assert str(entry) == f"action_item {item.pk} of incident {incident.pk}"


def test_refreshing_an_object_that_is_gone_leaves_no_row(incident):
    # A row left behind by a write around unblame (no signal) goes on the next refresh.
    SearchEntry.objects.create(incident=incident, kind="action_item", object_id=999999, body="x")
    index.refresh(ActionItem, [999999])
    assert not SearchEntry.objects.filter(kind="action_item", object_id=999999).exists()


def test_common_words_are_ranked_among_the_most_recent_texts(admin, sev2, monkeypatch):
    from unblame.insights import search as search_module

    oldest = Incident.objects.create(title="Gazebo", severity=sev2, declared_at=NOW)
    for n in range(3):
        Incident.objects.create(title=f"n{n}", summary="The gazebo was cold.", severity=sev2)
    monkeypatch.setattr(search_module, "WINDOW", 2)
    scope = visible_incidents(admin)
    # Two hits wanted, two in the window: the best of the two newest texts.
    top = search(scope, "gazebo", limit=2)
    assert oldest not in [hit.incident for hit in top]
    # More wanted than the window holds: everything is ranked, the title match first.
    every = search(scope, "gazebo", limit=10)
    assert len(every) == 4
    assert every[0].incident == oldest
