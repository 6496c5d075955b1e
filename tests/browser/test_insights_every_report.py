"""Every insights report in a browser, with the network cut off beyond unblame itself.

The pages must work offline (no script, style, font or request from another
host) and draw each block as an accessible chart or table with its CSV
beside it; filters carry into the CSV and the drill-down; a restricted
incident never shows. The charts of two reports are looked at closely in
test_insights.py; this walks all of them.
"""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident
from unblame.insights import rollups
from unblame.insights.views import REPORTS
from unblame.reviews.models import Review, ReviewState
from unblame.reviews.services import draft_review

from .conftest import BROWSER

pytestmark = BROWSER


def _publish(incident: Incident, text: str) -> None:
    editor = incident.responders.get().user
    review = draft_review(incident, editor)
    section = review.sections.get(key="impact")
    section.save_body(editor, text, section.version)
    published = incident.declared_at + timedelta(days=2)
    Review.objects.filter(pk=review.pk).update(state=ReviewState.PUBLISHED, published_at=published)
    review.refresh_from_db()
    review.save()  # as a transition does: the rollups see the published review


def _history(incident: Incident, restricted: Incident) -> None:
    start = incident.declared_at
    for made in (incident, restricted):
        Incident.objects.filter(pk=made.pk).update(
            impact_started_at=start,
            detected_at=start + timedelta(minutes=10),
            acknowledged_at=start + timedelta(minutes=12),
            mitigated_at=start + timedelta(minutes=40),
            resolved_at=start + timedelta(minutes=70),
        )
    rollups.rebuild()  # update() sends no signals
    category = FactorCategory.objects.get(name="Change management")
    for made in (incident, restricted):
        ContributingFactor.objects.create(
            incident=made, category=category, description="The push skipped the canary."
        )
    ActionItem.objects.create(incident=incident, title="Add a canary stage for config pushes")
    ActionItem.objects.create(incident=restricted, title="Rotate the stuffed credentials")
    _publish(incident, "Card payments failed for forty minutes.")
    _publish(restricted, "Sign-in was slow while the stuffing went on.")


def _offline(page, live_server) -> list[str]:
    """Refuse every request to another host, and note it and every console error."""
    refused: list[str] = []

    def route(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: refused.append(str(error)))
    return refused


def test_every_report_draws_labelled_charts_tables_and_csvs_offline(
    page, sign_in, viewer, incident, restricted, live_server
):
    _history(incident, restricted)
    problems = _offline(page, live_server)
    sign_in(viewer)
    page.goto("/insights/")
    for report in REPORTS.values():
        page.get_by_role("link", name=report.title, exact=True).first.click()
        expect(page.get_by_role("heading", name=report.title, level=1)).to_be_visible()
        page.wait_for_load_state("load")
        blocks = page.locator("section.insight-block")
        tables = 0
        assert blocks.count() >= 2, report.slug
        for n in range(blocks.count()):
            block = blocks.nth(n)
            name = block.get_attribute("id")
            # A table with its caption, or a block that says it has nothing yet.
            drawn = block.locator("table caption").count()
            assert drawn + block.locator("p.empty").count() == 1, (report.slug, name)
            tables += drawn
            for chart in block.locator("svg.insight-chart").all():
                assert chart.get_attribute("role") == "img", (report.slug, name)
                title = chart.locator("title").first.text_content() or ""
                assert title.strip(), (report.slug, name)
            href = block.get_by_role("link", name="CSV").get_attribute("href")
            download = page.request.get(href)
            assert download.ok, href
            assert download.headers["content-type"].startswith("text/csv"), href
            assert restricted.title not in download.text(), href
        assert tables, report.slug
        expect(page.get_by_text(restricted.title)).to_have_count(0)
    assert problems == []


def test_a_filter_carries_into_the_csv_and_the_drill_down(
    page, sign_in, viewer, incident, restricted, live_server
):
    _history(incident, restricted)
    problems = _offline(page, live_server)
    sign_in(viewer)
    page.goto("/insights/factors/")
    service = incident.services.get()
    page.get_by_label("Service", exact=True).select_option(label=service.name)
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(rf"[?&]service={service.pk}(&|$)"))
    rows = page.locator("#across-services table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").first).to_have_text("1")  # incidents of that service
    csv_link = page.locator("#across-services").get_by_role("link", name="CSV")
    assert f"service={service.pk}" in (csv_link.get_attribute("href") or "")
    page.locator("#across-services table tbody a").first.click()
    expect(page.get_by_role("heading", name="Incidents behind the figure")).to_be_visible()
    expect(page.get_by_role("link", name=f"#{incident.pk} {incident.title}")).to_be_visible()
    expect(page.get_by_text(restricted.title)).to_have_count(0)
    assert problems == []
