"""Layout details that are easy to break unnoticed: measured in the browser."""

from __future__ import annotations

from unblame.actions.models import ContributingFactor, FactorCategory

from .conftest import BROWSER

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
