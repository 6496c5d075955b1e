"""The review as one standalone HTML file: inline CSS, no scripts, nothing fetched.

Made from the same ReviewDocument as the Markdown export, so the two always
agree. Section text is rendered by markdown-it with raw HTML off and then
cleaned by nh3, as on the review page; a Content-Security-Policy in the file
itself stops it loading scripts or styles from anywhere, should the cleaning
ever miss something.
"""

from __future__ import annotations

from dataclasses import dataclass

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from unblame.reviews.models import Review

from .document import MOMENTS, ReviewDocument, parse_time
from .export import export_document

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
MOMENT_LABELS = {
    "impact_started": "Impact started",
    "detected": "Detected",
    "acknowledged": "Acknowledged",
    "mitigated": "Mitigated",
    "resolved": "Resolved",
}


def markdown_html(text: str) -> SafeString:
    return mark_safe(nh3.clean(_MARKDOWN.render(text)))  # cleaned by nh3


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


def render_html(document: ReviewDocument) -> str:
    incident = document.incident
    facts = [
        _Row("Severity", incident.severity),
        _Row("Status", incident.status.replace("_", " ")),
        _Row("Services", ", ".join(incident.services) or "—"),
        _Row("Declared", _when(incident.declared)),
        *(_Row(MOMENT_LABELS[name], _when(incident.moments.get(name))) for name in MOMENTS),
        _Row("Review", document.review.state.replace("_", " ")),
    ]
    keys = {section.key for section in document.sections}
    context = {
        "document": document,
        "incident": incident,
        "facts": facts,
        "responders": [
            f"{r.name or r.username} ({r.role.replace('_', ' ')})" for r in incident.responders
        ],
        # Factors and items are listed in their sections, or after the last one.
        "inline": {key: key in keys for key in ("contributing_factors", "action_items")},
        "summary": markdown_html(incident.summary),
        "sections": [(s, markdown_html(s.body)) for s in document.sections],
        "timeline": [(_when(e.at), e) for e in document.timeline],
        "factors": [(f, markdown_html(f.description)) for f in document.factors],
        "action_items": document.action_items,
    }
    return render_to_string("review_markdown/standalone.html", context)


__all__ = ["export_html", "markdown_html", "render_html"]
