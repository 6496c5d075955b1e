"""Inviting people by a one-time link: an admin names the account, the person sets a password.

Only a digest of the link's token is stored. A link works once and for
INVITE_DAYS days; accepting it creates the account with the role the admin
chose. Everything is audited.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from unblame.accounts.models import User, record_change
from unblame.accounts.throttle import account_key

INVITE_DAYS = 7


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def name_taken(username: str) -> bool:
    """Whether an account already answers to this name as sign-in reads it.

    Sign-in applies NFKC and the throttle casefolds (throttle.account_key), so
    "ＥＤ" and "ED" are "ed"'s name too: a second account under one of them
    would share "ed"'s sign-in failures. The database's case-insensitive match
    knows only ASCII, hence the comparison here.
    """
    key = account_key(username)
    return any(account_key(name) == key for name in User.objects.values_list("username", flat=True))


class Invitation(models.Model):
    username = models.CharField(max_length=150)
    email = models.EmailField(blank=True)
    role = models.CharField(max_length=10, choices=User.Role.choices, default=User.Role.VIEWER)
    token_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Invitation for {self.username}"

    @property
    def usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    @classmethod
    def make(cls, admin: User, username: str, email: str, role: str) -> tuple[Invitation, str]:
        """A new invitation and its token, the only time the token is seen."""
        raw = secrets.token_urlsafe(32)
        with transaction.atomic():
            invitation = cls.objects.create(
                username=username,
                email=email,
                role=role,
                token_digest=_digest(raw),
                created_by=admin,
                expires_at=timezone.now() + timedelta(days=INVITE_DAYS),
            )
            record_change(admin, invitation, "invite", {}, {"username": username, "role": role})
        return invitation, raw

    @classmethod
    def for_token(cls, raw: str) -> Invitation | None:
        """The usable invitation this token opens, or None (wrong, used or expired alike)."""
        found = cls.objects.filter(token_digest=_digest(raw)).first()
        return found if found is not None and found.usable else None

    def accept(self, password: str, **names: Any) -> User:
        """Create the account; raises ValueError when the username was taken meanwhile."""
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=self.pk, accepted_at__isnull=True).update(
                accepted_at=timezone.now()
            )
            if not claimed or name_taken(self.username):
                raise ValueError("This invitation cannot be used any more.")
            user = User.objects.create_user(
                username=self.username, email=self.email, password=password, role=self.role, **names
            )
            Invitation.objects.filter(pk=self.pk).update(accepted_by=user)
            record_change(user, user, "create", {}, {"role": self.role, "via": "invitation"})
        return user
