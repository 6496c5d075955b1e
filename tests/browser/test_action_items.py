"""Issue 4 in a browser: a factor, an action item with the live try-harder
hint, and an inline status change that swaps only the item's row."""

from __future__ import annotations

from playwright.sync_api import expect

from unblame.actions.models import ActionItem

from .conftest import BROWSER, arrive

pytestmark = BROWSER


def test_an_editor_records_a_factor_and_an_item_and_sees_the_hint_while_typing(
    page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/actions/")
    page.get_by_role("link", name="Add factor").click()
    page.get_by_label("Category").select_option(label="Change management")
    page.get_by_label("Description").fill("The deploy pipeline had no canary stage.")
    page.get_by_role("button", name="Add factor").click()
    expect(page.get_by_text("Contributing factor added.")).to_be_visible()

    page.get_by_role("link", name="Add an action for it").click()
    arrive(page, "Add an action item")
    title = page.get_by_label("Title")
    title.fill("Remind engineers to double-check the config before deploying")
    hint = page.locator("#hint-title .try-harder-hint")
    expect(hint).to_contain_text("relies on training or reminding people")
    screenshot("hint")

    title.fill("Add a canary stage that halts the deploy on errors")
    expect(hint).to_have_count(0)
    page.get_by_role("button", name="Add action item").click()
    expect(page.get_by_text("Action item added.")).to_be_visible()
    expect(page.get_by_text("1 of 1")).to_be_visible()
    assert ActionItem.objects.get().factors.count() == 1


def test_a_status_changes_in_place(page, sign_in, editor, incident, screenshot):
    item = ActionItem.objects.create(incident=incident, title="Add a canary stage")
    sign_in(editor)
    page.goto("/actions/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Status of Add a canary stage").select_option("done")
    expect(page.locator(f"#item-{item.pk}")).to_have_class("item-row item-closed")
    assert page.evaluate("window.notReloaded") is True
    item.refresh_from_db()
    assert item.status == "done" and item.closed_at is not None
    screenshot("done")
