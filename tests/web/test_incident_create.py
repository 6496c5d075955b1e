from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident, Responder, TimelineEvent


def _form(sev2, **extra):
    return {"title": "Search is empty", "severity": sev2.pk, "summary": "", **extra}


def test_it_shows_form_to_editor(as_editor, db):
    response = as_editor.get("/incidents/new/")
    assert response.status_code == 200
    assert "Declare incident" in response.content.decode()


def test_it_declares_incident(as_editor, editor, sev2, checkout):
    response = as_editor.post("/incidents/new/", _form(sev2, services=[checkout.pk]))
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response.url == f"/incidents/{incident.pk}/"
    assert incident.created_by == editor
    assert list(incident.services.all()) == [checkout]
    assert incident.status == "investigating"


def test_it_makes_the_author_a_responder(as_editor, editor, sev2):
    as_editor.post("/incidents/new/", _form(sev2, restricted="on"))
    incident = Incident.objects.get()
    assert Responder.objects.filter(incident=incident, user=editor).exists()
    # ...so a restricted incident stays visible to whoever declared it.
    assert as_editor.get(f"/incidents/{incident.pk}/").status_code == 200


def test_it_opens_the_timeline_and_audits(as_editor, sev2):
    as_editor.post("/incidents/new/", _form(sev2))
    incident = Incident.objects.get()
    assert TimelineEvent.objects.filter(incident=incident, kind="field_change").exists()
    assert AuditEntry.objects.filter(object_type="incidents.incident", action="create").exists()


def test_it_requires_a_title(as_editor, sev2):
    response = as_editor.post("/incidents/new/", _form(sev2, title=""))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Incident.objects.exists()


def test_it_rejects_impossible_moment_order(as_editor, sev2):
    data = _form(sev2, impact_started_at="2026-03-04T10:00", detected_at="2026-03-04T09:00")
    response = as_editor.post("/incidents/new/", data)
    assert "Detected cannot be before impact started." in response.content.decode()
    assert not Incident.objects.exists()


def test_it_forbids_viewer(as_viewer, sev2):
    assert as_viewer.get("/incidents/new/").status_code == 403
    assert as_viewer.post("/incidents/new/", _form(sev2)).status_code == 403
    assert not Incident.objects.exists()


def test_the_form_does_not_choose_a_severity_for_the_declarer(as_editor, db):
    page = as_editor.get("/incidents/new/").content.decode()
    assert '<option value="" selected>Choose a severity</option>' in page
    assert "selected>SEV1" not in page


def test_declaring_without_a_severity_asks_for_one(as_editor, sev2):
    response = as_editor.post("/incidents/new/", {"title": "Search is empty", "summary": ""})
    assert response.status_code == 200
    assert not Incident.objects.exists()
    assert "This field is required." in response.content.decode()


def test_the_edit_form_keeps_the_incidents_severity(as_editor, incident):
    page = as_editor.get(f"/incidents/{incident.pk}/edit/").content.decode()
    assert "Choose a severity" not in page
    assert f'value="{incident.severity.pk}" selected' in page
