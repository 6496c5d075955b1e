"""Signing in through the real form, in a real browser."""

from playwright.sync_api import expect

from .conftest import BROWSER

pytestmark = BROWSER


def test_a_person_signs_in_and_lands_on_the_incident_list(page, editor, incident, screenshot):
    page.goto("/")
    expect(page).to_have_url("/login/?next=/incidents/")
    screenshot("login")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("correct horse 1")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url("/incidents/")
    expect(page.get_by_role("link", name=incident.title)).to_be_visible()
    expect(page.get_by_role("link", name="ed", exact=True)).to_be_visible()
    screenshot("list")


def test_a_wrong_password_keeps_them_on_the_sign_in_page(page, editor):
    page.goto("/login/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url("/login/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
