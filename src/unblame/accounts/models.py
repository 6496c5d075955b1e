"""People, their role in this installation, login throttling and the audit log."""

from __future__ import annotations

import hashlib
import secrets
import zoneinfo
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import capfirst


def _default_timezone() -> str:
    return settings.DEFAULT_USER_TIMEZONE


def _token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class User(AbstractUser):
    class Role(models.TextChoices):
        ADMIN = "admin", "Admin"
        EDITOR = "editor", "Editor"
        VIEWER = "viewer", "Viewer"

    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)
    timezone = models.CharField(max_length=64, default=_default_timezone)
    # Free text ("payments", "platform"): the action items page filters by the
    # owner's team. Teams are not modelled further until someone needs more.
    team = models.CharField(max_length=80, blank=True, db_index=True)
    # Only a digest is kept: the token itself is shown once, when it is made.
    api_token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    api_token_created = models.DateTimeField(null=True, blank=True)
    # Each kind of email can be turned off by the person it goes to.
    email_on_mention = models.BooleanField("Email me when someone @mentions me", default=True)
    email_on_assigned = models.BooleanField(
        "Email me when an action item is assigned to me", default=True
    )
    email_on_due = models.BooleanField(
        "Email me a digest of my action items falling due", default=True
    )
    email_on_fell_due = models.BooleanField(
        "Email me on the day one of my action items falls due", default=True
    )

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN or self.is_superuser

    @property
    def can_write(self) -> bool:
        """Editors and admins change incidents; viewers only read them."""
        return self.is_admin or self.role == self.Role.EDITOR

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            # A zone removed from tzdata after it was saved must not break pages.
            return zoneinfo.ZoneInfo("UTC")

    def new_api_token(self) -> str:
        """Replace the user's API token and return the new one, the only time it is seen."""
        raw = "ub_" + secrets.token_urlsafe(32)
        self.api_token_digest = _token_digest(raw)
        self.api_token_created = timezone.now()
        self.save(update_fields=["api_token_digest", "api_token_created"])
        return raw

    def revoke_api_token(self) -> None:
        self.api_token_digest = ""
        self.api_token_created = None
        self.save(update_fields=["api_token_digest", "api_token_created"])

    @classmethod
    def for_api_token(cls, raw: str) -> User | None:
        if not raw.startswith("ub_"):
            return None
        return cls.objects.filter(api_token_digest=_token_digest(raw), is_active=True).first()


class RosterName(models.Model):
    """A person's name an admin adds so the analyzer reads it as a person.

    Accounts and chat authors are on the roster by themselves; these are the
    people who have neither here: a contractor, a vendor's engineer, a
    colleague who never signs in.
    """

    MAX_LENGTH = 100

    name = models.CharField(max_length=MAX_LENGTH)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            # "Zorbel" and "zorbel" on one list is a slip, not two people.
            models.UniqueConstraint(Lower("name"), name="unique_roster_name_any_case")
        ]

    def __str__(self) -> str:
        return self.name


class LoginFailure(models.Model):
    """One failed sign-in; recent rows decide who waits (accounts/throttle.py has the rules).

    Rows rather than a counter so the window slides by itself and two workers
    failing at once never lose an increment.
    """

    KEY_LENGTH = 150

    # The account as sign-in resolves it (throttle.account_key), not as typed.
    username = models.CharField(max_length=KEY_LENGTH, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    # The known device's id when the attempt came with one for this account, else blank.
    device = models.CharField(max_length=32, blank=True, default="", db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_json_safe(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    return value


class AuditEntry(models.Model):
    """Who changed what, when, with the values before and after.

    The object is named by type, id and text rather than a foreign key, so the
    entry outlives the object it describes.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=200)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.actor_name or 'system'} {self.action} {self.object_type} {self.object_id}"

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each field whose value differs.

        A change from one kind of blank to another ("" to None, [] to "") is
        no change to a reader, and is left out.
        """
        keys = list(dict.fromkeys([*self.before, *self.after]))
        return [
            (key, self.before.get(key), self.after.get(key))
            for key in keys
            if self.before.get(key) != self.after.get(key)
            and not (_blank(self.before.get(key)) and _blank(self.after.get(key)))
        ]

    @property
    def model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.object_type)
        except (LookupError, ValueError):
            return None

    @property
    def object_label(self) -> str:
        """What the object is, for people: "Review section" rather than reviews.reviewsection."""
        return type_label(self.object_type)

    def labelled_changes(self) -> list[tuple[str, Any, Any]]:
        """changed_fields() with each field's verbose name."""
        model = self.model
        return [(_field_label(model, key), old, new) for key, old, new in self.changed_fields()]


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def type_label(object_type: str) -> str:
    try:
        return capfirst(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if model is not None:
        try:
            return capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            pass
    return name.replace("_", " ").capitalize()


def record_change(
    actor: User | None,
    obj: models.Model,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry; call it wherever data changes, in the same transaction."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor.username if actor is not None else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        before=_json_safe(before or {}),
        after=_json_safe(after or {}),
    )


def record_event(
    actor: User | None,
    action: str,
    object_type: str,
    object_id: Any,
    object_repr: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry for something that happened rather than changed.

    Sign-ins, sign-outs, exports and reads of restricted incidents; the details
    (the address, the path) go in `after`.
    """
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor.username if actor is not None else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:40],
        object_repr=object_repr[:200],
        after=_json_safe(details or {}),
    )


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of obj as JSON-ready values, for before/after in the audit log."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(item) for item in getattr(obj, name).all())
        else:
            values[name] = _json_safe(getattr(obj, name))
    return values


def record_update(
    actor: User | None,
    obj: models.Model,
    before: dict[str, Any],
    after: dict[str, Any],
    fields: list[str],
) -> list[str]:
    """Audit the named fields whose snapshots differ, before and after; returns their names.

    Nothing is written when none differ.
    """
    changed = [name for name in fields if before.get(name) != after.get(name)]
    if changed:
        record_change(
            actor,
            obj,
            "update",
            {name: before.get(name) for name in changed},
            {name: after.get(name) for name in changed},
        )
    return changed


class Audited(models.Model):
    """The audit log's view of a model: its AUDITED fields, recorded on create, edit and delete.

    Callers take `audit_snapshot()` before an edit and pass it to `record_edit`.
    """

    AUDITED: ClassVar[list[str]]

    class Meta:
        abstract = True

    def audit_snapshot(self) -> dict[str, Any]:
        return snapshot(self, self.AUDITED)

    def record_creation(self, actor: Any) -> None:
        record_change(actor, self, "create", {}, self.audit_snapshot())

    def record_edit(self, actor: Any, before: dict[str, Any]) -> list[str]:
        return record_update(actor, self, before, self.audit_snapshot(), self.AUDITED)

    def delete_by(self, actor: Any) -> None:
        with transaction.atomic():
            record_change(actor, self, "delete", self.audit_snapshot(), {})
            self.delete()


# Invitations live beside the code that makes and accepts them; importing the
# model here registers it with the accounts app (and its migrations).
from unblame.accounts.invites import Invitation  # noqa: E402, F401
