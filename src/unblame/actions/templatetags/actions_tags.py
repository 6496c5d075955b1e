"""The follow-up of one incident for templates that only have the incident.

Used by actions/_incident_summary.html, which other pages (the review) include
with nothing but `incident` in their context. The including view has already
checked that the reader may see the incident.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from unblame.actions.models import (
    ActionItem,
    ActionSummary,
    ContributingFactor,
    incident_factors,
    incident_items,
)
from unblame.incidents.models import Incident

register = template.Library()


@dataclass(frozen=True)
class FollowUp:
    factors: list[ContributingFactor]
    items: list[ActionItem]
    summary: ActionSummary


@register.simple_tag
def incident_follow_up(incident: Incident) -> FollowUp:
    items = list(incident_items(incident))
    return FollowUp(
        factors=list(incident_factors(incident)),
        items=items,
        summary=ActionSummary.of(incident, items),
    )
