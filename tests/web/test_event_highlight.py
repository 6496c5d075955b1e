import pytest

from unblame.incidents.models import TimelineEvent


@pytest.fixture
def event(incident):
    return TimelineEvent.objects.create(incident=incident, text="Rollback started")


def _url(event):
    return f"/incidents/{event.incident_id}/events/{event.pk}/highlight/"


def _toggle(client, event, **kwargs):
    """Press the button as the page shows it: with the event's current version."""
    event.refresh_from_db()
    return client.post(_url(event), {"version": event.version}, **kwargs)


def test_it_toggles_highlight(as_editor, event):
    _toggle(as_editor, event)
    event.refresh_from_db()
    assert event.highlighted
    _toggle(as_editor, event)
    event.refresh_from_db()
    assert not event.highlighted


def test_it_keeps_history_of_the_toggle(as_editor, event):
    _toggle(as_editor, event)
    assert event.revisions.get().highlighted is False


def test_it_answers_htmx_with_the_event_fragment(as_editor, event):
    response = _toggle(as_editor, event, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="event-{event.pk}"')
    assert "Unhighlight" in body


def test_it_forbids_viewer(as_viewer, event):
    assert as_viewer.post(_url(event)).status_code == 403


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    event = TimelineEvent.objects.create(incident=restricted, text="secret")
    assert as_outsider.post(_url(event)).status_code == 404
