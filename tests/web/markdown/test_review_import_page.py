"""Uploading Markdown on the incident list to create or update an incident and its review."""

from __future__ import annotations

import base64
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident
from unblame.reviews.mdio.export import export_review

IMPORT = reverse("review_markdown:import")
FOREIGN = b"""# 2018-03-26, disk full on a node

## Summary

A node filled its disk and launches failed for 20 minutes.

## Root causes

Image garbage collection was off on the new pool.

## Follow-ups

- [ ] Turn image garbage collection on.
"""


def upload(client, content: bytes, name: str = "review.md"):
    """Upload and confirm the preview, as a person clicking through both steps would."""
    preview = preview_of(client, content, name)
    if preview.status_code != 200 or "confirm" not in preview.context:
        return preview
    return client.post(IMPORT, preview.context["confirm"].initial)


def preview_of(client, content: bytes, name: str = "review.md"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content, "text/markdown")})


def test_the_incident_list_links_to_it_for_editors(as_editor, as_viewer) -> None:
    assert IMPORT in as_editor.get(reverse("incidents:list")).content.decode()
    assert IMPORT not in as_viewer.get(reverse("incidents:list")).content.decode()


def test_it_shows_an_upload_form(as_editor) -> None:
    response = as_editor.get(IMPORT)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_a_viewer_may_not_import(as_viewer) -> None:
    assert as_viewer.get(IMPORT).status_code == 403
    assert upload(as_viewer, FOREIGN).status_code == 403
    assert not Incident.objects.exists()


def test_a_foreign_review_becomes_a_new_incident_with_a_summary(as_editor) -> None:
    response = upload(as_editor, FOREIGN)
    assert response.status_code == 200
    incident = Incident.objects.get()
    assert incident.title == "2018-03-26, disk full on a node"
    page = response.content.decode()
    assert "Created incident" in page
    assert "&#x27;Root causes&#x27; → contributing_factors" in page
    review = incident.review
    assert review.sections.get(key="action_items").body == "- [ ] Turn image garbage collection on."


def test_an_export_updates_its_own_incident(as_editor, incident, written) -> None:
    text = export_review(written).replace("Canaries catch", "Canaries do catch")
    response = upload(as_editor, text.encode())
    assert "Updated incident" in response.content.decode()
    assert Incident.objects.count() == 1
    assert incident.review.sections.get(key="learnings").body.startswith("Canaries do catch")


def test_an_outsider_cannot_update_a_restricted_incident_through_a_file(
    as_outsider, restricted, editor
) -> None:
    from unblame.reviews.services import draft_review

    text = export_review(draft_review(restricted, editor))
    upload(as_outsider, text.replace("Credential stuffing", "Renamed").encode())
    restricted.refresh_from_db()
    assert restricted.title == "Credential stuffing against sign-in"
    # The file became a new incident of the outsider's, not a way into this one.
    assert Incident.objects.count() == 2


def test_a_malformed_file_is_refused_with_its_line(as_editor) -> None:
    response = upload(as_editor, b"---\ntitle: [unclosed\n---\n")
    assert response.status_code == 400
    assert "line 2: front matter is not valid YAML" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_binary_file_is_refused(as_editor) -> None:
    response = upload(as_editor, b"\x89PNG\r\n\x1a\n\x00\x00", "diagram.png")
    assert response.status_code == 400
    assert "binary file" in response.content.decode()


def test_a_file_without_a_title_is_named_after_the_file(as_editor) -> None:
    upload(as_editor, b"## Summary\n\nIt broke.\n", "2024-05-01-dns.md")
    assert Incident.objects.get().title == "2024-05-01-dns"


def test_uploading_shows_a_preview_and_writes_nothing(as_editor) -> None:
    response = preview_of(as_editor, FOREIGN)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This file will create <strong>a new incident</strong>" in page
    assert "&#x27;Root causes&#x27; → contributing_factors" in page
    assert "Create the incident" in page
    assert not Incident.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_preview_of_an_export_names_the_incident_it_updates(as_editor, incident, written):
    text = export_review(written).replace("Canaries catch", "Canaries do catch")
    page = preview_of(as_editor, text.encode()).content.decode()
    assert f'This file will update <a href="{incident.get_absolute_url()}">' in page
    assert "1 section(s) of the review changed" in page
    written.refresh_from_db()
    assert written.sections.get(key="learnings").body.startswith("Canaries catch")


def test_confirming_imports_the_exact_bytes_previewed(as_editor) -> None:
    crlf = FOREIGN.replace(b"\n", b"\r\n")
    response = upload(as_editor, crlf)
    assert "Created incident" in response.content.decode()
    assert Incident.objects.get().review.sections.get(key="summary").body.startswith("A node")


def test_a_tampered_confirmation_is_refused_and_writes_nothing(as_editor) -> None:
    response = as_editor.post(IMPORT, {"content": "not base64 !!", "name": "x.md"})
    assert response.status_code == 400
    assert "did not come back whole" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_viewer_may_not_confirm_an_import(as_viewer) -> None:
    content = base64.b64encode(FOREIGN).decode()
    assert as_viewer.post(IMPORT, {"content": content, "name": "x.md"}).status_code == 403
    assert not Incident.objects.exists()


def test_a_slack_export_is_refused_pointing_to_chat_import(as_editor) -> None:
    slack = json.dumps([{"type": "message", "user": "U1", "text": "rolling back", "ts": "1.0"}])
    response = preview_of(as_editor, slack.encode(), "general.json")
    assert response.status_code == 400
    page = response.content.decode()
    assert "this is JSON, not a review in Markdown" in page
    assert "Import chat" in page
    assert not Incident.objects.exists()


def test_a_chat_transcript_is_refused_pointing_to_chat_import(as_editor) -> None:
    transcript = b"[12:01] dana: checkout is throwing 500s\n[12:03] sam: rolling back now\n"
    response = preview_of(as_editor, transcript, "incident.txt")
    assert response.status_code == 400
    page = response.content.decode()
    assert "not a review" in page
    assert "Import chat on its incident&#x27;s page" in page
    assert not Incident.objects.exists()
