"""Triage: alerts wait here for a person to declare an incident or dismiss them.

An alert source no longer declares incidents. The first firing alert of a
group opens a triage entry; later alerts of the group (or with a fingerprint
already seen) are held on it. A person declares it, choosing the severity
(the alert's suggestion is shown, never preselected), and the held alerts go
onto the new incident's timeline; or dismisses it. Once declared, alerts of
the same group or fingerprint join the incident while it is open.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from unblame.accounts.models import record_change
from unblame.incidents.models import Incident, Service, Severity, Status, TimelineEvent
from unblame.incidents.services import declare

OPEN_STATUSES = (Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING)


class TriageEntry(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Waiting for a decision"
        DECLARED = "declared", "Declared"
        DISMISSED = "dismissed", "Dismissed"

    # The timeline source of the alerts ("alert:3"), and who sent them.
    source = models.CharField(max_length=40)
    source_name = models.CharField(max_length=150)
    group_digest = models.CharField(max_length=64, db_index=True)
    title = models.CharField(max_length=200)
    # What the alerts said, a hint for the person deciding; never a default.
    suggested_severity = models.CharField(max_length=60, blank=True)
    service_names = models.JSONField(default=list, blank=True)
    fingerprints = models.JSONField(default=list, blank=True)
    # Alerts held until a decision: {"key", "at" (ISO), "text", "firing"}.
    alerts = models.JSONField(default=list, blank=True)
    first_at = models.DateTimeField(default=timezone.now)
    last_at = models.DateTimeField(default=timezone.now, db_index=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_at", "-id"]
        verbose_name = "triage entry"
        verbose_name_plural = "triage entries"

    def __str__(self) -> str:
        return f"Triage: {self.title}"

    def get_absolute_url(self) -> str:
        return f"{reverse('incidents:triage')}#triage-{self.pk}"

    @property
    def firing_count(self) -> int:
        return sum(1 for alert in self.alerts if alert.get("firing"))

    def holds(self, key: str) -> bool:
        return any(alert["key"] == key for alert in self.alerts)

    def hold(self, key: str, at: datetime, text: str, firing: bool, fingerprint: str) -> None:
        """Keep one more alert on the entry until someone decides."""
        self.alerts = [
            *self.alerts,
            {"key": key, "at": at.isoformat(), "text": text, "firing": firing},
        ]
        if fingerprint and fingerprint not in self.fingerprints:
            self.fingerprints = [*self.fingerprints, fingerprint]
        self.first_at = min(self.first_at, at) if self.pk else at
        self.last_at = max(self.last_at, at) if self.pk else at
        self.save()

    def declare(self, actor: Any, severity: Severity, title: str = "") -> Incident:
        """Declare an incident from the entry with the severity a person chose."""
        if self.state != self.State.OPEN:
            raise ValidationError("This triage entry has already been decided.")
        now = timezone.now()
        with transaction.atomic():
            incident = Incident(
                title=(title or self.title)[:200],
                summary=f"Declared from alerts sent by {self.source_name}.",
                severity=severity,
                status=Status.INVESTIGATING,
                declared_at=now,
                detected_at=self.first_at,
            )
            # The one way to declare, as the page, the API and Slack do.
            declare(incident, actor, Service.objects.filter(name__in=self.service_names))
            TimelineEvent.objects.bulk_create(self._events(incident))
            self._decide(actor, self.State.DECLARED, now, incident)
        return incident

    def dismiss(self, actor: Any) -> None:
        if self.state != self.State.OPEN:
            raise ValidationError("This triage entry has already been decided.")
        with transaction.atomic():
            self._decide(actor, self.State.DISMISSED, timezone.now(), None)

    def _events(self, incident: Incident) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                incident=incident,
                occurred_at=datetime.fromisoformat(alert["at"]),
                kind=TimelineEvent.Kind.ALERT,
                author_name=self.source_name[:150],
                text=alert["text"],
                source=self.source,
                external_id=alert["key"],
            )
            for alert in self.alerts
        ]

    def _decide(self, actor: Any, state: str, at: datetime, incident: Incident | None) -> None:
        before = {"state": self.state}
        self.state, self.decided_by, self.decided_at, self.incident = state, actor, at, incident
        self.save()
        record_change(actor, self, state, before, {"state": state, "incident": incident})

    # Where the next alert goes ------------------------------------------------------------

    @classmethod
    def incident_for(cls, source: str, digest: str, fingerprint: str, firing: bool):
        """The declared incident an alert of this group or fingerprint joins, or None.

        An open incident for a firing alert; for a resolution, the latest
        incident it fired into, even a resolved one.
        """
        declared = cls.objects.filter(source=source, state=cls.State.DECLARED)
        declared = declared.exclude(incident=None).select_related("incident")
        if firing:
            declared = declared.filter(incident__status__in=OPEN_STATUSES)
        for entry in declared.order_by("-decided_at", "-id"):
            if entry.incident.in_trash:
                continue
            if entry.group_digest == digest or fingerprint in entry.fingerprints:
                return entry.incident
        return None

    @classmethod
    def waiting_for(cls, source: str, digest: str, fingerprint: str) -> TriageEntry | None:
        """The open entry this alert's group or fingerprint is already held on."""
        for entry in cls.objects.filter(source=source, state=cls.State.OPEN).order_by("-id"):
            if entry.group_digest == digest or fingerprint in entry.fingerprints:
                return entry
        return None

    @classmethod
    def waiting(cls) -> models.QuerySet[TriageEntry]:
        return cls.objects.filter(state=cls.State.OPEN)
