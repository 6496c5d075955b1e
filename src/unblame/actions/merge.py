"""A merged duplicate's contributing factors and action items move to the incident kept."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models.signals import post_save

from unblame.actions.models import ActionItem, ContributingFactor
from unblame.incidents.models import Incident


def move_to_kept(
    sender: Any, kept: Incident, duplicate: Incident, moved: Counter[str], **kwargs: Any
) -> None:
    for model, kind in (
        (ContributingFactor, "contributing factors"),
        (ActionItem, "action items"),
    ):
        pks = list(model.objects.filter(incident=duplicate).values_list("pk", flat=True))
        model.objects.filter(pk__in=pks).update(incident=kept)
        for row in model.objects.filter(pk__in=pks):
            # As a save would: the search index files them under the kept incident.
            post_save.send(sender=model, instance=row, created=False, update_fields={"incident"})
        moved[kind] += len(pks)
