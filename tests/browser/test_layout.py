"""Layout details that are easy to break unnoticed: measured in the browser."""

from __future__ import annotations

from .conftest import BROWSER

pytestmark = BROWSER


def test_the_incident_filter_labels_line_up(page, sign_in, editor, incident):
    sign_in(editor)
    page.goto("/incidents/")
    labels = page.locator(".filters .filter:not(.filter-check):not(.filter-actions) label")
    tops = {round(box["y"]) for box in (label.bounding_box() for label in labels.all())}
    assert len(tops) == 1, tops
