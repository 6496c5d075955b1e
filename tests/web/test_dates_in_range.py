"""Every date from any source lies in 1970..2100, and no stored one breaks a page in any zone.

Python's datetime ends at year 9999: 9999-12-31 23:59 UTC cannot be shown in
a zone ahead of UTC, nor year 1 behind it, and a page that tries is a 500.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from integrations.samples import ALERTMANAGER

from unblame.incidents.models import Incident, TimelineEvent
from unblame.integrations.models import AlertSource

from .test_alert_webhook import notification, post

AHEAD, BEHIND = "Pacific/Kiritimati", "Pacific/Pago_Pago"  # UTC+14 and UTC-11
FAR_FUTURE = ["9999-12-31T23:59:59Z", "2101-01-01T00:00:00Z"]
FAR_PAST = ["0100-01-02T00:00:00Z", "1969-12-31T23:59:59Z"]


@pytest.fixture
def source(db, sev2):
    source = AlertSource(name="prometheus", default_severity=sev2)
    source.token = source.new_token()
    source.save()
    return source


@pytest.fixture
def hook():
    from django.test import Client

    return Client()


# Alert webhooks ------------------------------------------------------------------------


@pytest.mark.parametrize("when", FAR_FUTURE + FAR_PAST)
def test_an_alert_starting_outside_the_range_is_refused_with_a_reason(hook, source, when):
    response = post(hook, source, notification(startsAt=when))
    assert response.status_code == 400
    assert "between 1970 and 2100" in json.dumps(response.json())
    assert not Incident.objects.exists()


def test_an_alert_ending_outside_the_range_is_refused(hook, source):
    response = post(hook, source, notification(status="resolved", endsAt="9999-12-31T23:59:59Z"))
    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_go_zero_end_time_still_means_no_end_yet(hook, source):
    assert post(hook, source, notification(endsAt="0001-01-01T00:00:00Z")).status_code == 201


def test_an_alert_in_the_range_still_opens_an_incident(hook, source):
    assert post(hook, source, ALERTMANAGER).status_code == 201


# Forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["9999-12-31T23:59", "0001-01-01T00:00", "2101-01-01T00:00"])
def test_a_timeline_entry_outside_the_range_is_refused_on_the_form(as_editor, incident, when):
    data = {"occurred_at": when, "kind": "note", "text": "later"}
    response = as_editor.post(f"/incidents/{incident.pk}/events/", data)
    assert response.status_code in (200, 400)
    assert "between 1970 and 2100" in response.content.decode()
    assert not TimelineEvent.objects.filter(text="later").exists()


def test_a_key_moment_outside_the_range_is_refused_on_the_form(as_editor, incident):
    data = {
        "title": incident.title,
        "severity": incident.severity_id,
        "summary": incident.summary,
        "resolved_at": "9999-12-31T23:59",
        "version": incident.version,
    }
    response = as_editor.post(f"/incidents/{incident.pk}/edit/", data)
    assert "between 1970 and 2100" in response.content.decode()
    incident.refresh_from_db()
    assert incident.resolved_at is None


# List filters --------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["UTC", AHEAD, BEHIND])
@pytest.mark.parametrize(
    "query", [{"since": "9999-12-31"}, {"until": "9999-12-31"}, {"since": "0001-01-01"}]
)
def test_a_filter_date_outside_the_range_is_a_message_not_a_500(
    as_viewer, viewer, incident, zone, query
):
    viewer.timezone = zone
    viewer.save()
    response = as_viewer.get("/incidents/", query)
    assert response.status_code == 200
    assert "between 1970 and 2100" in response.content.decode()


def test_a_huge_search_is_a_message_not_a_500(as_viewer, incident):
    response = as_viewer.get("/incidents/", {"q": "x" * 100_000})
    assert response.status_code == 200
    assert "at most 200 characters" in response.content.decode()


def test_a_search_in_the_limit_still_finds(as_viewer, incident):
    response = as_viewer.get("/incidents/", {"q": incident.title[:20]})
    assert incident.title in response.content.decode()


# Stored values at the edges of the range, seen from every zone ----------------------------


@pytest.mark.parametrize("zone", ["UTC", AHEAD, BEHIND])
def test_the_edges_of_the_range_render_in_every_zone(as_viewer, viewer, incident, zone):
    viewer.timezone = zone
    viewer.save()
    earliest = datetime(1970, 1, 1, tzinfo=UTC)
    latest = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)
    for when in (earliest, latest):
        TimelineEvent.objects.create(incident=incident, occurred_at=when, text=f"at {when.year}")
    Incident.objects.filter(pk=incident.pk).update(impact_started_at=earliest, resolved_at=latest)
    for url in (f"/incidents/{incident.pk}/", "/incidents/", "/incidents/export.csv"):
        assert as_viewer.get(url).status_code == 200, url
    page = as_viewer.get(f"/incidents/{incident.pk}/").content.decode()
    assert "at 1970" in page and "at 2100" in page


# The API -----------------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00"])
def test_the_api_refuses_a_key_moment_outside_the_range(editor, incident, when):
    from django.test import Client

    client = Client()
    auth = {"Authorization": f"Bearer {editor.new_api_token()}"}
    body = {"version": incident.version, "resolved_at": when}
    response = client.patch(f"/api/incidents/{incident.pk}", body, "application/json", headers=auth)
    assert response.status_code == 422
    assert "between 1970 and 2100" in response.json()["detail"]
    incident.refresh_from_db()
    assert incident.resolved_at is None


# Values stored before the range was checked ------------------------------------------------


@pytest.mark.parametrize("zone", [AHEAD, BEHIND])
def test_a_time_at_the_edge_of_the_calendar_stored_earlier_does_not_break_the_page(
    as_viewer, viewer, incident, zone
):
    viewer.timezone = zone
    viewer.save()
    edge = (
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
        if zone == AHEAD
        else datetime(1, 1, 1, 0, 1, tzinfo=UTC)
    )
    TimelineEvent.objects.create(incident=incident, occurred_at=edge, text="from long ago")
    response = as_viewer.get(f"/incidents/{incident.pk}/")
    assert response.status_code == 200
    assert "from long ago" in response.content.decode()
    assert edge.strftime("%d %b") in response.content.decode()


# Action items ------------------------------------------------------------------------------


@pytest.mark.parametrize("due", ["9999-12-31", "1969-12-31"])
def test_an_action_item_due_outside_the_range_is_refused_on_the_form(as_editor, incident, due):
    from unblame.actions.models import ActionItem

    data = {
        "title": "Add a canary stage",
        "description": "",
        "kind": "prevent",
        "owner": "",
        "due_date": due,
        "priority": "p2",
        "status": "open",
    }
    response = as_editor.post(f"/incidents/{incident.pk}/actions/new/", data)
    assert "between 1970 and 2100" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_the_api_refuses_an_action_item_due_outside_the_range(editor, incident):
    from django.test import Client

    from unblame.actions.models import ActionItem

    item = ActionItem.objects.create(incident=incident, title="Add a canary stage")
    client = Client()
    auth = {"Authorization": f"Bearer {editor.new_api_token()}"}
    body = {"version": item.version, "due_date": "9999-12-31"}
    response = client.patch(f"/api/action-items/{item.pk}", body, "application/json", headers=auth)
    assert response.status_code == 422
    assert "between 1970 and 2100" in response.json()["detail"]
    item.refresh_from_db()
    assert item.due_date is None
