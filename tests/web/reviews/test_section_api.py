"""PUT /api/incidents/{id}/review/sections/{key}: who may write a section, and what is refused.

A refused write leaves the section's text and version as they were; one
that lands is a new version with its note, as a save in the editor is.
"""

from __future__ import annotations

from django.test import Client

from .conftest import section


def put(user, incident, key, **body):
    client = Client()
    headers = {"Authorization": f"Bearer {user.new_api_token()}"}
    url = f"/api/incidents/{incident.pk}/review/sections/{key}"
    return client.put(url, body, content_type="application/json", headers=headers)


def unchanged(review, key, version=1):
    current = section(review, key)
    assert current.version == version
    return current


def test_a_write_is_a_new_version_with_its_author_and_note(editor, incident, review):
    response = put(editor, incident, "learnings", version=1, body="Canaries help.", note="First")
    assert response.status_code == 200
    data = response.json()
    assert (data["body"], data["version"], data["updated_by"]) == ("Canaries help.", 2, "ed")
    latest = section(review, "learnings").versions.order_by("-version").first()
    assert (latest.author, latest.note, latest.body) == (editor, "First", "Canaries help.")


def test_a_long_note_is_cut_to_two_hundred_characters(editor, incident, review):
    assert (
        put(editor, incident, "learnings", version=1, body="x", note="n" * 500).status_code == 200
    )
    latest = section(review, "learnings").versions.order_by("-version").first()
    assert latest.note == "n" * 200


def test_if_match_names_the_version_as_the_body_would(editor, incident, review):
    client = Client()
    headers = {"Authorization": f"Bearer {editor.new_api_token()}", "If-Match": '"1"'}
    url = f"/api/incidents/{incident.pk}/review/sections/learnings"
    first = client.put(url, {"body": "One."}, content_type="application/json", headers=headers)
    assert (first.status_code, first["ETag"]) == (200, '"2"')
    stale = client.put(url, {"body": "Two."}, content_type="application/json", headers=headers)
    assert stale.status_code == 412
    assert section(review, "learnings").body == "One."


def test_without_a_version_it_is_refused(editor, incident, review):
    assert put(editor, incident, "learnings", body="x").status_code == 428
    unchanged(review, "learnings")


def test_an_unknown_section_is_a_404(editor, incident, review):
    assert put(editor, incident, "no-such-section", version=1, body="x").status_code == 404


def test_an_incident_without_a_review_is_a_404(editor, incident):
    assert put(editor, incident, "learnings", version=1, body="x").status_code == 404


def test_viewers_cannot_write(viewer, incident, review):
    assert put(viewer, incident, "learnings", version=1, body="x").status_code == 403
    unchanged(review, "learnings")


def test_a_restricted_review_does_not_exist_for_an_outsider(
    outsider, restricted, restricted_review
):
    response = put(outsider, restricted, "learnings", version=1, body="x")
    assert response.status_code == 404
    unchanged(restricted_review, "learnings")


def test_a_responder_writes_a_restricted_review(editor, restricted, restricted_review):
    assert put(editor, restricted, "learnings", version=1, body="Rotate keys.").status_code == 200
    assert section(restricted_review, "learnings").body == "Rotate keys."


def test_a_published_review_says_how_to_change_it(editor, incident, review):
    review.state = "published"
    review.save()
    response = put(editor, incident, "learnings", version=1, body="x")
    assert response.status_code == 422
    assert "move it back to review" in response.json()["detail"]
    unchanged(review, "learnings")


def test_a_body_that_is_not_text_is_refused(editor, incident, review):
    assert put(editor, incident, "learnings", version=1, body=["a", "list"]).status_code == 422
    unchanged(review, "learnings")
