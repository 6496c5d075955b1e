"""API writes with per-user tokens: declare, status, timeline events, action items."""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Responder, Status, TimelineEvent


def _client(user) -> tuple[Client, dict[str, str]]:
    return Client(), {"Authorization": f"Bearer {user.new_api_token()}"}


def post(user, url: str, body: dict):
    client, headers = _client(user)
    return client.post(url, body, content_type="application/json", headers=headers)


def test_an_editor_declares_an_incident_with_their_token(editor, sev2, checkout):
    response = post(
        editor,
        "/api/incidents",
        {"title": "Queue backlog", "severity": "SEV2", "services": ["checkout"]},
    )
    assert response.status_code == 201
    incident = Incident.objects.get(pk=response.json()["id"])
    assert (incident.title, incident.created_by, incident.severity) == (
        "Queue backlog",
        editor,
        sev2,
    )
    assert [s.name for s in incident.services.all()] == ["checkout"]
    assert incident.responders.get().user == editor
    assert incident.events.filter(text__startswith="Incident declared").exists()
    assert response["ETag"]


def test_a_restricted_incident_declared_through_the_api_stays_visible_to_its_author(
    editor, outsider, sev2
):
    response = post(
        editor, "/api/incidents", {"title": "Key leak", "severity": "SEV2", "restricted": True}
    )
    pk = response.json()["id"]
    client, headers = _client(editor)
    assert client.get(f"/api/incidents/{pk}", headers=headers).status_code == 200
    client, headers = _client(outsider)
    assert client.get(f"/api/incidents/{pk}", headers=headers).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"title": " ", "severity": "SEV2"}, "title cannot be empty"),
        ({"title": "x", "severity": "SEV9"}, "No severity named 'SEV9'"),
        ({"title": "x", "severity": "SEV2", "services": ["nope"]}, "No service named 'nope'"),
        (
            {
                "title": "x",
                "severity": "SEV2",
                "impact_started_at": "2026-03-04T12:00:00Z",
                "detected_at": "2026-03-04T11:00:00Z",
            },
            "Detected cannot be before impact started",
        ),
    ],
)
def test_a_bad_declaration_is_a_422_that_writes_nothing(editor, sev2, body, message):
    response = post(editor, "/api/incidents", body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not Incident.objects.exists()


def test_a_malformed_body_is_refused(editor, sev2):
    client, headers = _client(editor)
    response = client.post(
        "/api/incidents", "{nope", content_type="application/json", headers=headers
    )
    assert response.status_code in (400, 422)
    assert not Incident.objects.exists()


def test_a_viewer_cannot_write(viewer, incident):
    assert post(viewer, "/api/incidents", {"title": "x", "severity": "SEV2"}).status_code == 403
    url = f"/api/incidents/{incident.pk}/events"
    assert post(viewer, url, {"text": "a note"}).status_code == 403


def test_no_token_no_write(incident):
    response = Client().post(
        f"/api/incidents/{incident.pk}/events", {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert not incident.events.filter(text="x").exists()


def test_a_wrong_token_no_write(incident):
    response = Client().post(
        f"/api/incidents/{incident.pk}/events",
        {"text": "x"},
        content_type="application/json",
        headers={"Authorization": "Bearer not-a-token"},
    )
    assert response.status_code == 401


def test_the_status_moves_from_the_version_named(editor, incident):
    response = post(
        editor,
        f"/api/incidents/{incident.pk}/status",
        {"status": "resolved", "note": "Rolled back.", "version": incident.version},
    )
    assert response.status_code == 200
    incident.refresh_from_db()
    assert incident.status == Status.RESOLVED and incident.resolved_at is not None
    assert incident.events.filter(text__endswith="Rolled back.").exists()


def test_a_status_change_without_a_version_is_a_428(editor, incident):
    response = post(editor, f"/api/incidents/{incident.pk}/status", {"status": "resolved"})
    assert response.status_code == 428
    incident.refresh_from_db()
    assert incident.status == Status.INVESTIGATING


def test_a_move_the_lifecycle_forbids_is_a_422(editor, incident):
    Incident.objects.filter(pk=incident.pk).update(status=Status.CLOSED)
    incident.refresh_from_db()
    url = f"/api/incidents/{incident.pk}/status"
    response = post(editor, url, {"status": "investigating", "version": incident.version})
    assert response.status_code == 422
    assert "cannot go from closed" in response.json()["detail"]


def test_timeline_events_are_added_as_the_caller(editor, incident):
    url = f"/api/incidents/{incident.pk}/events"
    response = post(
        editor, url, {"text": "Failover started", "kind": "action", "highlighted": True}
    )
    assert response.status_code == 201
    event = incident.events.get(pk=response.json()["id"])
    assert (event.author, event.kind, event.highlighted) == (editor, "action", True)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": ""}, 422),
        ({"text": "x", "kind": "status_change"}, 422),
        ({"text": "x", "kind": "gossip"}, 422),
    ],
)
def test_bad_events_are_refused(editor, incident, body, status):
    before = incident.events.count()
    assert post(editor, f"/api/incidents/{incident.pk}/events", body).status_code == status
    assert incident.events.count() == before


def test_restricted_incidents_are_404_to_those_not_on_them(outsider, restricted):
    for url, body in [
        (f"/api/incidents/{restricted.pk}/events", {"text": "x"}),
        (f"/api/incidents/{restricted.pk}/status", {"status": "resolved", "version": 1}),
        (f"/api/incidents/{restricted.pk}/action-items", {"title": "x"}),
    ]:
        assert post(outsider, url, body).status_code == 404
    assert not TimelineEvent.objects.filter(incident=restricted, text="x").exists()
    assert not ActionItem.objects.exists()


def test_a_responder_writes_to_their_restricted_incident(editor, restricted):
    url = f"/api/incidents/{restricted.pk}/action-items"
    assert post(editor, url, {"title": "Rotate the keys"}).status_code == 201


def test_action_items_are_created_with_an_owner_who_can_see_the_incident(editor, viewer, incident):
    url = f"/api/incidents/{incident.pk}/action-items"
    response = post(
        editor,
        url,
        {
            "title": "Canary config pushes",
            "owner": "vic",
            "due_date": "2026-04-01",
            "priority": "p2",
        },
    )
    assert response.status_code == 201
    item = ActionItem.objects.get(pk=response.json()["id"])
    assert (item.owner, item.created_by, item.priority) == (viewer, editor, "p2")
    assert response.json()["url"].endswith(f"#item-{item.pk}")


def test_an_owner_who_cannot_see_a_restricted_incident_is_refused(editor, viewer, restricted):
    url = f"/api/incidents/{restricted.pk}/action-items"
    response = post(editor, url, {"title": "Rotate the keys", "owner": "vic"})
    assert response.status_code == 422
    assert not ActionItem.objects.exists()


def test_an_item_created_by_api_can_be_updated_from_its_etag(editor, incident):
    created = post(editor, f"/api/incidents/{incident.pk}/action-items", {"title": "Add a canary"})
    client, headers = _client(editor)
    response = client.patch(
        f"/api/action-items/{created.json()['id']}",
        {"status": "done"},
        content_type="application/json",
        headers={**headers, "If-Match": created["ETag"]},
    )
    assert response.status_code == 200
    assert ActionItem.objects.get().status == "done"


def test_openapi_describes_every_write(as_viewer):
    paths = as_viewer.get("/api/openapi.json").json()["paths"]
    assert "post" in paths["/api/incidents"]
    assert "post" in paths["/api/incidents/{incident_id}/status"]
    assert "post" in paths["/api/incidents/{incident_id}/events"]
    assert "post" in paths["/api/incidents/{incident_id}/action-items"]
    declared = paths["/api/incidents"]["post"]
    assert declared["description"].startswith("Declare an incident")
    assert "201" in declared["responses"]


def test_the_declarer_is_a_responder_not_the_commander(editor, sev2):
    post(editor, "/api/incidents", {"title": "x", "severity": "SEV2"})
    assert Incident.objects.get().responders.get().role == Responder.Role.RESPONDER


def test_a_declaration_keeps_its_key_moments_and_summary(editor, sev2):
    response = post(
        editor,
        "/api/incidents",
        {
            "title": "Search latency",
            "severity": "SEV2",
            "summary": "p99 above 2 s.",
            "impact_started_at": "2026-03-04T11:00:00Z",
            "detected_at": "2026-03-04T11:05:00Z",
        },
    )
    body = response.json()
    assert body["summary"] == "p99 above 2 s."
    assert body["time_to_detect_seconds"] == 300


def test_an_event_keeps_the_time_it_is_given(editor, incident):
    url = f"/api/incidents/{incident.pk}/events"
    response = post(editor, url, {"text": "Paged the DBA", "occurred_at": "2026-03-04T12:10:00Z"})
    assert response.json()["occurred_at"].startswith("2026-03-04T12:10:00")


def test_a_status_change_with_a_stale_version_writes_nothing(editor, incident):
    stale = incident.version
    incident.transition_to(Status.IDENTIFIED, editor)
    url = f"/api/incidents/{incident.pk}/status"
    response = post(editor, url, {"status": "monitoring", "version": stale})
    assert response.status_code == 409
    incident.refresh_from_db()
    assert incident.status == Status.IDENTIFIED


def test_an_empty_item_title_is_refused(editor, incident):
    url = f"/api/incidents/{incident.pk}/action-items"
    response = post(editor, url, {"title": "   "})
    assert response.status_code == 422
    assert not ActionItem.objects.exists()


def test_an_unknown_item_owner_is_refused(editor, incident):
    url = f"/api/incidents/{incident.pk}/action-items"
    response = post(editor, url, {"title": "x", "owner": "nobody-here"})
    assert response.status_code == 422
    assert "'nobody-here' cannot own" in response.json()["detail"]
