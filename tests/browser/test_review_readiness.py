"""Issue 9 in a browser: a review whose factors, action items and a shared debrief
excerpt blame people is not published, and the readiness page says where each is."""

from __future__ import annotations

from playwright.sync_api import expect

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.reviews.models import Debrief
from unblame.reviews.services import draft_review

from .conftest import BROWSER
from .test_review_flow import write_open_sections

pytestmark = BROWSER


def _blaming_review(incident, editor):
    review = draft_review(incident, editor)
    write_open_sections(review, editor)
    category = FactorCategory.objects.order_by("position").first()
    factors = [
        ContributingFactor.objects.create(incident=incident, category=category, description=text)
        for text in (
            "X should have checked the config.",
            "The on-call engineer failed to notice the alert.",
        )
    ]
    careful = ActionItem.objects.create(incident=incident, title="Be more careful")
    careful.factors.add(factors[0])
    retrain = ActionItem.objects.create(
        incident=incident, title="Add a lag alert", description="Retrain the engineer."
    )
    retrain.factors.add(factors[1])
    debrief = Debrief.objects.create(
        incident=incident, author=editor, surprised="It was all my fault, I'm so stupid."
    )
    debrief.share(review.sections.get(key="what_surprised_us"), ["surprised:0"])
    return review


def test_publishing_a_blaming_review_is_refused_and_each_gap_says_where_it_is(
    page, sign_in, editor, incident, screenshot
):
    _blaming_review(incident, editor)
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/review/")
    expect(page.locator("#readiness")).not_to_contain_text("Ready to publish: no gaps")
    page.get_by_role("button", name="Send for review").click()
    page.get_by_role("button", name="Publish").click()

    expect(page.get_by_text("Not published: 6 gaps to close.")).to_be_visible()
    gaps = page.locator(".gap-finding")
    expect(gaps).to_have_count(6)
    for where in (
        "What surprised us, shared by ed from a debrief",
        "Contributing factor 1",
        "Contributing factor 2",
        "Action item 1, title",
        "Action item 2, description",
    ):
        expect(page.locator(".gap-finding", has_text=where).first).to_be_visible()
    screenshot("blaming-gaps")

    page.locator(".gap-finding", has_text="Contributing factor 1").get_by_role(
        "link", name="Go there"
    ).click()
    expect(page.get_by_label("Description")).to_have_value("X should have checked the config.")
    # The factor form shows the same finding live, before anything is saved.
    expect(page.locator("#hint-description")).to_contain_text("UB301")
