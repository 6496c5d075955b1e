"""Every text field, form and endpoint has a limit, and the server refuses larger bodies early.

The limits live in server/limits.py and are listed in docs/self-hosting.md.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from unblame.reviews.mdio.importer import ImportRefused, import_review
from unblame.reviews.models import ReviewSection, SectionTooLong
from unblame.reviews.services import draft_review
from unblame.server.limits import (
    MAX_ANALYZE_CHARS,
    MAX_FINDINGS,
    MAX_FORM_BYTES,
    MAX_REQUEST_BYTES,
    MAX_SECTION_CHARS,
    MAX_TEXT_CHARS,
    RequestSizeMiddleware,
)

from .actions_cast import *  # noqa: F403

TOO_LONG = "[" * (MAX_SECTION_CHARS + 1)
TRY_HARDER = "Be more careful when running migrations. "


# The request body -------------------------------------------------------------------------


def _answer(**meta):
    seen = []
    middleware = RequestSizeMiddleware(lambda request: seen.append(request) or "passed on")
    request = RequestFactory().generic("POST", "/incidents/", b"", **meta)
    return middleware(request), seen


@pytest.mark.parametrize(
    "content_type, length",
    [
        ("application/x-www-form-urlencoded", MAX_FORM_BYTES + 1),
        ("application/json", 10**9),
        ("multipart/form-data; boundary=x", MAX_REQUEST_BYTES + 1),
    ],
)
def test_a_body_declared_over_its_limit_is_refused_before_it_is_read(content_type, length):
    response, seen = _answer(CONTENT_TYPE=content_type, CONTENT_LENGTH=str(length))
    assert response.status_code == 413
    assert b"nothing was read" in response.content
    assert seen == []


@pytest.mark.parametrize(
    "content_type, length",
    [
        ("application/x-www-form-urlencoded", MAX_FORM_BYTES),
        ("multipart/form-data; boundary=x", MAX_FORM_BYTES * 4),
    ],
)
def test_a_body_within_its_limit_is_passed_on(content_type, length):
    response, seen = _answer(CONTENT_TYPE=content_type, CONTENT_LENGTH=str(length))
    assert response == "passed on"
    assert len(seen) == 1


def test_a_content_length_that_is_not_a_number_is_a_400():
    response, seen = _answer(CONTENT_LENGTH="lots")
    assert response.status_code == 400
    assert seen == []


def test_the_app_answers_413_to_a_big_form_post(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/events/",
        "x" * (MAX_FORM_BYTES + 1),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413


def test_django_reads_no_more_than_the_form_limit(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == MAX_FORM_BYTES
    assert settings.MIDDLEWARE[0] == "unblame.server.limits.RequestSizeMiddleware"


def test_waitress_is_given_the_request_limit(monkeypatch):
    import waitress

    from unblame.server import serve

    captured = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **options: captured.update(options))
    serve.run_waitress("127.0.0.1", 8000, __import__("io").StringIO())
    assert captured["max_request_body_size"] == MAX_REQUEST_BYTES


# Review sections ---------------------------------------------------------------------------


def test_a_section_longer_than_the_limit_is_not_saved(editor, incident):
    review = draft_review(incident, editor)
    section = review.sections.get(key="impact")
    before = section.body
    with pytest.raises(SectionTooLong, match="at most 50,000"):
        section.save_body(editor, TOO_LONG, section.version)
    section.refresh_from_db()
    assert section.body == before and section.versions.count() == 1


def test_a_section_at_the_limit_is_saved(editor, incident):
    section = draft_review(incident, editor).sections.get(key="impact")
    assert section.save_body(editor, "x" * MAX_SECTION_CHARS, section.version) is not None


def test_the_editor_refuses_a_long_text_and_gives_it_back(as_editor, editor, incident):
    section = draft_review(incident, editor).sections.get(key="impact")
    response = as_editor.post(
        f"/incidents/{incident.pk}/review/sections/impact/",
        {"body": TOO_LONG, "base_version": section.version},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 50000 characters" in page
    assert TOO_LONG in page  # given back, not lost
    assert ReviewSection.objects.get(pk=section.pk).body == section.body


def test_the_api_refuses_a_long_section_with_a_reason(editor, incident):
    draft_review(incident, editor)
    client = Client()
    auth = {"Authorization": f"Bearer {editor.new_api_token()}"}
    url = f"/api/incidents/{incident.pk}/review/sections/impact"
    body = {"version": 1, "body": "x" * (MAX_SECTION_CHARS + 1)}
    response = client.put(url, body, "application/json", headers=auth)
    assert response.status_code == 422
    assert "at most 50,000" in response.json()["detail"]


def test_an_import_with_a_long_section_is_refused_and_writes_nothing(editor):
    from unblame.incidents.models import Incident

    text = f"# Long\n\n## Impact\n\n{TOO_LONG}\n"
    with pytest.raises(ImportRefused, match="at most 50,000"):
        import_review(text, editor)
    assert not Incident.objects.filter(title="Long").exists()


# Live analysis endpoints -------------------------------------------------------------------


def test_review_analysis_refuses_text_over_the_limit(as_viewer, incident):
    url = f"/incidents/{incident.pk}/review/analyze/"
    response = as_viewer.post(url, {"body": "x" * (MAX_ANALYZE_CHARS + 1)})
    assert response.status_code == 413


def test_review_analysis_answers_with_at_most_the_finding_limit(as_viewer, incident):
    text = "Bob should have checked the config. " * (MAX_FINDINGS + 50)
    response = as_viewer.post(
        f"/incidents/{incident.pk}/review/analyze/",
        {"body": text},
        headers={"Accept": "application/json"},
    )
    data = response.json()
    assert len(data["findings"]) == MAX_FINDINGS
    assert data["more"] >= 50


def test_the_action_check_refuses_text_over_the_limit(as_viewer, incident):
    url = f"/incidents/{incident.pk}/actions/check/?field=description"
    response = as_viewer.post(url, {"description": "x" * (MAX_ANALYZE_CHARS + 1)})
    assert response.status_code == 413


def test_the_action_check_answer_stays_small_however_many_findings(as_viewer, incident):
    url = f"/incidents/{incident.pk}/actions/check/?field=description"
    one = as_viewer.post(url, {"description": TRY_HARDER})
    many = as_viewer.post(url, {"description": TRY_HARDER * 1000})
    assert one.status_code == many.status_code == 200
    assert len(many.content) <= 3 * len(one.content) + 2000


# Other free text ---------------------------------------------------------------------------

LONG_TEXT = "x" * (MAX_TEXT_CHARS + 1)


def test_a_timeline_entry_over_the_text_limit_is_refused_and_kept(as_editor, incident):
    from unblame.incidents.models import TimelineEvent

    data = {"occurred_at": "2026-03-04T12:05", "kind": "note", "text": LONG_TEXT}
    response = as_editor.post(f"/incidents/{incident.pk}/events/", data)
    page = response.content.decode()
    assert f"at most {MAX_TEXT_CHARS}" in page
    assert not TimelineEvent.objects.filter(incident=incident, text=LONG_TEXT).exists()


def test_an_incident_summary_over_the_text_limit_is_refused(as_editor, incident):
    data = {
        "title": incident.title,
        "severity": incident.severity_id,
        "summary": LONG_TEXT,
        "version": incident.version,
    }
    response = as_editor.post(f"/incidents/{incident.pk}/edit/", data)
    assert f"at most {MAX_TEXT_CHARS}" in response.content.decode()
    incident.refresh_from_db()
    assert incident.summary != LONG_TEXT


def test_the_api_refuses_an_incident_summary_over_the_limit(editor, incident):
    client = Client()
    auth = {"Authorization": f"Bearer {editor.new_api_token()}"}
    body = {"version": incident.version, "summary": LONG_TEXT}
    response = client.patch(f"/api/incidents/{incident.pk}", body, "application/json", headers=auth)
    assert response.status_code == 422


def test_an_action_item_description_over_the_text_limit_is_refused(as_editor, incident):
    from unblame.actions.models import ActionItem

    data = {
        "title": "Add a canary stage",
        "description": LONG_TEXT,
        "kind": "prevent",
        "owner": "",
        "priority": "p2",
        "status": "open",
    }
    response = as_editor.post(f"/incidents/{incident.pk}/actions/new/", data)
    assert f"at most {MAX_TEXT_CHARS}" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_every_free_text_field_of_the_edit_forms_has_a_limit(incident):
    from unblame.actions.forms import ActionItemForm, FactorForm
    from unblame.incidents.forms import EventForm, IncidentForm
    from unblame.reviews.forms import DebriefForm

    forms = [
        IncidentForm(),
        EventForm(),
        FactorForm(incident=incident),
        ActionItemForm(incident=incident),
        DebriefForm(),
    ]
    for form in forms:
        for name, field in form.fields.items():
            if hasattr(field, "max_length"):
                assert field.max_length is not None, (type(form).__name__, name)
