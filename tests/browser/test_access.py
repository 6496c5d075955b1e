"""What a browser shows people who may not see or change an incident."""

from playwright.sync_api import expect

from .conftest import BROWSER

pytestmark = BROWSER


def test_an_outsider_gets_the_not_found_page_for_a_restricted_incident(
    page, sign_in, outsider, restricted, screenshot
):
    sign_in(outsider)
    response = page.goto(restricted.get_absolute_url())

    assert response.status == 404
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.get_by_text(restricted.title)).to_have_count(0)
    screenshot("not-found")


def test_an_outsider_does_not_see_a_restricted_incident_in_the_list(
    page, sign_in, outsider, incident, restricted
):
    sign_in(outsider)
    page.goto("/incidents/")

    expect(page.get_by_role("link", name=incident.title)).to_be_visible()
    expect(page.get_by_text(restricted.title)).to_have_count(0)


def test_a_responder_sees_the_restricted_incident(page, sign_in, editor, restricted):
    sign_in(editor)
    page.goto(restricted.get_absolute_url())

    expect(page.get_by_role("heading", name=restricted.title)).to_be_visible()
    expect(page.get_by_text("Restricted: responders and admins only")).to_be_visible()


def test_a_viewer_reads_an_incident_without_any_controls_to_change_it(
    page, sign_in, viewer, incident
):
    sign_in(viewer)
    page.goto(incident.get_absolute_url())

    expect(page.get_by_role("heading", name=incident.title)).to_be_visible()
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    expect(page.get_by_role("button", name="Add event")).to_have_count(0)
    expect(page.get_by_role("button", name="Move to identified")).to_have_count(0)
