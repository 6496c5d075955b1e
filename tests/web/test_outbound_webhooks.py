"""Signed outbound webhooks: events from the service functions, signatures, retries, the log."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

import pytest

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Status
from unblame.incidents.services import declare
from unblame.integrations import tasks
from unblame.integrations.webhooks import (
    RETRY_DELAYS,
    WebhookDelivery,
    WebhookEndpoint,
    publish_overdue,
)
from unblame.reviews.models import ReviewState
from unblame.reviews.services import draft_review

from .fake_servers import FakeServer

SECRET = "ubw_test-secret"


@pytest.fixture
def receiver():
    with FakeServer() as server:
        server.routes[("POST", "/hook")] = (200, {"ok": True})
        yield server


@pytest.fixture
def endpoint(db, receiver) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="ops", url=receiver.url + "/hook", secret=SECRET)


@pytest.fixture
def trusted(db, receiver) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        name="security", url=receiver.url + "/trusted", secret=SECRET, allow_restricted=True
    )


@pytest.fixture
def scheduled(monkeypatch):
    """Retries the task would schedule, as (delivery id, delay) instead of waiting."""
    calls = []
    monkeypatch.setattr(
        tasks.deliver_webhook,
        "schedule",
        lambda args, delay: calls.append((args[0], delay)),
    )
    return calls


def received(server, path="/hook"):
    return [r.json() for r in server.calls(path)]


def test_a_declared_incident_is_posted_signed_with_a_timestamp(
    endpoint, receiver, editor, sev2, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        incident = declare(Incident(title="Queue backlog", severity=sev2), editor)
    request = receiver.calls("/hook")[0]
    timestamp = request.headers["x-unblame-timestamp"]
    expected = hmac.new(SECRET.encode(), timestamp.encode() + b"." + request.body, hashlib.sha256)
    assert request.headers["x-unblame-signature"] == "v1=" + expected.hexdigest()
    assert request.headers["x-unblame-event"] == "incident.declared"
    body = request.json()
    assert body["event"] == "incident.declared"
    assert body["data"]["incident"]["id"] == incident.pk
    assert body["data"]["incident"]["title"] == "Queue backlog"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)
    assert request.headers["x-unblame-delivery"] == str(delivery.pk)


def test_status_changes_and_resolution_are_posted(
    endpoint, receiver, incident, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
        incident.transition_to(Status.RESOLVED, editor)
    events = [(b["event"], b["data"]["incident"]["status"]) for b in received(receiver)]
    assert events == [
        ("incident.status_changed", "identified"),
        ("incident.status_changed", "resolved"),
        ("incident.resolved", "resolved"),
    ]
    assert received(receiver)[1]["data"]["from"] == "identified"


def test_action_items_created_and_completed_are_posted(
    endpoint, receiver, incident, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = ActionItem.objects.create(incident=incident, title="Canary config pushes")
        item.record_creation(editor)
        item.set_status(ActionItem.Status.IN_PROGRESS, editor)
        item.set_status(ActionItem.Status.DONE, editor)
    events = [b["event"] for b in received(receiver)]
    assert events == ["action_item.created", "action_item.completed"]
    assert received(receiver)[1]["data"]["action_item"]["status"] == "done"


def test_a_published_review_is_posted(
    endpoint, receiver, incident, editor, monkeypatch, django_capture_on_commit_callbacks
):
    review = draft_review(incident, editor)
    # The readiness check has its own tests; here the review is taken as ready.
    monkeypatch.setattr("unblame.reviews.services.readiness", lambda review: [])
    with django_capture_on_commit_callbacks(execute=True):
        review.transition_to(ReviewState.IN_REVIEW, editor)
        review.transition_to(ReviewState.PUBLISHED, editor)
    published = [b for b in received(receiver) if b["event"] == "review.published"]
    assert len(published) == 1
    assert published[0]["data"]["review"]["id"] == review.pk


def test_an_endpoint_gets_only_the_events_it_chose(
    endpoint, receiver, incident, editor, django_capture_on_commit_callbacks
):
    endpoint.events = ["incident.resolved"]
    endpoint.save()
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
        incident.transition_to(Status.RESOLVED, editor)
    assert [b["event"] for b in received(receiver)] == ["incident.resolved"]


def test_restricted_incidents_reach_only_endpoints_allowed_to_receive_them(
    endpoint, trusted, receiver, restricted, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restricted.transition_to(Status.RESOLVED, editor)
    assert received(receiver, "/hook") == []
    assert not WebhookDelivery.objects.filter(endpoint=endpoint).exists()
    assert {b["event"] for b in received(receiver, "/trusted")} == {
        "incident.status_changed",
        "incident.resolved",
    }


def test_an_incident_restricted_before_sending_is_withheld(
    endpoint, receiver, incident, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        incident.transition_to(Status.IDENTIFIED, editor)
    Incident.objects.filter(pk=incident.pk).update(restricted=True)
    for callback in callbacks:
        callback()
    assert received(receiver) == []
    assert WebhookDelivery.objects.get().state == "withheld"


def test_a_failed_delivery_is_retried_with_growing_delays_then_fails(
    endpoint, receiver, incident, editor, scheduled, django_capture_on_commit_callbacks
):
    receiver.routes[("POST", "/hook")] = (503, {"error": "maintenance"})
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
    delivery = WebhookDelivery.objects.get()
    assert scheduled == [(delivery.pk, RETRY_DELAYS[0])]
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("retrying", 1, 503)
    assert "maintenance" in delivery.response_body
    assert delivery.next_attempt_at == delivery.last_attempt_at + timedelta(seconds=30)
    for _ in RETRY_DELAYS:
        tasks.deliver_webhook(delivery.pk)
    delivery.refresh_from_db()
    assert [delay for _, delay in scheduled] == list(RETRY_DELAYS)
    assert delivery.state == "failed" and delivery.attempts == len(RETRY_DELAYS) + 1
    assert sorted(RETRY_DELAYS) == list(RETRY_DELAYS) and RETRY_DELAYS[0] < RETRY_DELAYS[-1]


def test_a_retry_that_succeeds_ends_the_retries(
    endpoint, receiver, incident, editor, scheduled, django_capture_on_commit_callbacks
):
    receiver.routes[("POST", "/hook")] = (500, "oops")
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
    receiver.routes[("POST", "/hook")] = (204, b"")
    delivery = WebhookDelivery.objects.get()
    tasks.deliver_webhook(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.next_attempt_at) == ("delivered", 2, None)
    assert len(scheduled) == 1


def test_an_unreachable_endpoint_records_why(
    db, incident, editor, scheduled, django_capture_on_commit_callbacks
):
    with FakeServer() as gone:
        url = gone.url + "/hook"
    WebhookEndpoint.objects.create(name="gone", url=url, secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
    delivery = WebhookDelivery.objects.get()
    assert delivery.response_status is None and delivery.error
    assert delivery.state == "retrying"


def test_overdue_items_are_posted_once_per_due_date(
    endpoint, receiver, incident, django_capture_on_commit_callbacks
):
    item = ActionItem.objects.create(
        incident=incident, title="Alert on queue depth", due_date=date(2026, 3, 1)
    )
    ActionItem.objects.create(incident=incident, title="Not due yet", due_date=date(2026, 3, 9))
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_overdue(date(2026, 3, 4)) == 1
        assert publish_overdue(date(2026, 3, 5)) == 0
    item.due_date = date(2026, 3, 6)
    item.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_overdue(date(2026, 3, 7)) == 1
    bodies = received(receiver)
    assert [b["event"] for b in bodies] == ["action_item.overdue"] * 2
    assert bodies[0]["data"]["action_item"]["title"] == "Alert on queue depth"


def test_the_delivery_log_shows_responses_and_redelivers(
    endpoint, receiver, incident, editor, as_admin, django_capture_on_commit_callbacks
):
    receiver.routes[("POST", "/hook")] = (200, {"thanks": "received it"})
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
    delivery = WebhookDelivery.objects.get()
    page = as_admin.get(f"/settings/webhooks/{endpoint.pk}/").content.decode()
    assert "incident.status_changed" in page and "received it" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = as_admin.post(f"/settings/webhooks/deliveries/{delivery.pk}/redeliver/")
    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert (again.event, again.payload, again.state) == (
        delivery.event,
        delivery.payload,
        "delivered",
    )
    assert len(receiver.calls("/hook")) == 2


def test_an_admin_adds_an_endpoint_and_sees_its_secret_once(as_admin, db):
    response = as_admin.post(
        "/settings/webhooks/",
        {
            "name": "chatops",
            "url": "https://hooks.example.com/unblame",
            "events": ["incident.declared"],
        },
    )
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret.startswith("ubw_") and endpoint.secret in response.content.decode()
    assert endpoint.events == ["incident.declared"] and not endpoint.allow_restricted
    assert endpoint.secret not in as_admin.get("/settings/webhooks/").content.decode()


def test_a_bad_endpoint_url_is_refused_with_the_form_kept(as_admin, db):
    response = as_admin.post("/settings/webhooks/", {"name": "x", "url": "not a url"})
    assert response.status_code == 400
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("path", ["/settings/webhooks/", "/settings/webhooks/1/"])
def test_only_admins_see_webhook_settings(as_editor, path):
    assert as_editor.get(path).status_code == 403


def test_only_admins_redeliver(as_editor, endpoint):
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="incident.declared", payload={}
    )
    assert (
        as_editor.post(f"/settings/webhooks/deliveries/{delivery.pk}/redeliver/").status_code == 403
    )
    assert WebhookDelivery.objects.count() == 1


def test_a_paused_endpoint_gets_nothing(
    endpoint, receiver, incident, editor, as_admin, django_capture_on_commit_callbacks
):
    as_admin.post(f"/settings/webhooks/{endpoint.pk}/toggle/")
    with django_capture_on_commit_callbacks(execute=True):
        incident.transition_to(Status.IDENTIFIED, editor)
    assert received(receiver) == [] and not WebhookDelivery.objects.exists()
