import pytest

from unblame.incidents.models import TimelineEvent


@pytest.fixture
def event(incident):
    return TimelineEvent.objects.create(incident=incident, text="Rollback started")


def _url(event):
    return f"/incidents/{event.incident_id}/events/{event.pk}/highlight/"


def test_it_toggles_highlight(as_editor, event):
    as_editor.post(_url(event))
    event.refresh_from_db()
    assert event.highlighted
    as_editor.post(_url(event))
    event.refresh_from_db()
    assert not event.highlighted


def test_it_keeps_history_of_the_toggle(as_editor, event):
    as_editor.post(_url(event))
    assert event.revisions.get().highlighted is False


def test_it_answers_htmx_with_the_event_fragment(as_editor, event):
    response = as_editor.post(_url(event), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="event-{event.pk}"')
    assert "Unhighlight" in body


def test_it_forbids_viewer(as_viewer, event):
    assert as_viewer.post(_url(event)).status_code == 403


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    event = TimelineEvent.objects.create(incident=restricted, text="secret")
    assert as_outsider.post(_url(event)).status_code == 404
