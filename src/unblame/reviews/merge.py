"""A merged duplicate's review moves to the incident kept when that one has none yet."""

from __future__ import annotations

from collections import Counter
from typing import Any

from unblame.incidents.models import Incident
from unblame.reviews.models import Review


def move_to_kept(
    sender: Any, kept: Incident, duplicate: Incident, moved: Counter[str], **kwargs: Any
) -> None:
    # An incident has one review: when both have one, the duplicate's stays
    # with it in the trash, where an admin can still read it.
    if Review.objects.filter(incident=kept).exists():
        return
    moved["reviews"] += Review.objects.filter(incident=duplicate).update(incident=kept)
