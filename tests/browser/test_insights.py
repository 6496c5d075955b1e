"""Insights and search in a browser: the header box, marked hits, charts and drill-downs."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident
from unblame.insights import rollups

from .conftest import BROWSER

pytestmark = BROWSER


def _history(incident: Incident, restricted: Incident) -> None:
    start = incident.declared_at
    Incident.objects.filter(pk=incident.pk).update(
        impact_started_at=start,
        detected_at=start + timedelta(minutes=10),
        resolved_at=start + timedelta(minutes=70),
    )
    # update() sends no signals: the rollups the reports read are rebuilt, as
    # `unblame manage rebuild_insights` does after a write around unblame.
    rollups.rebuild()
    category = FactorCategory.objects.get(name="Change management")
    ContributingFactor.objects.create(
        incident=incident, category=category, description="The config push skipped the canary."
    )
    ActionItem.objects.create(incident=incident, title="Add a canary stage for config pushes")
    ActionItem.objects.create(incident=restricted, title="Rotate the canary credentials")


def test_the_header_search_finds_a_factor_and_marks_the_words(
    page, sign_in, viewer, incident, restricted, screenshot
):
    _history(incident, restricted)
    sign_in(viewer)
    page.goto("/incidents/")
    box = page.get_by_role("searchbox", name="Search incidents, reviews, factors and action items")
    box.fill("canary")
    box.press("Enter")

    expect(page.get_by_role("heading", name="Search", exact=True)).to_be_visible()
    hits = page.locator(".search-hit")
    expect(hits).to_have_count(2)  # the factor and the public item; never the restricted one
    expect(page.locator(".search-hit mark").first).to_have_text("canary")
    expect(page.get_by_text("Rotate the canary credentials")).to_have_count(0)
    screenshot("search")

    page.get_by_label("In", exact=True).select_option("factor")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(hits).to_have_count(1)
    hits.first.get_by_role("link").click()
    factor = ContributingFactor.objects.get()
    expect(page).to_have_url(re.compile(rf"/incidents/{incident.pk}/actions/#factor-{factor.pk}$"))


def test_insights_draw_charts_with_tables_and_drill_down(
    page, sign_in, viewer, incident, restricted, screenshot
):
    _history(incident, restricted)
    sign_in(viewer)
    page.goto("/incidents/")
    page.locator(".nav").get_by_role("link", name="Insights").click()
    expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()

    page.get_by_role("link", name="Time to detect, acknowledge, mitigate and resolve").first.click()
    chart = page.get_by_role("img", name="Time to detect, median and 90th percentile by month")
    expect(chart).to_be_visible()
    expect(page.locator("#detect table tbody tr")).to_have_count(1)
    expect(page.locator("#detect table tbody tr td").nth(1)).to_have_text("10")
    screenshot("insights-response")

    page.get_by_role("link", name="Recurring contributing factors").first.click()
    page.locator("#by-month svg a").first.click()
    expect(page.get_by_role("heading", name="Incidents behind the figure")).to_be_visible()
    expect(page.get_by_role("link", name=f"#{incident.pk} {incident.title}")).to_be_visible()
    expect(page.get_by_text(restricted.title)).to_have_count(0)


def test_the_related_card_loads_after_the_incident_page(page, sign_in, viewer, incident):
    earlier = Incident.objects.create(
        title="Checkout slow after deploy",
        severity=incident.severity,
        declared_at=incident.declared_at - timedelta(days=3),
    )
    earlier.services.add(*incident.services.all())
    sign_in(viewer)
    page.goto(f"/incidents/{incident.pk}/")
    card = page.locator(".related-incidents")
    expect(card.get_by_role("link", name=f"#{earlier.pk} {earlier.title}")).to_be_visible()
    expect(card).to_contain_text("shares service checkout")
