"""Incidents, their responders, status history and timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from unblame.accounts.models import record_change, record_update, snapshot
from unblame.accounts.versions import Versioned
from unblame.incidents.dates import DateOutOfRange, check_time
from unblame.incidents.trash import Trashable
from unblame.server.limits import MAX_TEXT_CHARS


class Severity(Versioned):
    """A severity level; rows are configurable, SEV1–SEV4 are created by a migration."""

    name = models.CharField(max_length=20, unique=True)
    label = models.CharField(max_length=60, blank=True)
    description = models.TextField(blank=True)
    # 1 is the most severe; lists sort by it.
    rank = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["rank"]
        verbose_name_plural = "severities"

    def __str__(self) -> str:
        return self.name


class Service(Versioned):
    name = models.CharField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # "Checkout" and "checkout" are one service.
            models.UniqueConstraint(
                Lower("name"),
                name="unique_service_name_any_case",
                violation_error_message="A service of this name exists, in another case.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    INVESTIGATING = "investigating", "Investigating"
    IDENTIFIED = "identified", "Identified"
    MONITORING = "monitoring", "Monitoring"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


# Forward along the lifecycle, or back when a fix did not hold. A resolved
# incident can be reopened; a closed one has had its review, so a recurrence
# is a new incident that can link to it.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.INVESTIGATING: (Status.IDENTIFIED, Status.MONITORING, Status.RESOLVED),
    Status.IDENTIFIED: (Status.MONITORING, Status.RESOLVED, Status.INVESTIGATING),
    Status.MONITORING: (Status.RESOLVED, Status.INVESTIGATING, Status.IDENTIFIED),
    Status.RESOLVED: (Status.CLOSED, Status.INVESTIGATING),
    Status.CLOSED: (),
}

# In lifecycle order: (field, label).
KEY_MOMENTS: list[tuple[str, str]] = [
    ("impact_started_at", "Impact started"),
    ("detected_at", "Detected"),
    ("acknowledged_at", "Acknowledged"),
    ("mitigated_at", "Mitigated"),
    ("resolved_at", "Resolved"),
]
MOMENT_LABELS = dict(KEY_MOMENTS)

# (earlier, later) pairs that must hold when both are set. Mitigation is not
# ordered against detection or acknowledgement on purpose: an automatic
# rollback can mitigate before any person has noticed or acknowledged.
MOMENT_ORDER: list[tuple[str, str]] = [
    ("impact_started_at", "detected_at"),
    ("impact_started_at", "acknowledged_at"),
    ("impact_started_at", "mitigated_at"),
    ("impact_started_at", "resolved_at"),
    ("detected_at", "acknowledged_at"),
    ("detected_at", "resolved_at"),
    ("acknowledged_at", "resolved_at"),
    ("mitigated_at", "resolved_at"),
]

# Fields whose changes are written to the timeline and the audit log.
TRACKED_FIELDS = [
    "title",
    "summary",
    "severity",
    "services",
    "restricted",
    *(name for name, _ in KEY_MOMENTS),
]


def times_out_of_range(values: dict[str, datetime | None]) -> dict[str, str]:
    """Per field, why its time is outside the range unblame stores (incidents/dates.py)."""
    errors = {}
    for name, value in values.items():
        if value is None:
            continue
        try:
            check_time(value, "the time")
        except DateOutOfRange as exc:
            errors[name] = str(exc)
    return errors


def moment_order_errors(moments: dict[str, datetime | None]) -> dict[str, str]:
    """Field -> message for each key moment that comes before one it must follow."""
    errors: dict[str, str] = {}
    for earlier, later in MOMENT_ORDER:
        first, second = moments.get(earlier), moments.get(later)
        if first is None or second is None or first <= second or later in errors:
            continue
        errors[later] = f"{MOMENT_LABELS[later]} cannot be before {MOMENT_LABELS[earlier].lower()}."
    return errors


def _utc_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, list):
        return ", ".join(value) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class Incident(Trashable, Versioned):
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    severity = models.ForeignKey(Severity, on_delete=models.PROTECT, related_name="incidents")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INVESTIGATING)
    services = models.ManyToManyField(Service, blank=True, related_name="incidents")
    restricted = models.BooleanField(
        default=False,
        help_text="Only its responders and admins can see a restricted incident.",
    )
    declared_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    impact_started_at = models.DateTimeField(null=True, blank=True)
    detected_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    mitigated_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-declared_at", "-id"]
        indexes = [
            # Lists, pages deep into them and counts read these indexes instead of
            # the rows: the trash filter first (without it SQLite sorted every
            # incident for a page), then the order, visibility and status.
            models.Index(
                fields=["deleted_at", "declared_at", "id", "restricted", "status"],
                name="incident_list_order",
            ),
            models.Index(fields=["deleted_at", "restricted", "status"], name="incident_visible"),
            # The few incidents someone may not see (access.hidden_incidents):
            # without it PostgreSQL read all 100,000 to find 3,000.
            models.Index(
                fields=["id"],
                condition=Q(deleted_at__isnull=False) | Q(restricted=True),
                name="incident_hidden_candidates",
            ),
            # The open list (a few dozen of 100,000): PostgreSQL read every
            # incident for it, twice (the page and its count), 30 ms each.
            models.Index(
                fields=["declared_at", "id"],
                condition=~Q(status__in=["resolved", "closed"]),
                name="incident_open",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("incidents:detail", args=[self.pk])

    def clean(self) -> None:
        moments = {name: getattr(self, name) for name, _ in KEY_MOMENTS}
        if len(self.summary) > MAX_TEXT_CHARS:
            raise ValidationError(
                {"summary": f"The summary holds at most {MAX_TEXT_CHARS:,} characters."}
            )
        # Out of range first: the order of a year-9999 moment means nothing.
        if errors := times_out_of_range({**moments, "declared_at": self.declared_at}):
            raise ValidationError(errors)
        if errors := moment_order_errors(moments):
            raise ValidationError(errors)

    # Durations ----------------------------------------------------------------

    def _between(self, start: str, end: str) -> timedelta | None:
        first, second = getattr(self, start), getattr(self, end)
        if first is None or second is None:
            return None
        return second - first

    @property
    def time_to_detect(self) -> timedelta | None:
        """From impact starting to someone (or something) noticing."""
        return self._between("impact_started_at", "detected_at")

    @property
    def time_to_acknowledge(self) -> timedelta | None:
        """From detection to a responder taking it on."""
        return self._between("detected_at", "acknowledged_at")

    @property
    def time_to_mitigate(self) -> timedelta | None:
        """From impact starting to users no longer being hurt."""
        return self._between("impact_started_at", "mitigated_at")

    @property
    def time_to_resolve(self) -> timedelta | None:
        """From impact starting to the underlying problem being fixed."""
        return self._between("impact_started_at", "resolved_at")

    def durations(self) -> list[tuple[str, timedelta | None, str]]:
        return [
            ("Time to detect", self.time_to_detect, "impact started → detected"),
            ("Time to acknowledge", self.time_to_acknowledge, "detected → acknowledged"),
            ("Time to mitigate", self.time_to_mitigate, "impact started → mitigated"),
            ("Time to resolve", self.time_to_resolve, "impact started → resolved"),
        ]

    def moments(self) -> list[tuple[str, str, datetime | None]]:
        return [(name, label, getattr(self, name)) for name, label in KEY_MOMENTS]

    # Status lifecycle -----------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status not in (Status.RESOLVED, Status.CLOSED)

    def allowed_transitions(self) -> list[str]:
        return list(TRANSITIONS[self.status])

    def can_transition_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, ())

    def transition_to(self, status: str, actor: Any, note: str = "") -> StatusChange:
        """Move to a new status, recording it in the history, timeline and audit log."""
        if not self.can_transition_to(status):
            target = Status(status).label.lower() if status in Status.values else repr(status)
            raise ValidationError(
                f"An incident cannot go from {self.get_status_display().lower()} to {target}."
            )
        now = timezone.now()
        with transaction.atomic():
            previous = self.status
            self.status = status
            fields = ["status", "updated_at"]
            # Resolving without a resolved time would leave time to resolve
            # blank forever; now is the best available answer.
            if status == Status.RESOLVED and self.resolved_at is None:
                self.resolved_at = now
                fields.append("resolved_at")
            self.save(update_fields=fields)
            return self.record_status_change(previous, actor, note, at=now)

    def record_status_change(
        self, previous: str, actor: Any, note: str = "", at: datetime | None = None
    ) -> StatusChange:
        """Record that the (saved) status moved from `previous`: history, timeline, audit log.

        transition_to() calls it after checking the lifecycle; an import whose
        file is the record calls it directly for the status it took as it is.
        """
        at = at or timezone.now()
        with transaction.atomic():
            change = StatusChange.objects.create(
                incident=self, from_status=previous, to_status=self.status, actor=actor, at=at
            )
            text = f"Status changed from {Status(previous).label} to {Status(self.status).label}."
            TimelineEvent.objects.create(
                incident=self,
                occurred_at=at,
                kind=TimelineEvent.Kind.STATUS_CHANGE,
                author=actor,
                text=f"{text} {note}".strip(),
                source=TimelineEvent.SYSTEM_SOURCE,
            )
            record_change(actor, self, "status", {"status": previous}, {"status": self.status})
        return change

    # Edits -------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        return snapshot(self, TRACKED_FIELDS)

    def record_creation(self, actor: Any, *, timeline: bool = True) -> None:
        """Audit a new incident and open its timeline (unless the caller brings its own)."""
        if timeline:
            self._declared_event(actor)
        record_change(actor, self, "create", {}, self.snapshot())

    def _declared_event(self, actor: Any) -> None:
        TimelineEvent.objects.create(
            incident=self,
            occurred_at=self.declared_at,
            kind=TimelineEvent.Kind.FIELD_CHANGE,
            author=actor,
            text=f"Incident declared as {self.severity}.",
            source=TimelineEvent.SYSTEM_SOURCE,
        )

    def record_edit(self, actor: Any, before: dict[str, Any]) -> list[str]:
        """Write the fields that changed since `before` to the timeline and audit log.

        Returns the names of the changed fields; nothing is written when none changed.
        """
        after = self.snapshot()
        changed = [name for name in TRACKED_FIELDS if before.get(name) != after.get(name)]
        if not changed:
            return []
        now = timezone.now()
        for name in changed:
            TimelineEvent.objects.create(
                incident=self,
                occurred_at=now,
                kind=TimelineEvent.Kind.FIELD_CHANGE,
                author=actor,
                text=self._change_text(name, before.get(name), getattr(self, name)),
                source=TimelineEvent.SYSTEM_SOURCE,
            )
        return record_update(actor, self, before, after, changed)

    def _change_text(self, name: str, old: Any, new: Any) -> str:
        label = MOMENT_LABELS.get(name) or self._meta.get_field(name).verbose_name.capitalize()
        if name == "summary":
            return "Summary updated."
        if name == "services":
            new = sorted(str(service) for service in new.all())
        if isinstance(old, str) and name in MOMENT_LABELS:
            old = datetime.fromisoformat(old)
        return f"{label} changed from {_utc_text(old)} to {_utc_text(new)}."

    # Responders ----------------------------------------------------------------------

    def add_responder(self, user: Any, role: str, actor: Any) -> Responder:
        """Put the person on the incident in `role`; someone already on it changes role.

        A person holds one role per incident, and there is one incident
        commander at a time: naming a new one hands over, and the previous
        commander stays on as a responder (on the timeline and in the audit log).
        """
        with transaction.atomic():
            if role == Responder.Role.INCIDENT_COMMANDER:
                self._hand_over_command(user, actor)
            responder = Responder.objects.filter(incident=self, user=user).first()
            if responder is None:
                responder = Responder.objects.create(incident=self, user=user, role=role)
                record_change(actor, responder, "create", {}, {"user": user, "role": role})
            elif responder.role != role:
                before = {"role": responder.role}
                responder.role = role
                responder.save(update_fields=["role"])
                record_change(actor, responder, "update", before, {"role": role})
        return responder

    def _hand_over_command(self, user: Any, actor: Any) -> None:
        current = self.responders.filter(role=Responder.Role.INCIDENT_COMMANDER).exclude(user=user)
        previous = current.select_related("user").first()
        if previous is None:
            return
        previous.role = Responder.Role.RESPONDER
        previous.save(update_fields=["role"])
        record_change(
            actor, previous, "update", {"role": "incident_commander"}, {"role": "responder"}
        )
        TimelineEvent.objects.create(
            incident=self,
            kind=TimelineEvent.Kind.FIELD_CHANGE,
            author=actor,
            text=f"{previous.user} handed incident command over to {user}.",
            source=TimelineEvent.SYSTEM_SOURCE,
        )

    def add_event(self, actor: Any, **fields: Any) -> TimelineEvent:
        """Add a hand-written event to the timeline."""
        with transaction.atomic():
            event = TimelineEvent.objects.create(incident=self, author=actor, **fields)
            record_change(actor, event, "create", {}, snapshot(event, TimelineEvent.EDITABLE))
        return event

    def is_responder(self, user: Any) -> bool:
        return self.responders.filter(user=user).exists()


class StatusChange(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Responder(Versioned):
    class Role(models.TextChoices):
        INCIDENT_COMMANDER = "incident_commander", "Incident commander"
        SCRIBE = "scribe", "Scribe"
        COMMUNICATIONS = "communications", "Communications"
        RESPONDER = "responder", "Responder"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="responders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responder_roles"
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.RESPONDER)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["role", "user__username"]
        constraints = [
            # One role per person per incident, and one commander at a time.
            models.UniqueConstraint(fields=["incident", "user"], name="one_role_per_person"),
            models.UniqueConstraint(
                fields=["incident"],
                condition=Q(role="incident_commander"),
                name="one_commander_per_incident",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) on incident {self.incident_id}"


class TimelineEvent(Trashable, Versioned):
    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        STATUS_CHANGE = "status_change", "Status change"
        FIELD_CHANGE = "field_change", "Field change"
        ALERT = "alert", "Alert"
        DEPLOY = "deploy", "Deploy"
        CHAT_MESSAGE = "chat_message", "Chat message"
        DECISION = "decision", "Decision"
        ACTION = "action", "Action"

    # Events written by unblame itself mirror recorded facts (a status change,
    # an edited field); they are not edited by hand, the fact is.
    SYSTEM_SOURCE = "unblame"
    MANUAL_SOURCE = "manual"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NOTE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # For imported events whose author has no account here (a chat handle, a bot).
    author_name = models.CharField(max_length=150, blank=True)
    text = models.TextField()
    highlighted = models.BooleanField(default=False)
    # Where the event came from, and its id there: importers and webhooks use
    # the pair to skip events they have already stored.
    source = models.CharField(max_length=40, default=MANUAL_SOURCE)
    external_id = models.CharField(max_length=200, blank=True)
    # Written by an import (a Markdown file, a chat export): its kind, source and
    # author are what the file claims, so it is shown as imported and is never
    # one of unblame's own system events, whatever it says.
    imported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "source", "external_id"],
                condition=~Q(external_id=""),
                name="unique_event_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on incident {self.incident_id}: {self.text[:60]}"

    @property
    def author_display(self) -> str:
        if self.author is not None:
            return str(self.author)
        return self.author_name or "unblame"

    @property
    def is_system(self) -> bool:
        return self.source == self.SYSTEM_SOURCE and not self.imported

    @property
    def is_edited(self) -> bool:
        return self.revisions.exists()

    EDITABLE = ["occurred_at", "kind", "text", "highlighted"]

    def edit(self, actor: Any, **changes: Any) -> TimelineEventRevision | None:
        """Apply changes, keeping the previous version as a revision.

        Returns the revision, or None when nothing actually changed.
        """
        before = snapshot(self, self.EDITABLE)
        changed = {key: value for key, value in changes.items() if getattr(self, key) != value}
        if not changed:
            self.ensure_current()
            return None
        with transaction.atomic():
            revision = TimelineEventRevision.objects.create(
                event=self,
                occurred_at=self.occurred_at,
                kind=self.kind,
                text=self.text,
                highlighted=self.highlighted,
                edited_by=actor,
            )
            for key, value in changed.items():
                setattr(self, key, value)
            self.save()
            record_change(actor, self, "update", before, snapshot(self, self.EDITABLE))
        return revision


class TimelineEventRevision(models.Model):
    """A previous version of a timeline event, saved when someone edits it."""

    event = models.ForeignKey(TimelineEvent, on_delete=models.CASCADE, related_name="revisions")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=TimelineEvent.Kind.choices)
    text = models.TextField()
    highlighted = models.BooleanField(default=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When this version was replaced.
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at", "-id"]

    def __str__(self) -> str:
        return f"Revision of event {self.event_id} from {self.edited_at:%Y-%m-%d %H:%M}"


# Triage entries live beside the code that decides them; importing the model
# here registers it with the incidents app (and its migrations).
from unblame.incidents.triage import TriageEntry  # noqa: E402, F401
