"""Sign-in throttling in real browsers sharing one address, as an office behind one NAT does."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import BROWSER, TIMEOUT_MS

pytestmark = BROWSER


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def _new_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


def _sign_in(page, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill(password)
    # Each attempt must reach the server before the next starts.
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_a_guesser_at_the_same_address_does_not_keep_ed_out_of_his_own_browser(new_page, editor):
    eds_browser = new_page()
    _sign_in(eds_browser, "correct horse 1")
    expect(eds_browser).to_have_url("/incidents/")
    eds_browser.get_by_role("button", name="Sign out").click()

    guesser = new_page()
    for _ in range(5):
        _sign_in(guesser, "not the password")
    _sign_in(guesser, "correct horse 1")
    # Real seconds pass between the attempts, so the wait shown is 30 s or a little less.
    expect(guesser.get_by_role("alert")).to_contain_text(re.compile(r"Wait ([12]?\d|30) s and try"))
    expect(guesser).to_have_url("/login/")

    _sign_in(eds_browser, "correct horse 1")
    expect(eds_browser).to_have_url("/incidents/")
    expect(eds_browser.get_by_role("link", name="ed", exact=True)).to_be_visible()
