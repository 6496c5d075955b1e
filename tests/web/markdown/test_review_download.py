"""Downloading a review as Markdown or as a standalone HTML page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from unblame.reviews.mdio import parse_markdown
from unblame.reviews.mdio.export import export_review
from unblame.reviews.services import draft_review


def url(kind: str, incident) -> str:
    return reverse(f"review_markdown:{kind}", args=[incident.pk])


def test_the_markdown_download_is_the_export(as_viewer, incident, written) -> None:
    response = as_viewer.get(url("markdown", incident))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert f'filename="incident-{incident.pk}-review.md"' in response["Content-Disposition"]
    assert response.content.decode() == export_review(written)
    assert parse_markdown(response.content).document.incident.id == incident.pk


def test_the_html_download_is_one_self_contained_page(as_viewer, incident, written) -> None:
    response = as_viewer.get(url("html", incident))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert page.startswith("<!doctype html>")
    assert "<h1>Checkout errors after deploy</h1>" in page
    assert "Content-Security-Policy" in page
    # No script, stylesheet or font is fetched from anywhere.
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert "Run migrations against a production-sized snapshot in CI" in page
    assert "Deploys skip the canary on Fridays." in page


def test_the_html_page_renders_markdown_and_escapes_what_is_not(
    as_editor, incident, written, editor
) -> None:
    section = written.sections.get(key="learnings")
    body = "**Bold** move.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"
    section.save_body(editor, body, section.version)
    page = as_editor.get(url("html", incident)).content.decode()
    assert "<strong>Bold</strong> move." in page
    assert "<script>alert(1)</script>" not in page
    assert 'href="javascript:' not in page


def test_an_incident_without_a_review_has_nothing_to_download(as_editor, incident) -> None:
    assert as_editor.get(url("markdown", incident)).status_code == 404


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_a_restricted_review_is_404_to_an_outsider(as_outsider, restricted, editor, kind) -> None:
    draft_review(restricted, editor)
    assert as_outsider.get(url(kind, restricted)).status_code == 404


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_a_restricted_review_downloads_for_its_responders(as_editor, restricted, editor, kind):
    draft_review(restricted, editor)
    assert as_editor.get(url(kind, restricted)).status_code == 200


def test_it_requires_a_login(client, incident, written) -> None:
    response = client.get(url("markdown", incident))
    assert response.status_code == 302
    assert "/login" in response["Location"]
