"""Merging a duplicate incident into the one kept.

The kept incident takes the duplicate's timeline and responders here; other
apps move what they own (contributing factors, action items, a review, alert
groups) in receivers of `incident_merged`, sent inside the same transaction.
The duplicate then goes to the trash, so an admin can still look at what is
left of it (its status history) or restore it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal

from unblame.accounts.models import record_change
from unblame.incidents.models import Incident, Responder, TimelineEvent

# Sent with kept=, duplicate=, actor=, moved= (a Counter receivers add their counts to).
incident_merged = Signal()


def merge_incidents(kept: Incident, duplicate: Incident, actor: Any) -> Counter[str]:
    """Move the duplicate's record onto `kept`, trash the duplicate; returns what moved, by kind.

    Raises ValidationError for an incident merged into itself or one already in the trash.
    """
    if kept.pk == duplicate.pk:
        raise ValidationError("An incident cannot be merged into itself.")
    if kept.in_trash or duplicate.in_trash:
        raise ValidationError("Restore an incident from the trash before merging it.")
    moved: Counter[str] = Counter()
    with transaction.atomic():
        moved["timeline events"] = _move_events(kept, duplicate)
        moved["responders"] = _move_responders(kept, duplicate)
        incident_merged.send(Incident, kept=kept, duplicate=duplicate, actor=actor, moved=moved)
        summary = ", ".join(f"{count} {kind}" for kind, count in moved.items() if count)
        kept.add_event(
            actor,
            kind=TimelineEvent.Kind.NOTE,
            text=f"Incident #{duplicate.pk} ({duplicate.title}) was merged into this one"
            + (f": {summary} moved here." if summary else "."),
            source=TimelineEvent.SYSTEM_SOURCE,
        )
        record_change(actor, kept, "merge", {"duplicate": duplicate.pk}, dict(moved))
        duplicate.trash(actor)
    return moved


def _move_events(kept: Incident, duplicate: Incident) -> int:
    # The same alert or chat message on both stays with the duplicate: the kept
    # incident already has it, and (incident, source, external id) is unique.
    kept_events = TimelineEvent.all_objects.filter(incident=kept).exclude(external_id="")
    taken = set(kept_events.values_list("source", "external_id"))
    rows = TimelineEvent.all_objects.filter(incident=duplicate)
    movable = [
        pk
        for pk, source, external_id in rows.values_list("pk", "source", "external_id")
        if not external_id or (source, external_id) not in taken
    ]
    TimelineEvent.all_objects.filter(pk__in=movable).update(incident=kept)
    _saved(TimelineEvent, movable)
    return len(movable)


def _move_responders(kept: Incident, duplicate: Incident) -> int:
    on_kept = set(kept.responders.values_list("user_id", flat=True))
    commanded = kept.responders.filter(role=Responder.Role.INCIDENT_COMMANDER).exists()
    count = 0
    for responder in duplicate.responders.select_related("user"):
        if responder.user_id in on_kept:
            # One role per person per incident: theirs on the kept incident stays.
            continue
        role = responder.role
        if role == Responder.Role.INCIDENT_COMMANDER and commanded:
            # One commander at a time: the kept incident's keeps command.
            role = Responder.Role.RESPONDER
        on_kept.add(responder.user_id)
        Responder.objects.filter(pk=responder.pk).update(incident=kept, role=role)
        count += 1
    return count


def _saved(model: type, pks: list[int]) -> None:
    """Tell receivers (the search index) that rows moved, as a save would."""
    for row in model._base_manager.filter(pk__in=pks):
        post_save.send(sender=model, instance=row, created=False, update_fields={"incident"})


__all__ = ["incident_merged", "merge_incidents"]
