from unblame.accounts.models import AuditEntry
from unblame.incidents.models import TimelineEvent

EVENT = {"occurred_at": "2026-03-04T12:05", "kind": "deploy", "text": "Rolled back 3.14"}


def test_it_adds_an_event(as_editor, editor, incident):
    response = as_editor.post(f"/incidents/{incident.pk}/events/", EVENT)
    assert response.status_code == 302
    assert response.url == f"/incidents/{incident.pk}/#timeline"
    event = TimelineEvent.objects.get(incident=incident)
    assert (event.kind, event.text, event.author) == ("deploy", "Rolled back 3.14", editor)
    assert event.occurred_at.isoformat() == "2026-03-04T12:05:00+00:00"
    assert AuditEntry.objects.filter(object_type="incidents.timelineevent").exists()


def test_it_answers_htmx_with_the_timeline_fragment(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/events/",
        {**EVENT, "highlighted": "on"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="timeline"')
    assert "Rolled back 3.14" in body
    assert "★ Highlighted" in body


def test_it_shows_errors_inline_over_htmx(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/events/", {**EVENT, "text": ""}, headers={"HX-Request": "true"}
    )
    # 200, because htmx swaps only successful answers.
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not TimelineEvent.objects.exists()


def test_it_shows_errors_on_the_page_without_htmx(as_editor, incident):
    response = as_editor.post(f"/incidents/{incident.pk}/events/", {**EVENT, "occurred_at": "soon"})
    assert response.status_code == 400
    assert "Enter a valid date/time." in response.content.decode()


def test_it_refuses_system_kinds_by_hand(as_editor, incident):
    as_editor.post(f"/incidents/{incident.pk}/events/", {**EVENT, "kind": "status_change"})
    assert not TimelineEvent.objects.exists()


def test_it_forbids_viewer(as_viewer, incident):
    assert as_viewer.post(f"/incidents/{incident.pk}/events/", EVENT).status_code == 403
    assert not TimelineEvent.objects.exists()


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    assert as_outsider.post(f"/incidents/{restricted.pk}/events/", EVENT).status_code == 404
    assert not TimelineEvent.objects.exists()
