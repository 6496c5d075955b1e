from django.test import Client

from unblame.incidents.models import TimelineEvent


def test_it_lists_incidents_for_a_session(as_viewer, incident):
    response = as_viewer.get("/api/incidents")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == incident.title
    assert item["severity"] == "SEV2"
    assert item["services"] == ["checkout"]


def test_it_leaves_restricted_out_of_list_and_count_for_outsider(as_outsider, incident, restricted):
    data = as_outsider.get("/api/incidents").json()
    assert data["count"] == 1
    assert [item["id"] for item in data["items"]] == [incident.pk]


def test_it_404s_restricted_incident_for_outsider(as_outsider, restricted):
    assert as_outsider.get(f"/api/incidents/{restricted.pk}").status_code == 404


def test_it_gives_restricted_incident_to_responder(as_editor, restricted):
    assert as_editor.get(f"/api/incidents/{restricted.pk}").status_code == 200


def test_it_returns_one_incident_with_timeline(as_viewer, incident, editor):
    TimelineEvent.objects.create(
        incident=incident, text="Paged on-call", kind="alert", author_name="pagerduty"
    )
    data = as_viewer.get(f"/api/incidents/{incident.pk}").json()
    assert data["timeline"][0]["text"] == "Paged on-call"
    assert data["timeline"][0]["author"] == "pagerduty"
    assert data["responders"] == [{"username": "ed", "name": "ed", "role": "incident_commander"}]


def test_it_filters_by_status(as_viewer, incident):
    assert as_viewer.get("/api/incidents", {"status": "closed"}).json()["count"] == 0
    assert as_viewer.get("/api/incidents", {"status": "investigating"}).json()["count"] == 1


def test_it_rejects_anonymous(client, incident):
    assert client.get("/api/incidents").status_code == 401


def test_it_accepts_an_api_token(viewer, incident):
    token = viewer.new_api_token()
    response = Client().get("/api/incidents", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_it_rejects_a_wrong_token(viewer, incident):
    viewer.new_api_token()
    response = Client().get("/api/incidents", headers={"Authorization": "Bearer ub_wrong"})
    assert response.status_code == 401


def test_a_token_sees_only_what_its_owner_sees(outsider, restricted):
    token = outsider.new_api_token()
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/incidents").json()["count"] == 0
    assert client.get(f"/api/incidents/{restricted.pk}").status_code == 404


def test_it_rejects_token_of_deactivated_user(viewer, incident):
    token = viewer.new_api_token()
    viewer.is_active = False
    viewer.save()
    response = Client().get("/api/incidents", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_it_publishes_openapi(as_viewer):
    schema = as_viewer.get("/api/openapi.json").json()
    assert "/api/incidents" in schema["paths"]
    assert as_viewer.get("/api/docs").status_code == 200


def test_it_reports_durations_in_seconds(as_viewer, incident):
    from datetime import timedelta

    incident.detected_at = incident.impact_started_at + timedelta(minutes=6)
    incident.save()
    data = as_viewer.get(f"/api/incidents/{incident.pk}").json()
    assert data["time_to_detect_seconds"] == 360
    assert data["time_to_resolve_seconds"] is None
