"""The language flags and private notes beside an imported event."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import template

from unblame.integrations.models import LanguageFlag, PrivateNote

register = template.Library()


def _for_page(request: Any, incident_id: int) -> tuple[dict, dict]:
    """Flags and the reader's own notes for one incident, fetched once per request."""
    cache = request.__dict__.setdefault("_unblame_language", {})
    if incident_id not in cache:
        flags: dict[int, list] = defaultdict(list)
        notes: dict[int, list] = defaultdict(list)
        for flag in LanguageFlag.objects.filter(event__incident_id=incident_id):
            flags[flag.event_id].append(flag)
        for note in PrivateNote.for_reader(request.user, incident_id):
            notes[note.event_id].append(note)
        cache[incident_id] = (flags, notes)
    return cache[incident_id]


@register.inclusion_tag("integrations/_event_language.html", takes_context=True)
def event_language(context: template.Context, event: Any) -> dict[str, Any]:
    request = context.get("request")
    # Without a request there is no reader, so no private note can be shown.
    if request is None or not hasattr(request, "user"):
        return {"flags": [], "notes": []}
    flags, notes = _for_page(request, event.incident_id)
    return {"flags": flags.get(event.pk, []), "notes": notes.get(event.pk, [])}
