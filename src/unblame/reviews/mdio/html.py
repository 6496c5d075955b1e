"""The review as one standalone HTML file: inline CSS, no scripts, nothing fetched.

Made from the same ReviewDocument as the Markdown export, so the two always
agree. Section text is rendered by markdown-it with raw HTML off and then
cleaned by nh3, as on the review page; a Content-Security-Policy in the file
itself stops it loading scripts or styles from anywhere, should the cleaning
ever miss something.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string

from unblame.accounts.models import User
from unblame.incidents.models import Responder, Status, TimelineEvent
from unblame.reviews.models import Review, ReviewState
from unblame.reviews.rendering import markdown_html

from .document import MOMENTS, ReviewDocument, parse_time
from .export import export_document

MOMENT_LABELS = {
    "impact_started": "Impact started",
    "detected": "Detected",
    "acknowledged": "Acknowledged",
    "mitigated": "Mitigated",
    "resolved": "Resolved",
}


def _when(value: str | None) -> str:
    if not value:
        return "—"
    try:
        return parse_time(value).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:  # stored before dates were range-checked: shown as it is
        return value


@dataclass(frozen=True)
class _Row:
    label: str
    value: str


def export_html(review: Review) -> str:
    """The review as a complete HTML page; the caller has checked the reader may see it."""
    return render_html(export_document(review))


def _label(choices: Any, value: str) -> str:
    """The label people read for a stored value ("chat_message" -> "Chat message")."""
    return dict(choices).get(value) or value.replace("_", " ")


def _people(document: ReviewDocument) -> dict[str, str]:
    """Username -> the name shown for them, for every account the file names."""
    usernames = {r.username for r in document.incident.responders}
    usernames |= {e.author for e in document.timeline} | {i.owner for i in document.action_items}
    found = User.objects.filter(username__in=[u for u in usernames if u])
    return {user.username: user.get_full_name() or user.username for user in found}


def render_html(document: ReviewDocument) -> str:
    """The page readers see: labels and names, never the file's internal values or usernames."""
    incident = document.incident
    names = _people(document)
    facts = [
        _Row("Severity", incident.severity),
        _Row("Status", _label(Status.choices, incident.status)),
        _Row("Services", ", ".join(incident.services) or "—"),
        _Row("Declared", _when(incident.declared)),
        *(_Row(MOMENT_LABELS[name], _when(incident.moments.get(name))) for name in MOMENTS),
        _Row("Review", _label(ReviewState.choices, document.review.state)),
    ]
    keys = {section.key for section in document.sections}
    context = {
        "document": document,
        "incident": incident,
        "facts": facts,
        "responders": [
            f"{r.name or names.get(r.username, r.username)} "
            f"({_label(Responder.Role.choices, r.role).lower()})"
            for r in incident.responders
        ],
        # Factors and items are listed in their sections, or after the last one.
        "inline": {key: key in keys for key in ("contributing_factors", "action_items")},
        "summary": markdown_html(incident.summary),
        "sections": [(s, markdown_html(s.body)) for s in document.sections],
        "timeline": [
            (
                _when(e.at),
                _label(TimelineEvent.Kind.choices, e.kind),
                names.get(e.author, e.author),
                e,
            )
            for e in document.timeline
        ],
        "factors": [(f, markdown_html(f.description)) for f in document.factors],
        "action_items": [_item_row(item, names) for item in document.action_items],
    }
    return render_to_string("review_markdown/standalone.html", context)


def _item_row(item: Any, names: dict[str, str]) -> dict[str, Any]:
    from unblame.actions.models import ActionItem

    return {
        "title": item.title,
        "owner": names.get(item.owner, item.owner),
        "due": item.due,
        "status": _label(ActionItem.Status.choices, item.status),
        "priority": _label(ActionItem.Priority.choices, item.priority),
        "kind": _label(ActionItem.Kind.choices, item.kind),
        "factors": item.factors,
    }


__all__ = ["export_html", "markdown_html", "render_html"]
