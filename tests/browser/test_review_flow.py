"""Issue 4 in a browser: write a review section and meet the analyzer, keep
words on purpose, record a contributing factor and an action item (and see
the try-harder hint), publish through the readiness check. Markdown export
and import: test_review_markdown.py."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from unblame.reviews.services import draft_review

from .conftest import BROWSER, arrive

pytestmark = BROWSER

CAUSE = "The root cause was human error during the config change."
WEAK_ACTION = "Remind engineers to be more careful when deploying"
# The required sections a fresh draft leaves open (the summary is drafted).
OPEN_SECTIONS = {
    "impact": "Card payments failed for about 4% of checkouts for 40 minutes.",
    "contributing_factors": "A config push reached checkout without a canary.",
    "action_items": "A canary stage for config pushes closes that gap.",
}


def write_open_sections(review, user) -> None:
    for key, body in OPEN_SECTIONS.items():
        section = review.sections.get(key=key)
        section.save_body(user, body, section.version)


def finding(page: Page, code: str):
    return page.locator(".findings-list .finding-item", has_text=code)


def open_section_editor(page: Page, title: str) -> None:
    page.get_by_role("link", name=f"Edit {title}", exact=True).click()
    arrive(page, title)


def test_a_finding_appears_as_a_section_is_written_and_can_be_acknowledged(
    page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    page.goto(incident.get_absolute_url())
    page.get_by_role("button", name="Start review").click()
    expect(page.get_by_text("Review drafted from the incident record.")).to_be_visible()

    open_section_editor(page, "What surprised us")
    page.get_by_label("Text", exact=True).fill(CAUSE)
    # The analyzer answers over htmx while the text is being written.
    expect(finding(page, "UB401")).to_be_visible()
    expect(finding(page, "UB401")).to_contain_text("Try:")
    expect(page.locator("#analysis-status")).to_contain_text("findings to look at")
    screenshot("findings")

    human_error = finding(page, "UB401")
    human_error.get_by_text("Keep these words").click()
    human_error.get_by_label("Why they stay").fill("Quoting the vendor's report verbatim.")
    human_error.get_by_role("button", name="Acknowledge").click()
    kept = finding(page, "UB401")
    expect(kept).to_contain_text("Kept by ed: Quoting the vendor's report verbatim.")
    expect(kept.locator(".sev-label")).to_have_text("acknowledged")

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("What surprised us saved as version")).to_be_visible()
    expect(page.locator("#section-what_surprised_us")).to_contain_text(CAUSE)
    screenshot("saved")


def test_a_try_harder_action_item_gets_a_hint_and_publishing_waits_for_the_gaps(
    page, sign_in, editor, incident, screenshot
):
    write_open_sections(draft_review(incident, editor), editor)
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/review/")

    # With no contributing factor, the readiness check stops publication.
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("The review is now in review.")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Not published: 1 gap to close.")).to_be_visible()
    expect(page.locator(".gap-no_factors")).to_be_visible()
    screenshot("not-ready")

    page.locator(".gap-no_factors").get_by_role("link", name="Go there").click()
    page.get_by_role("link", name="Add factor").click()
    page.get_by_label("Category").select_option(label="Change management")
    page.get_by_label("Description").fill("Config changes skip the canary stage that code gets.")
    page.get_by_role("button", name="Add factor").click()
    expect(page.locator(".factor", has_text="skip the canary stage")).to_be_visible()

    page.get_by_role("link", name="Add an action for it").click()
    arrive(page, "Add an action item")
    page.get_by_label("Title").fill(WEAK_ACTION)
    # The hint comes while typing, before anything is saved.
    hint = page.locator("#hint-title .try-harder-hint", has_text="(UB501)")
    expect(hint).to_contain_text("A stronger action?")
    screenshot("hint")
    expect(page.get_by_label("Change management")).to_be_checked()
    page.get_by_role("button", name="Add action item").click()
    expect(page.get_by_text("Action item added.")).to_be_visible()
    expect(page.get_by_text("relies on people being more careful")).to_be_visible()

    # A try-harder remedy blocks publishing too, until rewritten or acknowledged.
    page.goto(f"/incidents/{incident.pk}/review/readiness/")
    weak = page.locator(".gap-finding", has_text="Action item 1, title")
    expect(weak).to_have_count(2)  # a reminder, and "more careful"
    for _ in range(2):
        first = weak.first
        first.get_by_text("Keep these words").click()
        reason = "The wording of the vendor's runbook step, kept as written"
        first.get_by_label("Why they stay").fill(reason)
        first.get_by_role("button", name="Acknowledge").click()
        expect(
            page.get_by_text("Acknowledged; everyone reviewing sees your reason.")
        ).to_be_visible()
    expect(page.locator("#acknowledged")).to_contain_text("kept by ed")

    page.goto(f"/incidents/{incident.pk}/review/")
    expect(page.locator("#readiness")).to_contain_text("Ready to publish: no gaps.")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The review is now published.")).to_be_visible()
    expect(page.locator("#readiness")).to_contain_text("2 findings acknowledged")
    expect(page.locator(".badges .review-state")).to_have_text("Published")
    expect(page.get_by_role("link", name="Edit Summary")).to_have_count(0)
    screenshot("published")


def test_an_unwritten_section_stops_publishing_and_its_gap_leads_to_the_editor(
    page, sign_in, editor, incident, screenshot
):
    review = draft_review(incident, editor)
    write_open_sections(review, editor)
    impact = review.sections.get(key="impact")
    impact.save_body(editor, "", impact.version)
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/review/")
    page.get_by_role("button", name="Send for review").click()
    page.get_by_role("button", name="Publish").click()

    expect(page.get_by_text("Not published: 2 gaps to close.")).to_be_visible()
    gap = page.locator(".gap-unwritten_section")
    expect(gap).to_contain_text("Impact: Not written yet. Say who was affected and how")
    screenshot("unwritten")
    gap.get_by_role("link", name="Go there").click()
    arrive(page, "Impact")
    page.get_by_label("Text", exact=True).fill("Card payments failed for 40 minutes.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Impact saved as version")).to_be_visible()
    expect(page.locator("#readiness .gap-unwritten_section")).to_have_count(0)
