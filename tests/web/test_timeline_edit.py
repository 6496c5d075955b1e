from datetime import UTC, datetime

import pytest

from unblame.incidents.models import TimelineEvent, TimelineEventRevision


@pytest.fixture
def event(incident, editor):
    return TimelineEvent.objects.create(
        incident=incident,
        author=editor,
        kind="note",
        text="Errors are TLS failures",
        occurred_at=datetime(2026, 3, 4, 12, 10, tzinfo=UTC),
    )


def _url(event):
    return f"/incidents/{event.incident_id}/events/{event.pk}/edit/"


def _data(**extra):
    return {
        "version": 1,
        "occurred_at": "2026-03-04T12:10",
        "kind": "note",
        "text": "Errors are TLS handshake failures",
        **extra,
    }


def test_it_shows_the_form(as_editor, event):
    response = as_editor.get(_url(event))
    assert response.status_code == 200
    assert "Errors are TLS failures" in response.content.decode()


def test_it_edits_and_keeps_the_previous_version(as_editor, editor, event):
    response = as_editor.post(_url(event), _data())
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.text == "Errors are TLS handshake failures"
    revision = TimelineEventRevision.objects.get(event=event)
    assert revision.text == "Errors are TLS failures"
    assert revision.edited_by == editor


def test_it_keeps_no_revision_when_nothing_changed(as_editor, event):
    as_editor.post(_url(event), _data(text="Errors are TLS failures"))
    assert not TimelineEventRevision.objects.exists()


def test_it_rejects_empty_text(as_editor, event):
    response = as_editor.post(_url(event), _data(text=""))
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.text == "Errors are TLS failures"


def test_it_refuses_to_edit_system_events(as_editor, incident):
    incident.transition_to("identified", None)
    event = TimelineEvent.objects.get(kind="status_change")
    assert as_editor.get(_url(event)).status_code == 403


def test_it_forbids_viewer(as_viewer, event):
    assert as_viewer.get(_url(event)).status_code == 403
    assert as_viewer.post(_url(event), _data()).status_code == 403


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    event = TimelineEvent.objects.create(incident=restricted, text="secret")
    assert as_outsider.get(_url(event)).status_code == 404
    assert as_outsider.post(_url(event), _data()).status_code == 404


def test_it_404s_for_event_of_another_incident(as_editor, event, restricted):
    url = f"/incidents/{restricted.pk}/events/{event.pk}/edit/"
    assert as_editor.get(url).status_code == 404


def test_history_lists_earlier_versions(as_viewer, as_editor, event):
    as_editor.post(_url(event), _data())
    response = as_viewer.get(f"/incidents/{event.incident_id}/events/{event.pk}/history/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Errors are TLS failures" in body
    assert "Errors are TLS handshake failures" in body


def test_history_hides_restricted_incident_from_outsider(as_outsider, restricted):
    event = TimelineEvent.objects.create(incident=restricted, text="secret")
    url = f"/incidents/{restricted.pk}/events/{event.pk}/history/"
    assert as_outsider.get(url).status_code == 404


def test_timeline_marks_edited_events(as_editor, event):
    as_editor.post(_url(event), _data())
    body = as_editor.get(f"/incidents/{event.incident_id}/").content.decode()
    assert "edited · history" in body
