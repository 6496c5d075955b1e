"""API writes name the version they change: If-Match (412 when stale) or `version` (409)."""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident
from unblame.reviews.services import draft_review

from .actions_cast import *  # noqa: F403


def _client(user) -> tuple[Client, dict[str, str]]:
    return Client(), {"Authorization": f"Bearer {user.new_api_token()}"}


@pytest.fixture
def api(editor):
    return _client(editor)


def _patch(api, url, data, **headers):
    client, auth = api
    return client.patch(url, data, content_type="application/json", headers={**auth, **headers})


def test_a_read_gives_the_version_and_its_etag(api, incident):
    client, auth = api
    response = client.get(f"/api/incidents/{incident.pk}", headers=auth)
    assert response.json()["version"] == 1
    assert response["ETag"] == '"1"'


def test_a_patch_from_the_current_version_lands_and_is_audited(api, incident, editor):
    response = _patch(api, f"/api/incidents/{incident.pk}", {"version": 1, "title": "Down"})
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert response["ETag"] == '"2"'
    assert Incident.objects.get(pk=incident.pk).title == "Down"
    entry = AuditEntry.objects.get(action="update", object_type="incidents.incident")
    assert (entry.actor, entry.after) == (editor, {"title": "Down"})


def test_a_stale_body_version_is_a_409_and_writes_nothing(api, incident):
    _patch(api, f"/api/incidents/{incident.pk}", {"version": 1, "title": "First"})
    response = _patch(api, f"/api/incidents/{incident.pk}", {"version": 1, "title": "Second"})
    assert response.status_code == 409
    body = response.json()
    assert (body["version"], body["your_version"], body["deleted"]) == (2, 1, False)
    assert response["ETag"] == '"2"'
    assert Incident.objects.get(pk=incident.pk).title == "First"


def test_a_stale_if_match_is_a_412(api, incident):
    _patch(api, f"/api/incidents/{incident.pk}", {"title": "First"}, **{"If-Match": '"1"'})
    response = _patch(
        api, f"/api/incidents/{incident.pk}", {"title": "Second"}, **{"If-Match": '"1"'}
    )
    assert response.status_code == 412
    assert Incident.objects.get(pk=incident.pk).title == "First"


def test_a_weak_etag_is_read_as_its_version(api, incident):
    response = _patch(api, f"/api/incidents/{incident.pk}", {"title": "X"}, **{"If-Match": 'W/"1"'})
    assert response.status_code == 200


def test_a_write_without_a_version_is_a_428(api, incident):
    response = _patch(api, f"/api/incidents/{incident.pk}", {"title": "Blind"})
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    garbled = _patch(api, f"/api/incidents/{incident.pk}", {"title": "x"}, **{"If-Match": "*"})
    assert garbled.status_code == 428
    assert Incident.objects.get(pk=incident.pk).title == incident.title


def test_key_moments_out_of_order_are_a_422(api, incident):
    response = _patch(
        api,
        f"/api/incidents/{incident.pk}",
        {"version": 1, "detected_at": "2026-03-04T11:00:00Z"},
    )
    assert response.status_code == 422
    assert "cannot be before" in response.json()["detail"]
    assert Incident.objects.get(pk=incident.pk).version == 1


def test_an_unknown_severity_is_a_422(api, incident):
    response = _patch(api, f"/api/incidents/{incident.pk}", {"version": 1, "severity": "SEV9"})
    assert response.status_code == 422


def test_a_severity_is_named(api, incident):
    response = _patch(api, f"/api/incidents/{incident.pk}", {"version": 1, "severity": "SEV1"})
    assert response.json()["severity"] == "SEV1"


def test_viewers_cannot_write(viewer, incident):
    response = _patch(
        _client(viewer), f"/api/incidents/{incident.pk}", {"version": 1, "title": "x"}
    )
    assert response.status_code == 403


def test_a_restricted_incident_is_a_404_to_outsiders(outsider, restricted):
    url = f"/api/incidents/{restricted.pk}"
    response = _patch(_client(outsider), url, {"version": 1, "title": "x"})
    assert response.status_code == 404
    assert Incident.objects.get(pk=restricted.pk).title == restricted.title


def test_an_item_patch_needs_its_version_too(api, item):
    url = f"/api/action-items/{item.pk}"
    assert _patch(api, url, {"status": "done"}).status_code == 428
    response = _patch(api, url, {"status": "done"}, **{"If-Match": '"1"'})
    assert response.status_code == 200
    assert response.json()["closed_at"] is not None
    stale = _patch(api, url, {"version": 1, "title": "Stale"})
    assert stale.status_code == 409
    assert ActionItem.objects.get(pk=item.pk).title == item.title


def test_an_item_owner_must_be_able_to_see_the_incident(api, restricted_item, outsider):
    url = f"/api/action-items/{restricted_item.pk}"
    response = _patch(api, url, {"version": 1, "owner": outsider.username})
    assert response.status_code == 422
    assert ActionItem.objects.get(pk=restricted_item.pk).owner != outsider


def test_an_item_of_a_restricted_incident_is_a_404_to_outsiders(outsider, restricted_item):
    url = f"/api/action-items/{restricted_item.pk}"
    assert _patch(_client(outsider), url, {"version": 1, "title": "x"}).status_code == 404


def test_a_section_put_is_a_new_version_from_the_one_named(api, incident, editor):
    review = draft_review(incident, editor)
    client, auth = api
    url = f"/api/incidents/{incident.pk}/review/sections/impact"
    first = client.put(url, {"version": 1, "body": "4% failed."}, "application/json", headers=auth)
    assert first.status_code == 200
    assert (first.json()["version"], first["ETag"]) == (2, '"2"')
    second = client.put(url, {"version": 1, "body": "Lost."}, "application/json", headers=auth)
    assert second.status_code == 409
    assert review.sections.get(key="impact").body == "4% failed."
    assert review.sections.get(key="impact").versions.count() == 2


def test_a_published_review_is_not_written(api, incident, editor):
    review = draft_review(incident, editor)
    review.state = "published"
    review.save()
    client, auth = api
    url = f"/api/incidents/{incident.pk}/review/sections/impact"
    response = client.put(url, {"version": 1, "body": "x"}, "application/json", headers=auth)
    assert response.status_code == 422


def test_the_openapi_description_lists_the_writes(api):
    client, auth = api
    paths = client.get("/api/openapi.json", headers=auth).json()["paths"]
    assert "patch" in paths["/api/incidents/{incident_id}"]
    assert "patch" in paths["/api/action-items/{item_id}"]
    assert "put" in paths["/api/incidents/{incident_id}/review/sections/{key}"]
