from __future__ import annotations

from django import template

from unblame.incidents.timeline import Timeline

register = template.Library()


@register.filter
def timeline_url(timeline: Timeline, page: int) -> str:
    """The query string of another page of the timeline, keeping its kind filter."""
    return timeline.url_for(page=page)
