"""Small things a user noticed: the favicon, services in any case, a dark colour scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from unblame.incidents.models import Service

CSS = (
    Path(__file__).parents[2] / "src" / "unblame" / "server" / "static" / "unblame" / "unblame.css"
)


def test_favicon_ico_is_served_without_signing_in(db):
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_pages_link_the_icon(as_viewer):
    assert 'rel="icon"' in as_viewer.get("/incidents/").content.decode()


def test_a_service_in_another_case_is_refused_on_the_page(as_editor, checkout):
    response = as_editor.post("/services/", {"name": "Checkout", "description": ""})
    assert "A service of this name exists, in another case." in response.content.decode()
    assert Service.objects.filter(name__iexact="checkout").count() == 1


def test_the_database_refuses_a_service_in_another_case(checkout):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(name="CHECKOUT")


def test_the_colours_follow_a_dark_preference():
    css = CSS.read_text()
    dark = css[css.index("@media (prefers-color-scheme: dark)") :]
    assert "--bg: #11151c" in dark and "--text: #e4e8ef" in dark
    assert "color-scheme: light dark" in css


def test_one_bad_filter_value_is_shown_and_the_others_still_apply(as_viewer, incident, sev2):
    from unblame.incidents.models import Incident

    Incident.objects.create(title="Search is empty", severity=sev2)
    response = as_viewer.get("/incidents/", {"since": "2026-13-45", "q": "checkout"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Declared from: Enter a valid date. This filter is left out." in page
    assert "Checkout errors after deploy" in page
    assert "Search is empty" not in page
