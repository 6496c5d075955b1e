"""Action items keep their try-harder findings, and what they show is still the analyzer's.

Stored findings carry a key (actions.findings): the text, a digest of the
analyzer and the roster names that can stand in the text. These tests pin
that a current key is read instead of analysing, that anything the findings
depend on makes the key stale, and that stale findings are never shown.
"""

from __future__ import annotations

import json
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unblame.accounts.models import RosterName, User
from unblame.actions import findings
from unblame.actions.models import ActionItem, try_harder_in
from unblame.language import Category, analyze
from unblame.language.names import Roster

from .actions_cast import *  # noqa: F403

# "Pemberton" is read as a person only when the roster holds the name.
NAMED = "Tell Pemberton to double-check configs"
CAREFUL = "Remind engineers to be more careful when deploying"
PLAIN = "Alert on certificate expiry"


def _analyzer(text: str, names) -> list[dict]:
    found = analyze(text, names=names, context="action_item")
    return [f.to_dict() for f in found if f.category == Category.TRY_HARDER]


def _shown(item: ActionItem) -> list[dict]:
    return [f.to_dict() for f in item.try_harder_findings()]


def _bulk_item(incident, title: str, description: str = "") -> ActionItem:
    # As generated history and imports write them: no save(), nothing stored.
    (item,) = ActionItem.objects.bulk_create(
        [ActionItem(incident=incident, title=title, description=description)]
    )
    return ActionItem.objects.select_related("incident").get(pk=item.pk)


# -- Saving stores them --------------------------------------------------------------------


def test_saving_an_item_stores_the_analyzers_findings(incident):
    item = ActionItem.objects.create(incident=incident, title=CAREFUL, description=PLAIN)
    stored = ActionItem.objects.get(pk=item.pk).stored_findings
    assert stored["title"] == _analyzer(CAREFUL, item.roster())
    assert stored["title"], "the example must have a finding to compare"
    assert stored["description"] == []
    assert stored["key"] == findings.key_for(CAREFUL, PLAIN, item.roster())


def test_changing_only_the_status_keeps_the_stored_findings(item, editor):
    before = ActionItem.objects.get(pk=item.pk).stored_findings
    item.set_status(ActionItem.Status.DONE, editor)
    assert ActionItem.objects.get(pk=item.pk).stored_findings == before


def test_saving_a_new_title_with_update_fields_stores_its_findings(item):
    item.title = CAREFUL
    item.save(update_fields=["title"])
    stored = ActionItem.objects.get(pk=item.pk).stored_findings
    assert stored["title"] == _analyzer(CAREFUL, item.roster())
    assert stored["key"] == findings.key_for(CAREFUL, item.description, item.roster())


# -- Reading them --------------------------------------------------------------------------


def test_a_current_key_is_read_instead_of_analysing(incident):
    item = ActionItem.objects.create(incident=incident, title=PLAIN)
    # A marker only the stored copy has: reading it back proves nothing was analysed.
    marker = {**_analyzer(CAREFUL, [])[0], "message": "from the stored copy"}
    item.stored_findings = {**item.stored_findings, "title": [marker]}
    fresh = ActionItem.objects.get(pk=item.pk)
    fresh.stored_findings = item.stored_findings
    assert [f.message for f in fresh.try_harder_findings()] == ["from the stored copy"]


def test_findings_stored_under_another_key_are_never_shown(incident):
    item = ActionItem.objects.create(incident=incident, title=PLAIN)
    marker = {**_analyzer(CAREFUL, [])[0], "message": "stale"}
    item.stored_findings = {"key": "something else", "title": [marker], "description": []}
    assert _shown(item) == []
    assert item.stored_findings["key"] == findings.key_for(PLAIN, "", item.roster())


def test_text_changed_without_saving_is_analysed_afresh(item):
    item.title = CAREFUL
    assert _shown(item) == _analyzer(CAREFUL, item.roster())


def test_a_new_name_in_the_text_makes_the_findings_stale(incident, admin):
    item = ActionItem.objects.create(incident=incident, title=NAMED)
    assert _shown(item) == []
    RosterName.objects.create(name="Pemberton", added_by=admin)
    again = ActionItem.objects.get(pk=item.pk)
    assert again.refresh_stored_findings() is True
    assert [f["rule"] for f in _shown(again)] == ["UB501"]
    assert _shown(again) == _analyzer(NAMED, again.roster())


def test_a_new_account_whose_name_is_not_in_the_text_keeps_them_current(incident):
    item = ActionItem.objects.create(incident=incident, title=NAMED)
    User.objects.create_user(username="quillon", password=None, role="viewer")
    again = ActionItem.objects.get(pk=item.pk)
    assert again.refresh_stored_findings() is False


def test_the_key_names_the_analyzer(monkeypatch):
    roster = Roster(["Dana"])
    before = findings.key_for(PLAIN, "", roster)
    monkeypatch.setattr(findings, "analyzer_digest", lambda: "another analyzer")
    findings._key.cache_clear()
    try:
        assert findings.key_for(PLAIN, "", roster) != before
    finally:
        findings._key.cache_clear()


def test_the_analyzer_digest_follows_its_files(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.py").write_text("RULE = 1\n")
    monkeypatch.setattr(findings, "LANGUAGE", tmp_path)
    findings.analyzer_digest.cache_clear()
    try:
        first = findings.analyzer_digest()
        (tmp_path / "rules" / "a.py").write_text("RULE = 2\n")
        findings.analyzer_digest.cache_clear()
        assert findings.analyzer_digest() != first
    finally:
        findings.analyzer_digest.cache_clear()


# -- Which names count ---------------------------------------------------------------------


def test_names_in_keeps_names_whose_words_all_occur():
    names = Roster(["Dana", "Dana Scott", "Lee Park", "jdoe"], ["Kofi"])
    assert findings.names_in("Dana and Scott met jdoe", names) == {"Dana", "Dana Scott", "jdoe"}


def test_a_name_broken_over_a_line_still_counts():
    # The analyzer joins a block's lines with spaces, so "Dana\nScott" can read as the name.
    assert findings.names_in("ask Dana\nScott", Roster(["Dana Scott"])) == {"Dana Scott"}


SENTENCES = [
    NAMED,
    CAREFUL,
    "Pemberton must be more vigilant; remind Kofi Mensah too",
    "Make sure zed is more careful next time",
    "Retrain jdoe on the deploy process",
    "Ask Dana Scott to pay more attention to alerts",
    "Dana's team should double-check the `Pemberton` config",
    "Tell <b>Pemberton</b> to double-check it",
]
ROSTER = Roster(["Pemberton", "zed", "jdoe", "Kofi", "Mensah", "Kofi Mensah"], ["Dana Scott"])


@pytest.mark.parametrize("text", SENTENCES)
def test_the_names_in_a_text_give_it_the_same_findings_as_the_whole_roster(text):
    whole = analyze(text, names=ROSTER, context="action_item")
    relevant = findings.relevant_roster(text, ROSTER)
    assert analyze(text, names=relevant, context="action_item") == whole


def test_try_harder_in_gives_what_the_analyzer_gives_with_the_whole_roster():
    for text in SENTENCES:
        assert [f.to_dict() for f in try_harder_in(text, ROSTER)] == _analyzer(text, ROSTER)


# -- Lists write stale ones back -----------------------------------------------------------


def test_prepare_stores_stale_items_in_one_query_and_leaves_them_unedited(incident):
    items = [_bulk_item(incident, CAREFUL), _bulk_item(incident, PLAIN)]
    versions = [(item.version, item.updated_at) for item in items]
    with CaptureQueriesContext(connection) as captured:
        findings.prepare(items)
    assert len([q for q in captured if q["sql"].startswith("UPDATE")]) == 1
    for item, before in zip(items, versions, strict=True):
        again = ActionItem.objects.get(pk=item.pk)
        assert (again.version, again.updated_at) == before
        assert again.stored_findings["key"] == findings.key_for(item.title, "", item.roster())
    assert ActionItem.objects.get(pk=items[0].pk).stored_findings["title"] == _analyzer(
        CAREFUL, items[0].roster()
    )


def test_prepare_writes_nothing_when_every_item_is_current(incident):
    items = [ActionItem.objects.create(incident=incident, title=CAREFUL)]
    with CaptureQueriesContext(connection) as captured:
        findings.prepare(items)
    assert not [q for q in captured if q["sql"].startswith("UPDATE")]


def test_the_action_list_stores_what_it_showed(as_admin, incident):
    item = _bulk_item(incident, CAREFUL)
    response = as_admin.get("/actions/")
    assert response.status_code == 200
    stored = ActionItem.objects.get(pk=item.pk).stored_findings
    assert stored["title"] == _analyzer(CAREFUL, item.roster())


def test_the_api_shows_the_analyzers_findings_and_stores_them(as_admin, incident):
    item = _bulk_item(incident, CAREFUL)
    body = as_admin.get("/api/action-items").json()
    (row,) = [row for row in body["items"] if row["id"] == item.pk]
    assert json.loads(json.dumps(_analyzer(CAREFUL, item.roster()))) == row["try_harder"]
    assert row["changes_the_system"] is False
    assert ActionItem.objects.get(pk=item.pk).stored_findings["title"] == row["try_harder"]


def test_the_api_hides_items_of_restricted_incidents_whatever_is_stored(as_viewer, restricted):
    ActionItem.objects.create(incident=restricted, title=CAREFUL)
    body = as_viewer.get("/api/action-items").json()
    assert body["items"] == [] and body["count"] == 0


# -- The migration fills them in -----------------------------------------------------------


def test_the_migration_backfills_what_reading_would_store(incident, admin):
    RosterName.objects.create(name="Pemberton", added_by=admin)
    items = [_bulk_item(incident, NAMED), _bulk_item(incident, PLAIN, CAREFUL)]
    migration = import_module("unblame.actions.migrations.0006_stored_findings")
    migration.backfill(apps, None)
    for item in items:
        stored = ActionItem.objects.get(pk=item.pk).stored_findings
        assert stored["key"] == findings.key_for(item.title, item.description, item.roster())
        again = ActionItem.objects.get(pk=item.pk)
        assert again.refresh_stored_findings() is False
        assert _shown(again) == [f.to_dict() for f in item.try_harder_findings()]
    assert ActionItem.objects.get(pk=items[0].pk).stored_findings["title"][0]["rule"] == "UB501"
