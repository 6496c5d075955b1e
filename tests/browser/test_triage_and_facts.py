"""In a browser: declaring from triage, and refreshing a review's stale facts."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.sync_api import expect

from unblame.incidents.models import Incident, Severity
from unblame.incidents.triage import TriageEntry
from unblame.reviews.services import draft_review

from .conftest import BROWSER

pytestmark = BROWSER


def test_an_editor_declares_an_incident_from_triage_choosing_the_severity(page, sign_in, editor):
    entry = TriageEntry(
        source="alert:1",
        source_name="prometheus",
        group_digest="g",
        title="Checkout 5xx",
        suggested_severity="SEV1",
    )
    entry.hold(
        "k1", datetime(2026, 3, 4, 11, 55, tzinfo=UTC), "Alert firing: Checkout 5xx", True, "fp"
    )
    sign_in(editor)
    page.goto("/incidents/")
    page.get_by_role("link", name="Triage (1 waiting)").click()
    expect(page.get_by_text("the alert suggests SEV1")).to_be_visible()
    # Nothing is chosen for the person: the form does not go without a choice.
    expect(page.get_by_label("Severity")).to_have_value("")
    page.get_by_role("button", name="Declare an incident").click()
    expect(page.get_by_role("heading", name="Triage")).to_be_visible()
    assert not Incident.objects.exists()
    page.get_by_label("Severity").select_option(label="SEV3")
    page.get_by_role("button", name="Declare an incident").click()
    expect(page.get_by_text("Declared incident")).to_be_visible()
    incident = Incident.objects.get()
    assert incident.severity == Severity.objects.get(name="SEV3")
    expect(page.locator("#timeline")).to_contain_text("Alert firing: Checkout 5xx")


def test_a_writer_refreshes_stale_facts_and_keeps_their_own_words(page, sign_in, editor, incident):
    review = draft_review(incident, editor)
    summary = review.sections.get(key="summary")
    summary.save_body(editor, "Our own opening line.\n\n" + summary.body, summary.version)
    Incident.objects.filter(pk=incident.pk).update(severity=Severity.objects.get(name="SEV1"))
    sign_in(editor)
    page.goto(review.get_absolute_url())
    card = page.locator("#stale-facts")
    expect(card).to_contain_text("Severity and services")
    card.get_by_role("button", name="Refresh these facts").click()
    expect(page.get_by_text("Refreshed from the record")).to_be_visible()
    expect(page.locator("#stale-facts")).to_have_count(0)
    section = page.locator("#section-summary")
    expect(section).to_contain_text("Our own opening line.")
    expect(section).to_contain_text("A SEV1 incident affecting checkout.")
