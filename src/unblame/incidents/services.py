"""Declaring an incident: the one sequence the page, the API and Slack all go through."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from unblame.incidents.models import Incident, Responder, Service


def declare(
    incident: Incident,
    actor: Any,
    services: Iterable[Service] = (),
    role: str = Responder.Role.RESPONDER,
) -> Incident:
    """Save a new (unsaved) incident, open its timeline and put its declarer on it.

    The declarer becomes a responder with `role`; otherwise a restricted
    incident would vanish from its own author's view at once.
    """
    with transaction.atomic():
        incident.created_by = actor
        incident.save()
        if services:
            incident.services.set(services)
        incident.record_creation(actor)
        if actor is not None:
            incident.add_responder(actor, role, actor)
    return incident
