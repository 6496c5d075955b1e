"""Deleting incidents and timeline events into the trash; admins restore or purge."""

from __future__ import annotations

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.access import visible_events, visible_incidents
from unblame.incidents.models import Incident, TimelineEvent

from .actions_cast import *  # noqa: F403
from .conftest import NOW

TRASH = reverse("incidents:trash")


def delete_url(incident):
    return reverse("incidents:delete", args=[incident.pk])


def event_delete_url(event):
    return reverse("incidents:event_delete", args=[event.incident_id, event.pk])


def test_deleting_an_incident_asks_first_and_writes_nothing(as_admin, incident):
    page = as_admin.get(delete_url(incident)).content.decode()
    assert "Move to the trash" in page
    assert "Checkout errors after deploy" in page
    incident.refresh_from_db()
    assert not incident.in_trash


def test_a_trashed_incident_is_gone_from_every_list_and_page(as_admin, admin, editor, incident):
    as_admin.post(delete_url(incident))
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert not visible_incidents(admin).filter(pk=incident.pk).exists()
    assert not visible_incidents(editor).filter(pk=incident.pk).exists()
    assert as_admin.get(incident.get_absolute_url()).status_code == 404
    assert (
        "Checkout errors after deploy"
        not in as_admin.get(reverse("incidents:list")).content.decode()
    )
    entry = AuditEntry.objects.get(action="trash")
    assert entry.object_id == str(incident.pk)
    assert entry.actor == admin


def test_only_admins_delete_incidents(as_editor, as_viewer, incident):
    assert as_editor.post(delete_url(incident)).status_code == 403
    assert as_viewer.post(delete_url(incident)).status_code == 403
    assert Incident.objects.filter(pk=incident.pk).exists()


def test_an_outsider_cannot_trash_what_they_cannot_see(as_outsider, restricted):
    assert as_outsider.post(event_delete_url_for_restricted(restricted)).status_code == 404


def event_delete_url_for_restricted(restricted):
    event = TimelineEvent.objects.create(incident=restricted, text="Blocked the IP range.")
    return event_delete_url(event)


def test_an_editor_trashes_a_hand_written_event_after_confirming(as_editor, editor, event):
    assert "Move to the trash" in as_editor.get(event_delete_url(event)).content.decode()
    assert TimelineEvent.objects.filter(pk=event.pk).exists()
    response = as_editor.post(event_delete_url(event))
    assert response.status_code == 302
    assert not event.incident.events.filter(pk=event.pk).exists()
    assert not visible_events(editor).filter(pk=event.pk).exists()
    stored = TimelineEvent.all_objects.get(pk=event.pk)
    assert stored.deleted_by == editor
    assert (
        "Deploy 42 rolled out."
        not in as_editor.get(event.incident.get_absolute_url()).content.decode()
    )


def test_system_entries_are_not_deleted_by_hand(as_editor, incident, editor):
    incident.transition_to("identified", editor)
    system = incident.events.get(kind=TimelineEvent.Kind.STATUS_CHANGE)
    assert as_editor.post(event_delete_url(system)).status_code == 403
    assert incident.events.filter(pk=system.pk).exists()


def test_a_viewer_cannot_delete_events(as_viewer, event):
    assert as_viewer.post(event_delete_url(event)).status_code == 403
    assert TimelineEvent.objects.filter(pk=event.pk).exists()


def test_the_trash_lists_what_was_deleted_for_admins_only(
    as_admin, as_editor, admin, incident, event
):
    event.trash(admin)
    page = as_admin.get(TRASH).content.decode()
    assert "Deploy 42 rolled out." in page
    assert as_editor.get(TRASH).status_code == 403


def test_restoring_puts_an_incident_back_and_is_audited(as_admin, admin, incident):
    incident.trash(admin)
    response = as_admin.post(reverse("incidents:trash_restore", args=["incident", incident.pk]))
    assert response.status_code == 302
    assert as_admin.get(incident.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action="restore", object_id=str(incident.pk)).exists()


def test_purging_needs_the_box_ticked(as_admin, admin, incident):
    incident.trash(admin)
    as_admin.post(reverse("incidents:trash_purge", args=["incident", incident.pk]))
    assert Incident.all_objects.filter(pk=incident.pk).exists()


def test_purging_deletes_for_good_with_what_belongs_to_it(as_admin, admin, incident, item):
    incident.trash(admin)
    url = reverse("incidents:trash_purge", args=["incident", incident.pk])
    as_admin.post(url, {"confirm": "purge"})
    assert not Incident.all_objects.filter(pk=incident.pk).exists()
    assert not TimelineEvent.all_objects.filter(incident_id=incident.pk).exists()
    assert AuditEntry.objects.filter(action="purge", object_id=str(incident.pk)).exists()


def test_what_is_not_in_the_trash_cannot_be_purged(as_admin, incident):
    url = reverse("incidents:trash_purge", args=["incident", incident.pk])
    assert as_admin.post(url, {"confirm": "purge"}).status_code == 404
    assert Incident.objects.filter(pk=incident.pk).exists()


def test_an_unknown_kind_is_404(as_admin, incident):
    url = reverse("incidents:trash_restore", args=["severity", 1])
    assert as_admin.post(url).status_code == 404


def test_a_trashed_chat_message_is_not_imported_again(as_editor, editor, incident):
    from unblame.integrations.chat import parse_transcript
    from unblame.integrations.models import import_chat

    messages = parse_transcript("[12:01] dana: rolling back\n", tz="UTC", date=NOW.date())
    import_chat(incident, messages, editor)
    first = incident.events.get(source="chat-import")
    first.trash(editor)
    result = import_chat(incident, messages, editor)
    assert result.added == 0
    assert not incident.events.filter(source="chat-import").exists()


def test_a_trashed_event_leaves_the_search_index_and_comes_back_restored(admin, event):
    from unblame.insights.models import SearchEntry

    indexed = SearchEntry.objects.filter(kind=SearchEntry.Kind.EVENT, object_id=event.pk)
    assert indexed.exists()
    event.trash(admin)
    assert not indexed.exists()
    event.restore(admin)
    assert indexed.exists()
