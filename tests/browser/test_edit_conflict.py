"""Issue 12 in a browser: two people edit the same thing, and nobody's save is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident

from .conftest import BROWSER, TIMEOUT_MS

pytestmark = BROWSER


@pytest.fixture
def other_page(browser, live_server, admin) -> Iterator[Page]:
    """A second person (the admin) in their own browser, signed in."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    client = Client()
    client.force_login(admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    yield context.new_page()
    context.close()


def test_the_later_incident_save_keeps_what_was_typed(
    page, other_page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    edit = f"/incidents/{incident.pk}/edit/"
    page.goto(edit)
    other_page.goto(edit)
    other_page.get_by_label("Title").fill("Checkout down for card payments")
    other_page.get_by_role("button", name="Save changes").click()
    expect(other_page.get_by_text("Incident updated.")).to_be_visible()

    page.get_by_label("Title").fill("Card payments failing")
    page.get_by_label("Summary").fill("4% of card payments failed for 40 minutes.")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("heading", name="Changed since you opened it")).to_be_visible()
    row = page.locator(".conflict-table tr", has_text="Title")
    expect(row).to_contain_text("Checkout down for card payments")
    expect(row).to_contain_text("Card payments failing")
    expect(page.get_by_label("Title")).to_have_value("Card payments failing")
    expect(page.get_by_label("Summary")).to_have_value("4% of card payments failed for 40 minutes.")
    screenshot("conflict")

    # Keep mine: saving again is now a deliberate choice over theirs.
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Card payments failing")).to_be_visible()
    assert Incident.objects.get(pk=incident.pk).summary.startswith("4% of card payments")


def test_a_status_picked_in_a_stale_list_offers_a_choice(
    page, other_page, sign_in, editor, incident, screenshot
):
    item = ActionItem.objects.create(
        incident=incident, title="Add a canary stage", owner=editor, due_date=date(2026, 3, 20)
    )
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/actions/")
    other_page.goto(f"/incidents/{incident.pk}/actions/")
    with other_page.expect_response(lambda response: "/status/" in response.url):
        other_page.get_by_label("Status of Add a canary stage").select_option("done")
    assert ActionItem.objects.get(pk=item.pk).status == "done"

    # The stale row's change comes back as the conflict page, in place of the list.
    page.get_by_label("Status of Add a canary stage").select_option("in_progress")
    expect(page.get_by_role("heading", name="Changed since you opened it")).to_be_visible()
    assert ActionItem.objects.get(pk=item.pk).status == "done"
    screenshot("conflict")
    page.get_by_role("button", name="Apply mine anyway").click()
    expect(page.get_by_label("Status of Add a canary stage")).to_have_value("in_progress")
    assert ActionItem.objects.get(pk=item.pk).status == "in_progress"
