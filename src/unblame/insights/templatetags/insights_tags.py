from __future__ import annotations

from typing import Any

from django import template

from unblame.insights.related import related_incidents

register = template.Library()


@register.inclusion_tag("insights/_related.html", takes_context=True)
def related(context: dict[str, Any], incident: Any) -> dict[str, Any]:
    """Earlier incidents like this one that the reader may see (insights.related)."""
    return {"related": related_incidents(incident, context["request"].user), "incident": incident}
