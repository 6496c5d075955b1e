from unblame.incidents.models import TimelineEvent


def test_it_shows_key_facts_responders_and_timeline(as_viewer, incident, editor):
    TimelineEvent.objects.create(incident=incident, text="Rolled back the deploy", kind="deploy")
    response = as_viewer.get(f"/incidents/{incident.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert incident.title in body
    assert "SEV2" in body
    assert "Investigating" in body
    assert "checkout" in body
    assert str(editor) in body and "Incident commander" in body
    assert "Rolled back the deploy" in body


def test_it_hides_write_controls_from_viewer(as_viewer, incident):
    body = as_viewer.get(f"/incidents/{incident.pk}/").content.decode()
    assert "Add event" not in body
    assert f"/incidents/{incident.pk}/edit/" not in body


def test_it_shows_write_controls_to_editor(as_editor, incident):
    body = as_editor.get(f"/incidents/{incident.pk}/").content.decode()
    assert "Add event" in body
    assert "Move to identified" in body


def test_it_hides_restricted_incident_from_outsider(as_outsider, restricted):
    assert as_outsider.get(f"/incidents/{restricted.pk}/").status_code == 404


def test_it_hides_restricted_incident_from_viewer(as_viewer, restricted):
    assert as_viewer.get(f"/incidents/{restricted.pk}/").status_code == 404


def test_it_shows_restricted_incident_to_responder(as_editor, restricted):
    assert as_editor.get(f"/incidents/{restricted.pk}/").status_code == 200


def test_it_shows_restricted_incident_to_admin(as_admin, restricted):
    assert as_admin.get(f"/incidents/{restricted.pk}/").status_code == 200


def test_it_redirects_anonymous_to_login(client, incident):
    response = client.get(f"/incidents/{incident.pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/login/?next=")


def test_it_404s_for_missing_incident(as_admin, db):
    assert as_admin.get("/incidents/999/").status_code == 404


def test_it_shows_times_in_viewer_time_zone(as_viewer, viewer, incident):
    viewer.timezone = "Asia/Tokyo"
    viewer.save()
    body = as_viewer.get(f"/incidents/{incident.pk}/").content.decode()
    # Impact started 12:00 UTC is 21:00 in Tokyo.
    assert "04 Mar 2026, 21:00 JST" in body


def test_it_shows_durations_in_human_units(as_viewer, incident):
    from datetime import timedelta

    incident.detected_at = incident.impact_started_at + timedelta(minutes=72)
    incident.save()
    body = as_viewer.get(f"/incidents/{incident.pk}/").content.decode()
    assert "1 h 12 min" in body
