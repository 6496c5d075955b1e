"""A 403 says why, for the person's situation, and writes one log line without a traceback."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.urls import reverse

from unblame.server.logfilters import ForbiddenWithoutTraceback


def test_an_admin_who_is_not_a_responder_is_told_why_the_debrief_is_closed(as_admin, incident):
    response = as_admin.get(reverse("reviews:debrief", args=[incident.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Debriefs are written by the incident&#x27;s responders." in page
    assert "Your role lets you read this" not in page


def test_a_viewer_is_told_their_role_reads_only(as_viewer, incident):
    response = as_viewer.get(f"/incidents/{incident.pk}/edit/")
    assert response.status_code == 403
    assert "Your role lets you read this, not change it." in response.content.decode()


def test_an_editor_on_an_admin_page_is_told_it_is_for_admins(as_editor):
    response = as_editor.get("/audit/")
    assert response.status_code == 403
    assert "This page is for admins." in response.content.decode()


def _record(status: int) -> logging.LogRecord:
    try:
        raise PermissionError("no")
    except PermissionError:
        info = sys.exc_info()
    record = logging.LogRecord("django.request", logging.WARNING, "x", 1, "Forbidden", (), info)
    record.status_code = status
    return record


def test_a_403_is_logged_without_its_traceback():
    record = _record(403)
    assert ForbiddenWithoutTraceback().filter(record)
    assert record.exc_info is None
    assert "Traceback" not in logging.Formatter().format(record)


def test_other_errors_keep_their_traceback():
    record = _record(500)
    ForbiddenWithoutTraceback().filter(record)
    assert "Traceback" in logging.Formatter().format(record)


def test_the_console_log_uses_the_filter():
    console = settings.LOGGING["handlers"]["console"]
    assert console["filters"] == ["forbidden"]
    assert settings.LOGGING["filters"]["forbidden"]["()"].endswith("ForbiddenWithoutTraceback")
