"""The header: everyday links in one line, configuration behind Settings, by keyboard too."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import BROWSER

pytestmark = BROWSER

HEADER_LINKS = ["Incidents", "Actions", "Settings", "Mentions", "alice"]


def _middles(page: Page) -> list[float]:
    header = page.locator(".site-header")
    boxes = [
        header.get_by_role("link", name=name, exact=True).bounding_box() for name in HEADER_LINKS
    ]
    return [box["y"] + box["height"] / 2 for box in boxes]


def test_an_admins_header_fits_on_one_line_at_1280_px(page, sign_in, admin, screenshot):
    sign_in(admin)
    page.goto("/incidents/")
    middles = _middles(page)
    # One line: every link's middle within a few pixels of the others'.
    assert max(middles) - min(middles) < 4
    screenshot("header")


def test_settings_are_reached_by_keyboard(page, sign_in, admin):
    sign_in(admin)
    page.goto("/incidents/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Settings":
            break
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    expect(page.locator(".nav [aria-current=page]")).to_have_text("Settings")
    page.get_by_role("link", name="Severities").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Severities")).to_be_visible()
    expect(page.locator(".nav [aria-current]")).to_have_text("Settings")


def test_on_a_narrow_screen_the_header_and_settings_fit_the_width(page, sign_in, admin, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(admin)
    page.goto("/settings/")
    for name in HEADER_LINKS:
        expect(
            page.locator(".site-header").get_by_role("link", name=name, exact=True)
        ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("narrow")
