"""An import cannot pass its entries off as unblame's own records, nor as someone's, unseen."""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.incidents.models import TimelineEvent
from unblame.reviews.mdio.importer import import_review

from .conftest import make_user

FORGED = """---
unblame: 1
incident:
  title: Forged history
  declared: 2026-03-04T12:00:00Z
timeline:
- at: 2026-03-04T12:05:00Z
  kind: status_change
  source: unblame
  author: {admin}
  text: Status changed from Investigating to Closed by admin.
- at: 2026-03-04T12:06:00Z
  kind: note
  text: An ordinary note.
---
"""


@pytest.fixture
def forged(editor, admin):
    return import_review(FORGED.format(admin=admin.username), editor).incident


def test_an_imported_entry_claiming_to_be_unblames_is_marked_imported_not_system(forged):
    event = forged.events.get(kind=TimelineEvent.Kind.STATUS_CHANGE)
    assert event.imported
    assert not event.is_system


def test_every_entry_a_markdown_import_adds_is_marked_imported(forged):
    assert set(forged.events.values_list("imported", flat=True)) == {True}


def test_the_incident_page_shows_the_forged_entry_as_imported_and_editable(as_editor, forged):
    event = forged.events.get(kind=TimelineEvent.Kind.STATUS_CHANGE)
    page = as_editor.get(forged.get_absolute_url()).content.decode()
    item = page[page.index(f'id="event-{event.pk}"') :]
    item = item[: item.index("</li>")]
    assert ">imported</span>" in item
    assert f"/events/{event.pk}/edit/" in item


def test_unblames_own_status_change_stays_a_system_event(incident):
    own = TimelineEvent.objects.create(
        incident=incident, kind="status_change", source=TimelineEvent.SYSTEM_SOURCE, text="x"
    )
    assert own.is_system and not own.imported


def test_an_imported_entry_can_be_edited_where_a_system_one_cannot(as_editor, forged, editor):
    event = forged.events.get(kind=TimelineEvent.Kind.STATUS_CHANGE)
    url = f"/incidents/{forged.pk}/events/{event.pk}/edit/"
    assert as_editor.get(url).status_code == 200
    event.imported = False
    event.save()
    assert as_editor.get(url).status_code != 200


def test_chat_import_entries_are_marked_imported(as_editor, incident):
    from .test_chat_import import preview_and_confirm

    make_user("dana", "editor")
    preview_and_confirm(as_editor, incident)
    assert set(incident.events.values_list("imported", flat=True)) == {True}


def test_an_alert_is_not_an_import(db, sev2):
    from integrations.samples import ALERTMANAGER

    from unblame.integrations.models import AlertSource

    from .test_alert_webhook import post

    source = AlertSource(name="prometheus", default_severity=sev2)
    source.token = source.new_token()
    source.save()
    post(Client(), source, ALERTMANAGER)
    assert not TimelineEvent.objects.filter(imported=True).exists()
