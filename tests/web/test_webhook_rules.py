"""Outbound webhook rules: who wants what, the envelope, and the admin pages' side effects."""

from __future__ import annotations

import json
from datetime import date

import pytest

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem
from unblame.integrations.webhooks import (
    EVENTS,
    WebhookDelivery,
    WebhookEndpoint,
    publish_overdue,
    signature,
)


@pytest.fixture
def endpoint(db) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="ops", url="https://hooks.example.com/x", secret="s")


@pytest.mark.parametrize(
    ("events", "active", "event", "wanted"),
    [
        ([], True, "incident.declared", True),
        (["incident.resolved"], True, "incident.declared", False),
        (["incident.resolved"], True, "incident.resolved", True),
        ([], False, "incident.declared", False),
    ],
)
def test_an_endpoint_wants_its_chosen_events_while_active(
    endpoint, incident, events, active, event, wanted
):
    endpoint.events, endpoint.active = events, active
    assert endpoint.wants(event, incident) is wanted


def test_restricted_incidents_need_the_endpoints_permission(endpoint, restricted):
    assert not endpoint.wants("incident.declared", restricted)
    endpoint.allow_restricted = True
    assert endpoint.wants("incident.declared", restricted)


def test_an_event_without_an_incident_goes_to_every_endpoint_that_wants_it(endpoint):
    assert endpoint.may_receive(None)


def test_the_signature_covers_the_timestamp_and_the_body():
    first = signature("s", "1772625600", b"{}")
    assert first.startswith("v1=") and len(first) == 3 + 64
    assert signature("s", "1772625601", b"{}") != first
    assert signature("s", "1772625600", b"{ }") != first
    assert signature("t", "1772625600", b"{}") != first


def test_the_envelope_names_the_delivery_the_event_and_its_data(endpoint):
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="incident.declared", payload={"incident": {"id": 3}}
    )
    body = json.loads(delivery.body())
    assert body["id"] == delivery.pk and body["event"] == "incident.declared"
    assert body["data"] == {"incident": {"id": 3}}
    assert body["created_at"] == delivery.created_at.isoformat()


def test_every_event_is_offered_on_the_endpoint_form(as_admin):
    page = as_admin.get("/settings/webhooks/").content.decode()
    for event in EVENTS:
        assert f'value="{event}"' in page


def test_no_endpoint_means_nothing_is_recorded(
    incident, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to("identified", editor)
    assert not WebhookDelivery.objects.exists()


def test_overdue_items_of_a_restricted_incident_go_only_where_allowed(
    endpoint, restricted, django_capture_on_commit_callbacks
):
    ActionItem.objects.create(incident=restricted, title="Rotate keys", due_date=date(2026, 3, 1))
    with django_capture_on_commit_callbacks(execute=False):
        assert publish_overdue(date(2026, 3, 4)) == 1
    assert not WebhookDelivery.objects.exists()


def test_closed_items_are_never_overdue(endpoint, incident, django_capture_on_commit_callbacks):
    ActionItem.objects.create(
        incident=incident, title="Done", due_date=date(2026, 3, 1), status=ActionItem.Status.DONE
    )
    with django_capture_on_commit_callbacks(execute=False):
        assert publish_overdue(date(2026, 3, 4)) == 0


def test_pausing_and_removing_an_endpoint_is_audited_and_removes_its_log(endpoint, as_admin):
    WebhookDelivery.objects.create(endpoint=endpoint, event="incident.declared", payload={})
    as_admin.post(f"/settings/webhooks/{endpoint.pk}/toggle/")
    endpoint.refresh_from_db()
    assert endpoint.active is False
    as_admin.post(f"/settings/webhooks/{endpoint.pk}/delete/")
    assert not WebhookEndpoint.objects.exists() and not WebhookDelivery.objects.exists()
    actions = list(
        AuditEntry.objects.filter(object_type="integrations.webhookendpoint").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["delete", "update"]


def test_the_endpoint_secret_is_never_in_the_audit_log(as_admin, db):
    as_admin.post("/settings/webhooks/", {"name": "x", "url": "https://hooks.example.com/y"})
    secret = WebhookEndpoint.objects.get().secret
    assert secret not in json.dumps(list(AuditEntry.objects.values("before", "after")))


def test_redelivering_a_missing_delivery_is_a_404(as_admin, db):
    assert as_admin.post("/settings/webhooks/deliveries/999/redeliver/").status_code == 404
