"""The tracker link or "send to tracker" button on an action item row."""

from __future__ import annotations

from typing import Any

from django import template

from unblame.integrations.trackers import Tracker, TrackerIssue

register = template.Library()


def _page_cache(context: template.Context, incident_id: int) -> tuple[bool, dict[int, Any]]:
    """Whether any tracker exists, and the incident's item links, read once per request.

    Links are read per incident, so a list page costs one query per incident
    it shows, whatever the number of linked issues overall.
    """
    request = context.get("request")
    holder = request.__dict__ if request is not None else {}
    cache = holder.setdefault("_unblame_trackers", {"links": {}})
    if "any" not in cache:
        cache["any"] = Tracker.objects.exists()
    if cache["any"] and incident_id not in cache["links"]:
        links = TrackerIssue.objects.filter(item__incident_id=incident_id).select_related("tracker")
        cache["links"][incident_id] = {link.item_id: link for link in links}
    return cache["any"], cache["links"].get(incident_id, {})


@register.inclusion_tag("integrations/_tracker_link.html", takes_context=True)
def tracker_link(context: template.Context, item: Any, can_write: bool) -> dict[str, Any]:
    any_tracker, links = _page_cache(context, item.incident_id)
    link = links.get(item.pk)
    sendable = can_write and any_tracker and link is None and not item.incident.restricted
    return {
        "item": item,
        "link": link,
        "sendable": sendable,
        "csrf_token": context.get("csrf_token"),
    }
