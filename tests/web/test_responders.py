from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Responder


def test_it_adds_a_responder_with_role(as_editor, incident, viewer):
    response = as_editor.post(
        f"/incidents/{incident.pk}/responders/", {"user": viewer.pk, "role": "scribe"}
    )
    assert response.status_code == 302
    assert Responder.objects.filter(incident=incident, user=viewer, role="scribe").exists()
    assert AuditEntry.objects.filter(object_type="incidents.responder", action="create").exists()


def test_adding_a_responder_reveals_restricted_incident_to_them(
    as_editor, as_viewer, restricted, viewer
):
    assert as_viewer.get(f"/incidents/{restricted.pk}/").status_code == 404
    as_editor.post(
        f"/incidents/{restricted.pk}/responders/", {"user": viewer.pk, "role": "responder"}
    )
    assert as_viewer.get(f"/incidents/{restricted.pk}/").status_code == 200


def test_it_rejects_unknown_role(as_editor, incident, viewer):
    as_editor.post(f"/incidents/{incident.pk}/responders/", {"user": viewer.pk, "role": "hero"})
    assert not Responder.objects.filter(user=viewer).exists()


def test_it_removes_a_responder(as_editor, incident, editor):
    responder = Responder.objects.get(incident=incident, user=editor)
    response = as_editor.post(
        f"/incidents/{incident.pk}/responders/{responder.pk}/remove/", {"version": 1}
    )
    assert response.status_code == 302
    assert not Responder.objects.filter(pk=responder.pk).exists()
    assert AuditEntry.objects.get(action="delete").before["role"] == "incident_commander"


def test_it_forbids_viewer(as_viewer, incident, viewer, editor):
    response = as_viewer.post(
        f"/incidents/{incident.pk}/responders/", {"user": viewer.pk, "role": "scribe"}
    )
    assert response.status_code == 403
    responder = Responder.objects.get(incident=incident, user=editor)
    response = as_viewer.post(f"/incidents/{incident.pk}/responders/{responder.pk}/remove/")
    assert response.status_code == 403


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted, outsider):
    response = as_outsider.post(
        f"/incidents/{restricted.pk}/responders/", {"user": outsider.pk, "role": "responder"}
    )
    assert response.status_code == 404
    assert not restricted.responders.filter(user=outsider).exists()


def test_it_404s_for_responder_of_another_incident(as_editor, incident, restricted, editor):
    other = Responder.objects.get(incident=restricted, user=editor)
    response = as_editor.post(f"/incidents/{incident.pk}/responders/{other.pk}/remove/")
    assert response.status_code == 404
