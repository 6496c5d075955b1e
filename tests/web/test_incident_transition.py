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
        f"/incidents/{incident.pk}/status/",
        {"version": incident.version, "status": "resolved", "mitigated": "unknown"},
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


def _resolve(client, incident, **extra):
    data = {"version": incident.version, "status": "resolved", **extra}
    return client.post(f"/incidents/{incident.pk}/status/", data)


def test_resolving_without_a_mitigated_time_asks_for_it_first(as_editor, incident):
    response = _resolve(as_editor, incident)
    assert response.status_code == 200
    assert "When was it mitigated?" in response.content.decode()
    incident.refresh_from_db()
    assert incident.status == "investigating"


@time_machine.travel("2026-03-04 13:15Z", tick=False)
def test_the_answer_is_recorded_and_the_incident_resolved(as_editor, incident):
    _resolve(as_editor, incident, mitigated="time", mitigated_at="2026-03-04T12:40")
    incident.refresh_from_db()
    assert incident.status == "resolved"
    assert incident.mitigated_at.isoformat() == "2026-03-04T12:40:00+00:00"
    assert incident.events.filter(text__startswith="Mitigated changed from").exists()


@time_machine.travel("2026-03-04 13:15Z", tick=False)
def test_mitigated_now_takes_the_moment_of_resolving(as_editor, incident):
    _resolve(as_editor, incident, mitigated="now")
    incident.refresh_from_db()
    assert incident.mitigated_at.isoformat() == "2026-03-04T13:15:00+00:00"
    assert incident.status == "resolved"


def test_a_mitigated_time_before_impact_is_refused_and_nothing_moves(as_editor, incident):
    response = _resolve(as_editor, incident, mitigated="time", mitigated_at="2026-03-04T11:00")
    assert response.status_code == 400
    assert "Mitigated cannot be before impact started." in response.content.decode()
    incident.refresh_from_db()
    assert (incident.status, incident.mitigated_at) == ("investigating", None)


def test_a_time_is_needed_when_choosing_one(as_editor, incident):
    response = _resolve(as_editor, incident, mitigated="time")
    assert response.status_code == 400
    assert "Give the time users were no longer affected." in response.content.decode()


def test_an_incident_already_mitigated_resolves_without_asking(as_editor, incident):
    from datetime import timedelta

    incident.mitigated_at = incident.impact_started_at + timedelta(minutes=20)
    incident.save()
    _resolve(as_editor, incident)
    incident.refresh_from_db()
    assert incident.status == "resolved"
