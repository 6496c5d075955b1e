from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("insights/_related_slot.html")
def related(incident: Any) -> dict[str, Any]:
    """A card that loads the related incidents after the page (insights.views.related_card).

    Finding them reads many incidents; the page it sits on does not wait for it.
    """
    return {"incident": incident}
