"""Signed outbound webhooks: what happened in unblame, POSTed to the team's endpoints.

Events come from the audit log, which every service function writes in the
same transaction as its change (Incident.record_creation, transition_to,
Review.transition_to, ActionItem.set_status, ...): one post_save receiver on
AuditEntry turns the entries that matter into deliveries, so no service has
a second code path for webhooks. Overdue action items come from a periodic
task instead, as nothing is written when a date passes.

Each delivery is a row (the delivery log) and a task on the queue. The body is
JSON; `X-Unblame-Signature: v1=<hex>` is the HMAC-SHA256, under the
endpoint's secret, of `{X-Unblame-Timestamp}.{raw body}`. A failed attempt is
retried with growing delays (RETRY_DELAYS); an admin can send any delivery
again. A restricted incident's events reach only endpoints an admin marked as
allowed to receive them, checked when the event happens and again when it is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident

EVENTS = {
    "incident.declared": "Incident declared",
    "incident.status_changed": "Incident status changed",
    "incident.resolved": "Incident resolved",
    "review.published": "Review published",
    "action_item.created": "Action item created",
    "action_item.completed": "Action item completed",
    "action_item.overdue": "Action item overdue",
}
# Seconds before each retry: about an hour and a half in all, then the delivery fails.
RETRY_DELAYS = (30, 120, 600, 1800, 3600)
TIMEOUT_SECONDS = 10
KEPT_RESPONSE_CHARS = 2000


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "v1=" + digest.hexdigest()


class WebhookEndpoint(models.Model):
    name = models.CharField(max_length=80)
    url = models.URLField(max_length=500)
    secret = models.CharField(max_length=100)
    # Empty: every event.
    events = models.JSONField(default=list, blank=True)
    allow_restricted = models.BooleanField(
        "send restricted incidents' events",
        default=False,
        help_text="Only for endpoints as trusted as the people on restricted incidents.",
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def new_secret(self) -> str:
        self.secret = "ubw_" + secrets.token_urlsafe(32)
        return self.secret

    def wants(self, event: str, incident: Incident | None) -> bool:
        if not self.active or (self.events and event not in self.events):
            return False
        return self.may_receive(incident)

    def may_receive(self, incident: Incident | None) -> bool:
        return incident is None or not incident.restricted or self.allow_restricted


class WebhookDelivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        RETRYING = "retrying", "Retrying"
        FAILED = "failed", "Failed"
        WITHHELD = "withheld", "Withheld (incident now restricted)"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint} ({self.state})"

    def body(self) -> bytes:
        envelope = {"id": self.pk, "event": self.event, "data": self.payload}
        envelope["created_at"] = self.created_at.isoformat()
        return json.dumps(envelope, sort_keys=True).encode()

    def attempt(self) -> float | None:
        """Send it once and record the outcome; returns seconds until a retry, or None."""
        if not self.endpoint.may_receive(self.incident):
            self._finish(self.State.WITHHELD, error="The incident is restricted now.")
            return None
        self.attempts += 1
        self.last_attempt_at = timezone.now()
        status, text, error = _post(self.endpoint, self.event, self.pk, self.body())
        self.response_status, self.response_body, self.error = status, text, error
        if status is not None and 200 <= status < 300:
            self._finish(self.State.DELIVERED)
            return None
        if self.attempts > len(RETRY_DELAYS):
            self._finish(self.State.FAILED)
            return None
        delay = RETRY_DELAYS[self.attempts - 1]
        self.state = self.State.RETRYING
        self.next_attempt_at = self.last_attempt_at + timedelta(seconds=delay)
        self.save()
        return delay

    def _finish(self, state: str, error: str = "") -> None:
        self.state, self.next_attempt_at = state, None
        self.error = error or self.error
        self.save()

    def again(self) -> WebhookDelivery:
        """A new delivery of the same event, for the redeliver button."""
        return WebhookDelivery.objects.create(
            endpoint=self.endpoint, event=self.event, payload=self.payload, incident=self.incident
        )


def _post(endpoint: WebhookEndpoint, event: str, delivery_id: int, body: bytes):
    """POST the body signed; (status, response text, error) with status None on no answer."""
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "unblame-webhooks",
            "X-Unblame-Event": event,
            "X-Unblame-Delivery": str(delivery_id),
            "X-Unblame-Timestamp": timestamp,
            "X-Unblame-Signature": signature(endpoint.secret, timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, _text(response.read(KEPT_RESPONSE_CHARS * 4)), ""
    except urllib.error.HTTPError as error:
        return error.code, _text(error.read(KEPT_RESPONSE_CHARS * 4)), ""
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        return None, "", str(getattr(error, "reason", error))[:500]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\x00", "\ufffd")[:KEPT_RESPONSE_CHARS]


# -- Events ----------------------------------------------------------------------------------


def publish(event: str, incident: Incident | None, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Record a delivery per endpoint that wants this event, sent once the transaction commits."""
    from unblame.integrations import tasks

    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if e.wants(event, incident)]
    deliveries = [
        WebhookDelivery.objects.create(endpoint=e, event=event, payload=data, incident=incident)
        for e in endpoints
    ]
    for delivery in deliveries:
        tasks.enqueue(tasks.deliver_webhook, delivery.pk)
    return deliveries


def _url(path: str) -> str:
    return settings.SITE_URL + path


def incident_data(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.pk,
        "title": incident.title,
        "status": incident.status,
        "severity": incident.severity.name,
        "restricted": incident.restricted,
        "declared_at": incident.declared_at.isoformat(),
        "resolved_at": incident.resolved_at.isoformat() if incident.resolved_at else None,
        "url": _url(incident.get_absolute_url()),
    }


def item_data(item: Any) -> dict[str, Any]:
    return {
        "id": item.pk,
        "incident_id": item.incident_id,
        "title": item.title,
        "status": item.status,
        "owner": item.owner.username if item.owner else None,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "url": _url(item.get_absolute_url()),
    }


@dataclass(frozen=True)
class _Change:
    entry: AuditEntry

    def became(self, field: str, value: str) -> bool:
        return self.entry.after.get(field) == value and self.entry.before.get(field) != value


def on_audit_entry(sender: Any, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    """Turn the audit entries that are webhook events into deliveries (post_save receiver)."""
    if not created or not WebhookEndpoint.objects.filter(active=True).exists():
        return
    handler = _HANDLERS.get(instance.object_type)
    if handler is not None:
        handler(_Change(instance))


def _incident_changed(change: _Change) -> None:
    incident = Incident.objects.select_related("severity").filter(pk=change.entry.object_id).first()
    if incident is None:
        return
    action = change.entry.action
    if action == "create":
        publish("incident.declared", incident, {"incident": incident_data(incident)})
    elif action == "status":
        data = {"incident": incident_data(incident), "from": change.entry.before.get("status")}
        publish("incident.status_changed", incident, data)
        if change.became("status", "resolved"):
            publish("incident.resolved", incident, {"incident": incident_data(incident)})


def _review_changed(change: _Change) -> None:
    from unblame.reviews.models import Review

    if change.entry.action != "state" or not change.became("state", "published"):
        return
    review = Review.objects.select_related("incident__severity").filter(pk=change.entry.object_id)
    review = review.first()
    if review is None:
        return
    data = {"incident": incident_data(review.incident), "review": {"id": review.pk}}
    data["review"]["url"] = _url(review.incident.get_absolute_url())
    publish("review.published", review.incident, data)


def _item_changed(change: _Change) -> None:
    from unblame.actions.models import ActionItem

    item = ActionItem.objects.select_related("incident__severity", "owner")
    item = item.filter(pk=change.entry.object_id).first()
    if item is None:
        return
    data = {"action_item": item_data(item), "incident": incident_data(item.incident)}
    if change.entry.action == "create":
        publish("action_item.created", item.incident, data)
    elif change.became("status", "done"):
        publish("action_item.completed", item.incident, data)


_HANDLERS = {
    "incidents.incident": _incident_changed,
    "reviews.review": _review_changed,
    "actions.actionitem": _item_changed,
}


class OverdueNotice(models.Model):
    """That an item's overdue event went out for this due date, so it goes out once."""

    item = models.ForeignKey("actions.ActionItem", on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "due_date"], name="unique_overdue_notice")
        ]

    def __str__(self) -> str:
        return f"Overdue notice for item {self.item_id} due {self.due_date}"


def publish_overdue(today: date | None = None) -> int:
    """Publish action_item.overdue once per item and due date; returns how many went out."""
    from unblame.actions.models import ActionItem

    today = today or timezone.localdate()
    items = ActionItem.objects.overdue(today).select_related("incident__severity", "owner")
    count = 0
    for item in items.iterator():
        with transaction.atomic():
            _, fresh = OverdueNotice.objects.get_or_create(item=item, due_date=item.due_date)
            if fresh:
                data = {"action_item": item_data(item), "incident": incident_data(item.incident)}
                publish("action_item.overdue", item.incident, data)
                count += 1
    return count
