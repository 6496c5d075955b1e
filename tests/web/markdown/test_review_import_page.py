"""Uploading Markdown on the incident list to create or update an incident and its review."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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
