"""A guard for every incident page, present and future: an outsider gets 404.

It walks the URL configuration, so a new view under /incidents/<pk>/ that
forgets the access helper fails here without anyone writing a test for it.
"""

import pytest

from unblame.incidents.models import Responder, TimelineEvent

from .routes import path_for, routes

INCIDENT_ROUTES = sorted(route for route in routes() if route.startswith("incidents/<int:pk>/"))


@pytest.fixture
def values(restricted, editor):
    event = TimelineEvent.objects.create(incident=restricted, text="secret")
    responder = Responder.objects.get(incident=restricted, user=editor)
    return {"pk": restricted.pk, "event_pk": event.pk, "responder_pk": responder.pk}


def test_there_are_incident_routes_to_check():
    assert len(INCIDENT_ROUTES) >= 8


@pytest.mark.parametrize("route", INCIDENT_ROUTES)
def test_outsider_gets_404_on_restricted_incident(as_outsider, values, route):
    url = path_for(route, values)
    # 405 says only "this address wants POST", nothing about the incident.
    assert as_outsider.get(url).status_code in (404, 405), url
    assert as_outsider.post(url, {}).status_code in (404, 405), url


@pytest.mark.parametrize("route", INCIDENT_ROUTES)
def test_viewer_not_on_it_gets_404_too(as_viewer, values, route):
    url = path_for(route, values)
    assert as_viewer.get(url).status_code in (404, 405), url
