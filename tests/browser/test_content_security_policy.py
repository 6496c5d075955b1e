"""The Content-Security-Policy blocks nothing the app itself needs, in a real browser.

Chromium reports each refused script, style or request on the console; a page
that works only because of something inline would show up here first.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from unblame.reviews.services import draft_review

from .conftest import BROWSER

pytestmark = BROWSER


@pytest.fixture
def violations(page):
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_the_main_pages_run_under_the_policy(page, sign_in, editor, incident, violations):
    draft_review(incident, editor)
    sign_in(editor)
    for path in (
        "/incidents/",
        incident.get_absolute_url(),
        f"/incidents/{incident.pk}/review/",
        f"/incidents/{incident.pk}/review/sections/timeline/",
        f"/incidents/{incident.pk}/review/summary/",
        f"/incidents/{incident.pk}/debrief/",
        "/actions/",
        "/api/docs",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    assert violations == []


def test_htmx_still_works_under_the_policy(page, sign_in, editor, incident, violations):
    sign_in(editor)
    page.goto("/incidents/")
    page.wait_for_load_state("load")
    with page.expect_response(lambda response: "/incidents/?" in response.url):
        page.locator("#id_q").fill("no such incident anywhere")
    expect(page.get_by_role("link", name=incident.title)).to_have_count(0)
    assert violations == []


def test_swagger_ui_draws_the_api_under_the_policy(page, sign_in, viewer, violations):
    sign_in(viewer)
    page.goto("/api/docs")
    expect(page.get_by_text("/api/incidents").first).to_be_visible()
    assert violations == []
