"""Layout details that are easy to break unnoticed: measured in the browser."""

from __future__ import annotations

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory

from .conftest import BROWSER
from .test_chat_import import upload

pytestmark = BROWSER


def test_the_incident_filter_labels_line_up(page, sign_in, editor, incident):
    sign_in(editor)
    page.goto("/incidents/")
    labels = page.locator(".filters .filter:not(.filter-check):not(.filter-actions) label")
    tops = {round(box["y"]) for box in (label.bounding_box() for label in labels.all())}
    assert len(tops) == 1, tops


def test_factor_choices_on_the_action_item_form_get_a_line_each(page, sign_in, editor, incident):
    category = FactorCategory.objects.order_by("position").first()
    for text in ("The deploy pipeline had no canary stage.", "Config changes skip review."):
        ContributingFactor.objects.create(incident=incident, category=category, description=text)
    sign_in(editor)
    page.goto(f"/incidents/{incident.pk}/actions/new/")
    fieldset = page.locator(".factor-choices fieldset").bounding_box()
    # Django wraps each choice's label in a div: the cell it may use.
    cells = [
        cell.bounding_box() for cell in page.locator(".factor-choices fieldset > div > div").all()
    ]
    assert len(cells) == 2
    # Each choice spans the fieldset (no narrow columns), on a line of its own.
    assert all(box["width"] > fieldset["width"] * 0.8 for box in cells)
    assert cells[0]["y"] + cells[0]["height"] <= cells[1]["y"]


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_on_a_narrow_screen_action_items_are_cards_and_the_page_keeps_its_width(
    page, sign_in, editor, incident, screenshot
):
    ActionItem.objects.create(
        incident=incident, title="Add a canary stage that halts the deploy on errors", owner=editor
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(editor)
    page.goto("/actions/")
    title = page.locator(".action-items .title-cell").first.bounding_box()
    assert title["width"] > 300
    assert _page_width(page) <= 390
    screenshot("actions")


def test_on_a_narrow_screen_chat_messages_get_the_full_width(
    page, sign_in, editor, incident, screenshot
):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(editor)
    upload(page, incident)
    message = page.locator("table.chat-preview td", has_text="kubectl rollout undo").bounding_box()
    assert message["width"] > 300
    assert _page_width(page) <= 390
    screenshot("chat")
