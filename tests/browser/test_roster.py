"""Settings → Roster in a browser: an admin adds and removes a name, a duplicate
in another case is refused, editors are kept out, and a name added here
reaches the live analyzer. Every rule of the form: tests/web/test_roster_settings.py."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import BROWSER, arrive

pytestmark = BROWSER

# No built-in list of given names has "Zorbel", so only the roster makes it a
# person. "Zorbel should have checked ..." is no use for showing that: the
# analyzer reads a capitalised subject of "should have" as someone anyway.
# A promise about Zorbel is a try-harder action only if Zorbel is a person.
PROMISE = "Zorbel will double-check the config from now on."


def add_name(page: Page, name: str) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Add name").click()


def open_roster(page: Page) -> None:
    page.goto("/settings/")
    page.get_by_role("link", name="Roster", exact=True).click()
    arrive(page, "Roster")


def test_an_admin_adds_and_removes_a_name(page, sign_in, admin, screenshot):
    sign_in(admin)
    open_roster(page)
    add_name(page, "Zorbel")
    expect(page.get_by_text("Zorbel is on the roster.")).to_be_visible()
    expect(page.get_by_role("cell", name="Zorbel", exact=True)).to_be_visible()
    screenshot("listed")

    page.get_by_role("button", name="Remove Zorbel").click()
    expect(page.get_by_text("Zorbel is off the roster.")).to_be_visible()
    expect(page.get_by_role("cell", name="Zorbel", exact=True)).to_have_count(0)
    expect(page.get_by_text("No names added yet.")).to_be_visible()


def test_a_name_already_listed_in_another_case_is_refused(page, sign_in, admin, screenshot):
    sign_in(admin)
    open_roster(page)
    add_name(page, "Zorbel")
    add_name(page, "zorbel")

    expect(page.get_by_role("alert")).to_have_text("zorbel is on the roster already.")
    expect(page.get_by_role("cell", name="Zorbel", exact=True)).to_have_count(1)
    expect(page.get_by_role("cell", name="zorbel", exact=True)).to_have_count(0)
    screenshot("duplicate")


def test_an_editor_is_not_allowed_on_the_roster_page(page, sign_in, editor):
    sign_in(editor)
    response = page.goto("/settings/roster/")

    assert response.status == 403
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    expect(page.get_by_role("button", name="Add name")).to_have_count(0)


def test_a_name_added_to_the_roster_reaches_the_live_analyzer(page, sign_in, admin, incident):
    sign_in(admin)
    open_roster(page)
    add_name(page, "Zorbel")
    expect(page.get_by_text("Zorbel is on the roster.")).to_be_visible()

    page.goto(f"/incidents/{incident.pk}/actions/new/")
    arrive(page, "Add an action item")
    page.get_by_label("Title").fill(PROMISE)
    hint = page.locator("#hint-title .try-harder-hint", has_text="(UB501)")
    expect(hint).to_contain_text("A stronger action?")
