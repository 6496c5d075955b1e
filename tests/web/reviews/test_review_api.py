"""GET /api/incidents/{id}/review: the review's sections through the same access rules."""

from .conftest import save


def _get(client, incident):
    return client.get(f"/api/incidents/{incident.pk}/review")


def test_it_returns_state_and_sections(as_viewer, incident, review, editor):
    save(review, "learnings", "Canaries help.", editor)
    data = _get(as_viewer, incident).json()
    assert data["incident_id"] == incident.pk
    assert data["state"] == "draft"
    learnings = next(s for s in data["sections"] if s["key"] == "learnings")
    assert (learnings["body"], learnings["version"], learnings["updated_by"]) == (
        "Canaries help.",
        2,
        "ed",
    )
    assert data["state_changes"][0]["to_state"] == "draft"


def test_it_answers_scripts_with_a_token(client, incident, review, viewer):
    token = viewer.new_api_token()
    response = client.get(
        f"/api/incidents/{incident.pk}/review", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200


def test_no_review_yet_is_404(as_viewer, incident):
    assert _get(as_viewer, incident).status_code == 404


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _get(as_outsider, restricted).status_code == 404


def test_anonymous_callers_are_refused(client, incident, review):
    assert _get(client, incident).status_code == 401
