"""Content-Security-Policy on every page, HSTS when asked, no-store where it matters,
and the audit of restricted reads and downloads (server/security.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from unblame.accounts.models import AuditEntry
from unblame.reviews.services import draft_review
from unblame.server.security import CONTENT_SECURITY_POLICY, SecurityHeadersMiddleware

from .fresh_settings import load_settings, restore_settings_module  # noqa: F401

SRC = Path(__file__).resolve().parents[2] / "src" / "unblame"
# A file people download and open from disk; it carries its own, stricter policy.
STANDALONE = {"review_markdown/standalone.html"}


def _csp(response) -> dict[str, str]:
    parts = response["Content-Security-Policy"].split(";")
    return dict(part.strip().split(" ", 1) for part in parts)


def _templates() -> list[str]:
    names = (str(path).split("/templates/", 1)[1] for path in SRC.glob("**/templates/**/*.html"))
    return sorted(name for name in names if name not in STANDALONE)


def _template_text(name: str) -> str:
    return next(SRC.glob(f"**/templates/{name}")).read_text()


@pytest.mark.parametrize("url", ["/login/", "/incidents/", "/api/incidents", "/nowhere/"])
def test_pages_and_api_answers_carry_the_policy(as_viewer, incident, url):
    policy = _csp(as_viewer.get(url))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in as_viewer.get(url)["Content-Security-Policy"]


def test_the_incident_page_has_the_policy_and_no_inline_script_or_style(as_editor, incident):
    response = as_editor.get(incident.get_absolute_url())
    page = response.content.decode()
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert " style=" not in page and "<style" not in page


@pytest.mark.parametrize("name", _templates())
def test_no_template_has_inline_script_style_or_handlers(name):
    text = _template_text(name)
    # The policy would block them; this says which template to fix.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), name
    assert not re.search(r"<style|\sstyle=", text), name
    assert not re.search(r"\son[a-z]+=|javascript:|hx-on", text), name


def test_htmx_is_told_not_to_add_its_inline_style_nor_keep_pages(as_viewer, incident):
    page = as_viewer.get("/incidents/").content.decode()
    assert '"includeIndicatorStyles": false' in page
    assert '"historyCacheSize": 0' in page


def test_the_findings_legend_draws_its_swatches_without_inline_style(as_editor, incident, editor):
    review = draft_review(incident, editor)
    page = as_editor.get(f"/incidents/{incident.pk}/review/summary/").content.decode()
    assert review.pk and '<svg class="swatch"' in page
    assert " style=" not in page


def test_a_view_that_sets_its_own_policy_keeps_it():
    own = "default-src 'none'"
    middleware = SecurityHeadersMiddleware(lambda request: _with_policy(own))
    assert middleware(RequestFactory().get("/"))["Content-Security-Policy"] == own


def _with_policy(policy):
    response = HttpResponse("x")
    response["Content-Security-Policy"] = policy
    return response


# -- HSTS ---------------------------------------------------------------------------------------


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https_when_configured(db):
    response = Client().get("/login/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in Client().get("/login/")


def test_hsts_is_off_unless_configured(db):
    assert "Strict-Transport-Security" not in Client().get("/login/", secure=True)


def test_hsts_settings_come_from_the_environment(monkeypatch, tmp_path):
    settings = load_settings(
        monkeypatch,
        tmp_path,
        UNBLAME_HSTS_SECONDS="63072000",
        UNBLAME_HSTS_INCLUDE_SUBDOMAINS="true",
        UNBLAME_HSTS_PRELOAD="true",
    )
    assert settings.SECURE_HSTS_SECONDS == 63072000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS and settings.SECURE_HSTS_PRELOAD


def test_hsts_is_off_by_default(monkeypatch, tmp_path):
    assert load_settings(monkeypatch, tmp_path).SECURE_HSTS_SECONDS == 0


# -- Cache-Control ------------------------------------------------------------------------------


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path",
    ["/incidents/{pk}/", "/incidents/{pk}/edit/", "/incidents/{pk}/review/", "/api/incidents/{pk}"],
)
def test_restricted_incident_pages_are_not_stored(as_editor, restricted, editor, path):
    draft_review(restricted, editor)
    response = as_editor.get(path.format(pk=restricted.pk))
    assert response.status_code == 200
    assert _no_store(response)


def test_restricted_review_exports_are_not_stored(as_editor, restricted, editor):
    draft_review(restricted, editor)
    for suffix in ("review.md", "review.html"):
        response = as_editor.get(f"/incidents/{restricted.pk}/{suffix}")
        assert response.status_code == 200
        assert _no_store(response)


def test_a_public_incident_is_private_to_the_browser_but_may_be_kept(as_viewer, incident):
    response = as_viewer.get(incident.get_absolute_url())
    assert response["Cache-Control"] == "private"


def test_debriefs_are_not_stored(as_editor, incident):
    response = as_editor.get(f"/incidents/{incident.pk}/debrief/")
    assert response.status_code == 200
    assert _no_store(response)


@pytest.mark.parametrize("path", ["/incidents/export.csv", "/actions/export.csv"])
def test_downloads_are_not_stored(as_viewer, incident, path):
    response = as_viewer.get(path)
    assert response.status_code == 200
    assert _no_store(response)


def test_the_sign_in_page_is_left_to_django(db):
    assert "no-store" not in Client().get("/login/").get("Cache-Control", "")


# -- Audit: reads of restricted incidents and downloads -------------------------------------------


def test_reading_a_restricted_incident_is_audited(as_editor, editor, restricted):
    as_editor.get(restricted.get_absolute_url())
    entry = AuditEntry.objects.get(action="read")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        editor,
        "incidents.incident",
        str(restricted.pk),
    )
    assert entry.after == {"path": restricted.get_absolute_url()}


def test_reading_through_the_api_with_a_token_is_audited(editor, restricted):
    token = editor.new_api_token()
    response = Client().get(f"/api/incidents/{restricted.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert AuditEntry.objects.get(action="read").actor == editor


def test_public_incidents_and_refusals_are_not_audited_as_reads(
    as_viewer, as_outsider, incident, restricted
):
    as_viewer.get(incident.get_absolute_url())
    assert as_outsider.get(restricted.get_absolute_url()).status_code == 404
    assert not AuditEntry.objects.filter(action="read").exists()


def test_writes_are_not_audited_as_reads(as_editor, restricted):
    as_editor.post(f"/incidents/{restricted.pk}/events/", {"text": "x"})
    assert not AuditEntry.objects.filter(action="read").exists()


def test_csv_exports_are_audited_without_their_search_words(as_viewer, viewer, incident):
    as_viewer.get("/incidents/export.csv", {"q": "checkout"})
    entry = AuditEntry.objects.get(action="export")
    assert entry.actor == viewer
    assert entry.object_repr == "incidents.csv"
    assert entry.after == {"path": "/incidents/export.csv", "file": "incidents.csv"}


def test_a_review_export_is_audited_against_its_incident(as_editor, editor, restricted):
    draft_review(restricted, editor)
    as_editor.get(f"/incidents/{restricted.pk}/review.md")
    entry = AuditEntry.objects.get(action="export")
    assert (entry.object_type, entry.object_id) == ("incidents.incident", str(restricted.pk))
    assert entry.after["file"].endswith(".md")
    # The download is the read: one entry, not two.
    assert not AuditEntry.objects.filter(action="read").exists()


def test_opening_ones_debrief_on_a_restricted_incident_is_not_audited(as_editor, restricted):
    assert as_editor.get(f"/incidents/{restricted.pk}/debrief/").status_code == 200
    assert not AuditEntry.objects.exists()
