"""Issue 3 in a browser: declare an incident, build its timeline, move it
through its statuses and read the durations unblame works out."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from unblame.incidents.models import Incident

from .conftest import BROWSER

pytestmark = BROWSER


def duration(page: Page, label: str):
    """The value cell next to a duration's label in the Key moments card."""
    return page.locator(f".durations dt:has-text('{label}') + dd")


def declare(page: Page, title: str, **moments: str) -> None:
    page.goto("/incidents/")
    page.get_by_role("link", name="Declare incident").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Severity").select_option(label="SEV2 — Major")
    page.get_by_label("Summary").fill("Card payments failed for a third of customers.")
    page.get_by_label("checkout").check()
    for label, value in moments.items():
        page.get_by_label(label.replace("_", " "), exact=True).fill(value)
    page.get_by_role("button", name="Declare").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def test_an_editor_declares_an_incident_and_reads_its_durations(
    page, sign_in, editor, checkout, screenshot
):
    sign_in(editor)
    declare(
        page,
        "Checkout returns 502",
        Impact_started="2026-03-04T10:00",
        Detected="2026-03-04T10:12",
        Acknowledged="2026-03-04T10:15",
        Mitigated="2026-03-04T10:50",
    )

    expect(page.get_by_text("Incident declared.")).to_be_visible()
    expect(duration(page, "Time to detect")).to_have_text("12 min")
    expect(duration(page, "Time to acknowledge")).to_have_text("3 min")
    expect(duration(page, "Time to mitigate")).to_have_text("50 min")
    expect(duration(page, "Time to resolve")).to_have_text("—")
    expect(page.locator(".badges").get_by_text("checkout")).to_have_count(0)
    expect(page.locator(".tag", has_text="checkout")).to_be_visible()
    screenshot("declared")


def test_timeline_events_are_added_in_place_without_reloading_the_page(
    page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    page.goto(incident.get_absolute_url())
    # A full page load would drop this; the htmx swap keeps it.
    page.evaluate("window.stillTheSamePage = true")

    for when, kind, text in [
        ("2026-03-04T12:05", "Alert", "Checkout 5xx alert fired."),
        ("2026-03-04T12:09", "Decision", "Roll back the 11:58 deploy."),
    ]:
        page.get_by_label("When").fill(when)
        page.get_by_label("Kind").select_option(label=kind)
        page.get_by_label("Text").fill(text)
        page.get_by_role("button", name="Add event").click()
        expect(page.locator("#timeline .event", has_text=text)).to_be_visible()
        # The swapped-in form comes back empty, ready for the next event.
        expect(page.get_by_label("Text")).to_have_value("")

    events = page.locator("#timeline .event .event-text")
    expect(events).to_have_text(["Checkout 5xx alert fired.", "Roll back the 11:58 deploy."])
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot("timeline")


def test_an_event_the_server_rejects_shows_its_error_in_the_swapped_form(
    page, sign_in, editor, incident
):
    sign_in(editor)
    page.goto(incident.get_absolute_url())
    text = page.get_by_label("Text")
    expect(text).to_have_attribute("required", "")
    # Past the browser's own check, to reach the server's answer to htmx.
    text.evaluate("element => element.removeAttribute('required')")
    page.get_by_label("When").fill("2026-03-04T12:05")
    page.get_by_role("button", name="Add event").click()

    expect(page.locator("#timeline .field.has-error .error")).to_be_visible()
    expect(page.get_by_label("When")).to_have_value("2026-03-04T12:05")
    expect(page.locator("#timeline .event")).to_have_count(0)


def test_moving_through_the_statuses_records_them_and_times_the_resolution(
    page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    page.goto(incident.get_absolute_url())
    status = page.locator(".incident-side .status")

    page.get_by_label("Note (optional)").fill("Bad deploy found.")
    page.get_by_role("button", name="Move to identified").click()
    expect(status).to_have_text("Identified")
    page.get_by_role("button", name="Move to monitoring").click()
    expect(status).to_have_text("Monitoring")
    page.get_by_role("button", name="Move to resolved").click()
    # No mitigated time yet: resolving asks for it first.
    expect(page.get_by_role("heading", name="When was it mitigated?")).to_be_visible()
    page.get_by_label("Not known; leave it empty").check()
    page.get_by_role("button", name="Resolve").click()
    expect(status).to_have_text("Resolved")

    # Resolving stamps the resolved time, so time to resolve is no longer blank.
    expect(duration(page, "Time to resolve")).not_to_have_text("—")
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("Status changed from Investigating to Identified. Bad deploy")
    expect(timeline).to_contain_text("Status changed from Monitoring to Resolved.")
    page.get_by_text("Status history").click()
    expect(page.locator("details li")).to_have_count(3)
    screenshot("resolved")

    # Correcting the resolved time by hand recomputes the duration.
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Resolved", exact=True).fill("2026-03-04T13:30")
    page.get_by_role("button", name="Save changes").click()
    expect(duration(page, "Time to resolve")).to_have_text("1 h 30 min")
    assert Incident.objects.get(pk=incident.pk).status == "resolved"
