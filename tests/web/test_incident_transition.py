import time_machine

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import StatusChange, TimelineEvent


def test_it_moves_along_the_lifecycle(as_editor, editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/status/", {"version": incident.version, "status": "identified"}
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == "identified"
    change = StatusChange.objects.get(incident=incident)
    assert (change.from_status, change.to_status, change.actor) == (
        "investigating",
        "identified",
        editor,
    )


def test_it_writes_status_change_to_timeline_and_audit(as_editor, incident):
    as_editor.post(
        f"/incidents/{incident.pk}/status/",
        {"version": incident.version, "status": "identified", "note": "DB pool"},
    )
    event = TimelineEvent.objects.get(incident=incident, kind="status_change")
    assert event.text == "Status changed from Investigating to Identified. DB pool"
    assert AuditEntry.objects.get(action="status").after == {"status": "identified"}


@time_machine.travel("2026-03-04 13:15Z", tick=False)
def test_it_sets_resolved_time_when_resolving(as_editor, incident):
    as_editor.post(
        f"/incidents/{incident.pk}/status/", {"version": incident.version, "status": "resolved"}
    )
    incident.refresh_from_db()
    assert incident.resolved_at.isoformat() == "2026-03-04T13:15:00+00:00"


def test_it_refuses_a_transition_the_lifecycle_does_not_allow(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/status/",
        {"version": incident.version, "status": "closed"},
        follow=True,
    )
    assert "cannot go from investigating to closed" in response.content.decode()
    incident.refresh_from_db()
    assert incident.status == "investigating"
    assert not StatusChange.objects.exists()


def test_it_refuses_unknown_status(as_editor, incident):
    as_editor.post(
        f"/incidents/{incident.pk}/status/", {"version": incident.version, "status": "exploded"}
    )
    incident.refresh_from_db()
    assert incident.status == "investigating"


def test_it_forbids_viewer(as_viewer, incident):
    response = as_viewer.post(
        f"/incidents/{incident.pk}/status/", {"version": incident.version, "status": "identified"}
    )
    assert response.status_code == 403


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    response = as_outsider.post(
        f"/incidents/{restricted.pk}/status/", {"version": 1, "status": "identified"}
    )
    assert response.status_code == 404


def test_it_requires_post(as_editor, incident):
    assert as_editor.get(f"/incidents/{incident.pk}/status/").status_code == 405
