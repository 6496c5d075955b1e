"""The trash: incidents and timeline events are deleted into it, and come back or go for good.

A trashed row keeps its data and its relations; its model's default manager
(`objects`, and so every related set and visible_incidents) no longer sees it.
Only `all_objects` does, for the trash page and for importers that must not
add again what someone threw away. Admins restore or purge (for good, with
everything that hangs off the row); each step is audited.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from unblame.accounts.models import record_change


class LiveManager(models.Manager):
    """Rows that are not in the trash."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class Trashable(models.Model):
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # The first manager is the default one: every query, related set and form hides the trash.
    objects = LiveManager()
    all_objects = models.Manager()

    class Meta:
        abstract = True

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def trash(self, actor: Any) -> None:
        """Move to the trash (nothing is lost; an admin can restore it)."""
        self._mark(actor, timezone.now(), actor, "trash")

    def restore(self, actor: Any) -> None:
        self._mark(actor, None, None, "restore")

    def purge(self, actor: Any) -> None:
        """Delete for good, with everything that belongs to it; only what is in the trash."""
        if not self.in_trash:
            raise ValueError("Only what is in the trash can be purged.")
        with transaction.atomic():
            record_change(actor, self, "purge", {"deleted_at": self.deleted_at}, {})
            # The base manager's delete, not a versioned one: purging is final whatever the version.
            type(self)._base_manager.filter(pk=self.pk).delete()

    def _mark(self, actor: Any, at: Any, by: Any, action: str) -> None:
        before = {"deleted_at": self.deleted_at}
        with transaction.atomic():
            # An update, not save(): trashing is not an edit of the row's content,
            # so it neither needs nor bumps the version an open form holds.
            type(self)._base_manager.filter(pk=self.pk).update(deleted_at=at, deleted_by=by)
            self.deleted_at, self.deleted_by = at, by
            record_change(actor, self, action, before, {"deleted_at": at})
            # As a save would: receivers (the search index) drop or take back the row.
            post_save.send(
                sender=type(self), instance=self, created=False, update_fields={"deleted_at"}
            )
