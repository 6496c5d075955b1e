from datetime import timedelta

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Severity, TimelineEvent


def _form(incident, **extra):
    data = {
        "title": incident.title,
        "severity": incident.severity_id,
        "summary": incident.summary,
        "services": [s.pk for s in incident.services.all()],
        "impact_started_at": "2026-03-04T12:00",
        "version": incident.version,
    }
    data.update(extra)
    return data


def test_it_shows_form_with_current_values(as_editor, incident):
    response = as_editor.get(f"/incidents/{incident.pk}/edit/")
    assert response.status_code == 200
    assert 'value="2026-03-04T12:00"' in response.content.decode()


def test_it_saves_and_records_field_changes_on_timeline(as_editor, editor, incident):
    sev1 = Severity.objects.get(name="SEV1")
    response = as_editor.post(f"/incidents/{incident.pk}/edit/", _form(incident, severity=sev1.pk))
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.severity == sev1
    event = TimelineEvent.objects.get(incident=incident, kind="field_change")
    assert event.text == "Severity changed from SEV2 to SEV1."
    assert event.author == editor


def test_it_audits_before_and_after(as_editor, incident):
    as_editor.post(f"/incidents/{incident.pk}/edit/", _form(incident, title="Checkout down"))
    entry = AuditEntry.objects.get(action="update", object_type="incidents.incident")
    assert entry.before == {"title": "Checkout errors after deploy"}
    assert entry.after == {"title": "Checkout down"}


def test_it_records_key_moments_in_utc_text(as_editor, incident):
    as_editor.post(
        f"/incidents/{incident.pk}/edit/", _form(incident, detected_at="2026-03-04T12:30")
    )
    incident.refresh_from_db()
    assert incident.detected_at == incident.impact_started_at + timedelta(minutes=30)
    event = TimelineEvent.objects.get(incident=incident, kind="field_change")
    assert event.text == "Detected changed from — to 2026-03-04 12:30 UTC."


def test_it_reads_times_in_editor_time_zone(as_editor, editor, incident):
    editor.timezone = "Europe/Paris"
    editor.save()
    as_editor.post(
        f"/incidents/{incident.pk}/edit/",
        _form(incident, impact_started_at="2026-03-04T13:00", detected_at="2026-03-04T13:30"),
    )
    incident.refresh_from_db()
    assert incident.detected_at.isoformat() == "2026-03-04T12:30:00+00:00"


def test_it_writes_nothing_when_nothing_changed(as_editor, incident):
    as_editor.post(f"/incidents/{incident.pk}/edit/", _form(incident))
    assert not TimelineEvent.objects.filter(incident=incident).exists()
    assert not AuditEntry.objects.exists()


def test_it_rejects_impossible_order_naming_both_moments(as_editor, incident):
    data = _form(incident, mitigated_at="2026-03-04T13:00", resolved_at="2026-03-04T12:30")
    response = as_editor.post(f"/incidents/{incident.pk}/edit/", data)
    assert response.status_code == 200
    assert "Resolved cannot be before mitigated." in response.content.decode()
    incident.refresh_from_db()
    assert incident.resolved_at is None


def test_it_forbids_viewer(as_viewer, incident):
    assert as_viewer.get(f"/incidents/{incident.pk}/edit/").status_code == 403
    response = as_viewer.post(f"/incidents/{incident.pk}/edit/", _form(incident, title="x"))
    assert response.status_code == 403
    incident.refresh_from_db()
    assert incident.title != "x"


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    assert as_outsider.get(f"/incidents/{restricted.pk}/edit/").status_code == 404
    response = as_outsider.post(f"/incidents/{restricted.pk}/edit/", _form(restricted, title="x"))
    assert response.status_code == 404
