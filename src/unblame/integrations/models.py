"""Chat imports and alert webhooks: how outside records reach an incident's timeline.

The parsers (chat, slack, alerts) know nothing of Django; the models here
decide what those records become: timeline events, language flags, private
notes, and incidents opened by alerts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from unblame.accounts.attribution import Attribution
from unblame.accounts.models import User, record_change
from unblame.accounts.roster import roster
from unblame.incidents.models import Incident, Service, Severity, Status, TimelineEvent
from unblame.incidents.triage import TriageEntry
from unblame.integrations.alerts import Alert, parse_alertmanager, parse_generic
from unblame.integrations.chat import ChatMessage
from unblame.integrations.upload import parse_chat_upload
from unblame.language import Finding, analyze

CHAT_SOURCE = "chat-import"
OPEN_STATUSES = (Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


# -- Chat import ------------------------------------------------------------------------


@dataclass
class PreviewRow:
    message: ChatMessage
    duplicate: bool


@dataclass
class ImportResult:
    added: int = 0
    duplicates: int = 0
    flagged: int = 0
    events: list[TimelineEvent] = field(default_factory=list)


class ChatUpload(models.Model):
    """An uploaded chat file waiting between preview and confirm.

    The file itself is kept, not the parsed messages: confirm parses it again,
    so what is imported is exactly what the parser makes of the file, and
    nothing reaches the timeline before the person confirms.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    time_zone = models.CharField(max_length=64)
    day = models.DateField(null=True, blank=True)
    channel = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # An abandoned preview is deleted when anyone next uploads.
    KEEP_FOR = timedelta(hours=24)

    def __str__(self) -> str:
        return f"{self.filename} for incident {self.incident_id}"

    @classmethod
    def purge_stale(cls) -> None:
        cls.objects.filter(created_at__lt=timezone.now() - cls.KEEP_FOR).delete()

    def messages(self) -> list[ChatMessage]:
        """The parsed messages; raises ChatParseError like the first parse did."""
        return parse_chat_upload(
            self.filename,
            bytes(self.content),
            tz=self.time_zone,
            date=self.day,
            channel=self.channel,
        )

    def preview(self) -> list[PreviewRow]:
        existing = existing_chat_ids(self.incident)
        return [PreviewRow(m, event_external_id(m) in existing) for m in self.messages()]

    def attributions(self, messages: list[ChatMessage]) -> list[Attribution]:
        """The chat authors that match an account here, for the uploader to confirm."""
        counts = Counter(message.author for message in messages)
        return [
            Attribution(author, user, {"author of a message": counts[author]})
            for author, user in PeopleIndex.build().matches(messages)
        ]

    def import_messages(self, actor: User, attribute: Collection[str] = ()) -> ImportResult:
        """Add the messages not already on the timeline, all or nothing, and forget the file.

        Only messages by the chat authors in `attribute` (as the preview listed
        them) are attributed to the accounts they match; the rest keep their
        chat name alone, and no private note goes to anyone for them.
        """
        messages = self.messages()
        with transaction.atomic():
            result = import_chat(
                self.incident, messages, actor, filename=self.filename, attribute=attribute
            )
            self.delete()
        return result


def event_external_id(message: ChatMessage) -> str:
    """The parser's id, hashed when it would not fit the event's column."""
    limit = TimelineEvent._meta.get_field("external_id").max_length
    if len(message.external_id) <= limit:
        return message.external_id
    return "chat:" + _digest(message.external_id)


def existing_chat_ids(incident: Incident) -> set[str]:
    # Trashed messages count: someone threw them away, and importing again must not bring
    # them back (nor clash with the unique source id they still hold).
    events = TimelineEvent.all_objects.filter(incident=incident, source=CHAT_SOURCE)
    return set(events.values_list("external_id", flat=True))


def import_chat(
    incident: Incident,
    messages: list[ChatMessage],
    actor: User | None,
    *,
    filename: str = "",
    attribute: Collection[str] | None = None,
) -> ImportResult:
    """Write chat messages to the timeline, skipping those already there; call in a transaction.

    `attribute` names the chat authors whose messages may be attributed to the
    account their name matches (confirmed by the uploader in the preview);
    None attributes every match, for the Slack app, whose workspace vouches
    for who wrote what.
    """
    existing = existing_chat_ids(incident)
    fresh = []
    result = ImportResult()
    for message in messages:
        key = event_external_id(message)
        if key in existing:
            result.duplicates += 1
            continue
        existing.add(key)
        fresh.append(message)
    people = PeopleIndex.build()
    if attribute is not None:
        people = people.only(attribute)
    events = TimelineEvent.objects.bulk_create(
        [_chat_event(incident, message, people) for message in fresh], batch_size=500
    )
    result.added = len(events)
    result.events = events
    # bulk_create sends no post_save, so the search index is told here.
    from unblame.insights import index as search_index

    search_index.refresh(TimelineEvent, [event.pk for event in events])
    result.flagged = _analyze_events(incident, events, fresh, people)
    record_change(
        actor,
        incident,
        "chat_import",
        {},
        {"file": filename, "added": result.added, "duplicates": result.duplicates},
    )
    return result


def _chat_event(incident: Incident, message: ChatMessage, people: PeopleIndex) -> TimelineEvent:
    return TimelineEvent(
        incident=incident,
        occurred_at=message.occurred_at,
        kind=TimelineEvent.Kind.CHAT_MESSAGE,
        author=people.find(message),
        author_name=message.author[:150],
        text=message.text,
        source=CHAT_SOURCE,
        external_id=event_external_id(message),
        imported=True,
    )


class PeopleIndex:
    """Finds the account behind a chat author by username or full name.

    A name two accounts share finds nobody: a wrong match would show one
    person's private note to another.
    """

    def __init__(self, by_name: dict[str, User | None]) -> None:
        self.by_name = by_name
        # None: any author; otherwise only these chat authors find their account.
        self.authors: frozenset[str] | None = None

    @classmethod
    def build(cls) -> PeopleIndex:
        by_name: dict[str, User | None] = {}
        for user in User.objects.filter(is_active=True):
            for name in {user.username.casefold(), user.get_full_name().strip().casefold()}:
                if not name:
                    continue
                by_name[name] = None if name in by_name and by_name[name] != user else user
        return cls(by_name)

    def find(self, message: ChatMessage) -> User | None:
        if self.authors is not None and message.author not in self.authors:
            return None
        for name in (message.author, *message.author_aliases):
            user = self.by_name.get(name.strip().casefold())
            if user is not None:
                return user
        return None

    def only(self, authors: Collection[str]) -> PeopleIndex:
        """The same index, finding accounts only for messages by these chat authors."""
        narrowed = PeopleIndex(self.by_name)
        narrowed.authors = frozenset(authors)
        return narrowed

    def matches(self, messages: list[ChatMessage]) -> list[tuple[str, User]]:
        """Each distinct chat author that finds an account, with the account, in order."""
        found: dict[str, User] = {}
        for message in messages:
            if message.author not in found and (user := self.find(message)) is not None:
                found[message.author] = user
        return list(found.items())


def _analyze_events(
    incident: Incident,
    events: list[TimelineEvent],
    messages: list[ChatMessage],
    people: PeopleIndex,
) -> int:
    """Store public flags and private notes for the imported messages; returns the flag count."""
    # The aliases (a Slack real name beside the display name) are not stored
    # on the timeline, so the import hands them over itself.
    names = roster(incident, also=(n for m in messages for n in (m.author, *m.author_aliases)))
    flags, notes = [], []
    for event, message in zip(events, messages, strict=True):
        for finding in analyze(message.text, context="chat", names=names):
            if finding.about_writer:
                # Kept for its author alone; with no account to show it to, it is dropped.
                if event.author is not None:
                    notes.append(
                        PrivateNote.from_finding(event, event.author, message.text, finding)
                    )
            elif finding.category.is_blame:
                flags.append(LanguageFlag.from_finding(event, message.text, finding))
    LanguageFlag.objects.bulk_create(flags, batch_size=500)
    PrivateNote.objects.bulk_create(notes, batch_size=500, ignore_conflicts=True)
    return len(flags)


class _FindingFields(models.Model):
    rule = models.CharField(max_length=20)
    excerpt = models.CharField(max_length=200)
    message = models.TextField()
    suggestion = models.TextField()

    class Meta:
        abstract = True

    @staticmethod
    def _fields(text: str, finding: Finding) -> dict[str, Any]:
        return {
            "rule": finding.rule,
            "excerpt": text[finding.start : finding.end][:200],
            "message": finding.message,
            "suggestion": finding.suggestion,
        }


class LanguageFlag(_FindingFields):
    """Blaming wording in an imported message, shown quietly beside the event to everyone."""

    event = models.ForeignKey(
        TimelineEvent, on_delete=models.CASCADE, related_name="language_flags"
    )
    category = models.CharField(max_length=20)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.rule} on event {self.event_id}"

    @classmethod
    def from_finding(cls, event: TimelineEvent, text: str, finding: Finding) -> LanguageFlag:
        return cls(event=event, category=finding.category.value, **cls._fields(text, finding))


class PrivateNote(_FindingFields):
    """Self-blame in someone's own chat message, shown to that person and nobody else.

    Not to admins, not in the API, not in any count: what a person said about
    themselves in the heat of an incident is theirs to reword.
    """

    event = models.ForeignKey(TimelineEvent, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient", "rule"], name="unique_private_note"
            )
        ]

    def __str__(self) -> str:
        return f"Private note on event {self.event_id}"

    @classmethod
    def from_finding(
        cls, event: TimelineEvent, recipient: User, text: str, finding: Finding
    ) -> PrivateNote:
        return cls(event=event, recipient=recipient, **cls._fields(text, finding))

    @classmethod
    def for_reader(cls, user: Any, incident: Incident | int) -> models.QuerySet[PrivateNote]:
        """The notes on this incident that `user` may read: their own, and only theirs."""
        if user is None or not user.is_authenticated:
            return cls.objects.none()
        return cls.objects.filter(event__incident=incident, recipient=user)


# -- Alert webhooks -----------------------------------------------------------------------


@dataclass
class DeliveryResult:
    # Alerts no longer open incidents (a person declares one from triage);
    # "opened_incidents" stays in the answer, empty, for senders that read it.
    opened: list[int] = field(default_factory=list)
    triaged: list[int] = field(default_factory=list)
    held: int = 0
    appended: int = 0
    duplicates: int = 0
    ignored: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "opened_incidents": self.opened,
            "triage_entries": self.triaged,
            "held_for_triage": self.held,
            "appended": self.appended,
            "duplicates": self.duplicates,
            "ignored": self.ignored,
        }


class AlertSource(models.Model):
    """A monitoring system allowed to post alerts, with its own secret token."""

    class Kind(models.TextChoices):
        ALERTMANAGER = "alertmanager", "Prometheus Alertmanager"
        GENERIC = "generic", "Generic JSON"

    name = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ALERTMANAGER)
    # Only a digest is kept: the token is shown once, when it is made.
    token_digest = models.CharField(max_length=64)
    default_severity = models.ForeignKey(Severity, on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_delivery_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def event_source(self) -> str:
        """The TimelineEvent.source of this source's events."""
        return f"alert:{self.pk}"

    def new_token(self) -> str:
        """Set a new token and return it, the only time it is seen; the caller saves."""
        raw = "ubh_" + secrets.token_urlsafe(32)
        self.token_digest = _digest(raw)
        return raw

    @classmethod
    def authenticate(cls, pk: int, raw_token: str) -> AlertSource | None:
        """The source if the token is its own; None alike for a wrong token and no source."""
        source = cls.objects.filter(pk=pk).first()
        # Compare even when there is no source, so timing does not tell which it was.
        expected = source.token_digest if source else _digest("no such source")
        ok = hmac.compare_digest(_digest(raw_token), expected)
        return source if ok and source is not None and raw_token else None

    def parse(self, payload: bytes) -> list[Alert]:
        if self.kind == self.Kind.ALERTMANAGER:
            return parse_alertmanager(payload)
        return parse_generic(payload)

    def receive(self, alerts: list[Alert]) -> DeliveryResult:
        """Extend open incidents or hold alerts for triage, for one delivery, all or nothing.

        A re-sent alert (same fingerprint, start and status) changes nothing,
        whichever incident it first reached.
        """
        now = timezone.now()
        result = DeliveryResult()
        with transaction.atomic():
            # One delivery at a time per source, so two for one group cannot
            # both open an incident.
            AlertSource.objects.select_for_update().filter(pk=self.pk).first()
            for alert in alerts:
                self._receive_one(replace(alert, starts_at=alert.starts_at or now), now, result)
            AlertSource.objects.filter(pk=self.pk).update(last_delivery_at=now)
        return result

    def _receive_one(self, alert: Alert, now: Any, result: DeliveryResult) -> None:
        key = alert.delivery_key
        delivered = TimelineEvent.all_objects.filter(source=self.event_source, external_id=key)
        if delivered.exists():
            result.duplicates += 1
            return
        incident = self._incident_for(alert)
        if incident is None:
            self._triage(alert, key, now, result)
            return
        result.appended += 1
        TimelineEvent.objects.create(
            incident=incident,
            occurred_at=alert.starts_at if alert.is_firing else (alert.ends_at or now),
            kind=TimelineEvent.Kind.ALERT,
            author_name=self.name[:150],
            text=alert_event_text(alert),
            source=self.event_source,
            external_id=key,
        )

    def _incident_for(self, alert: Alert) -> Incident | None:
        groups = AlertGroup.objects.filter(source=self, group_digest=_digest(alert.group_key))
        link = groups.filter(incident__status__in=OPEN_STATUSES).order_by("-id").first()
        if link is None and not alert.is_firing:
            # A resolution still belongs on the incident it fired into, even a resolved one.
            link = groups.order_by("-id").first()
        if link is not None:
            # Groups linked before triage existed, when alerts declared incidents themselves.
            return link.incident
        return TriageEntry.incident_for(
            self.event_source, _digest(alert.group_key), alert.fingerprint, alert.is_firing
        )

    def _triage(self, alert: Alert, key: str, now: Any, result: DeliveryResult) -> None:
        """Hold the alert on its group's open triage entry, or open one for a firing alert."""
        digest = _digest(alert.group_key)
        entry = TriageEntry.waiting_for(self.event_source, digest, alert.fingerprint)
        dismissed = TriageEntry.objects.filter(
            source=self.event_source, group_digest=digest, state=TriageEntry.State.DISMISSED
        )
        if (entry and entry.holds(key)) or any(old.holds(key) for old in dismissed):
            result.duplicates += 1
            return
        if entry is None and not alert.is_firing:
            # A resolution for a group that never fired here.
            result.ignored += 1
            return
        fresh = entry is None
        if entry is None:
            services = [s for s in (self.service, _service_named(alert.service)) if s is not None]
            entry = TriageEntry(
                source=self.event_source,
                source_name=self.name[:150],
                group_digest=digest,
                title=alert.title[:200],
                suggested_severity=self._severity_for(alert).name,
                service_names=[service.name for service in services],
            )
        at = alert.starts_at if alert.is_firing else (alert.ends_at or now)
        entry.hold(key, at, alert_event_text(alert), alert.is_firing, alert.fingerprint)
        if fresh:
            result.triaged.append(entry.pk)
        else:
            result.held += 1

    def _severity_for(self, alert: Alert) -> Severity:
        if alert.severity:
            match = Severity.objects.filter(
                Q(name__iexact=alert.severity) | Q(label__iexact=alert.severity)
            ).first()
            if match is not None:
                return match
        return self.default_severity


def _service_named(name: str) -> Service | None:
    return Service.objects.filter(name__iexact=name).first() if name else None


def alert_event_text(alert: Alert) -> str:
    if alert.is_firing:
        lines = [f"Alert firing: {alert.title}"]
    else:
        lines = [
            f"Alert resolved: {alert.title}",
            "The incident stays open until a responder resolves it.",
        ]
    if alert.text:
        lines.append(alert.text)
    if alert.labels:
        lines.append(", ".join(f"{k}={v}" for k, v in sorted(alert.labels.items())))
    if alert.url:
        lines.append(alert.url)
    return "\n".join(lines)


class AlertGroup(models.Model):
    """Which incident an alert group opened, so later alerts of the group join it."""

    source = models.ForeignKey(AlertSource, on_delete=models.CASCADE, related_name="groups")
    group_key = models.TextField()
    # Alertmanager group keys can be long; lookups go by digest.
    group_digest = models.CharField(max_length=64, db_index=True)
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} group → incident {self.incident_id}"


# The Slack app's models live beside the code that uses them; importing them
# here registers them with the integrations app (and its migrations).
from unblame.integrations.slackbot import SlackChannel, SlackConfig, SlackPerson  # noqa: E402, F401
from unblame.integrations.trackers import Tracker, TrackerIssue  # noqa: E402, F401
from unblame.integrations.webhooks import (  # noqa: E402, F401
    OverdueNotice,
    WebhookDelivery,
    WebhookEndpoint,
)
