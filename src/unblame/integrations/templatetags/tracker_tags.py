"""The tracker link or "send to tracker" button on an action item row."""

from __future__ import annotations

from typing import Any

from django import template

from unblame.integrations.trackers import Tracker, TrackerIssue

register = template.Library()


def _page_cache(context: template.Context) -> dict[str, Any]:
    """Links and whether any tracker exists, read once per request."""
    request = context.get("request")
    holder = request.__dict__ if request is not None else {}
    if "_unblame_trackers" not in holder:
        holder["_unblame_trackers"] = {
            "any": Tracker.objects.exists(),
            "links": {link.item_id: link for link in TrackerIssue.objects.all()},
        }
    return holder["_unblame_trackers"]


@register.inclusion_tag("integrations/_tracker_link.html", takes_context=True)
def tracker_link(context: template.Context, item: Any, can_write: bool) -> dict[str, Any]:
    cache = _page_cache(context)
    link = cache["links"].get(item.pk)
    sendable = can_write and cache["any"] and link is None and not item.incident.restricted
    return {
        "item": item,
        "link": link,
        "sendable": sendable,
        "csrf_token": context.get("csrf_token"),
    }
