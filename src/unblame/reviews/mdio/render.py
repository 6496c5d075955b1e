"""ReviewDocument -> Markdown, byte for byte the same every time.

The layout, which `parse.py` reads back exactly:

    ---
    <front matter: YAML, fixed key order>
    ---

    # <incident title>

    <!-- unblame:section summary -->
    ## <section title>

    <body, verbatim>

    <!-- unblame:section impact -->
    ...

A section with an empty body is just its marker and heading. The marker names
the section's key, so a renamed heading still maps to the same section. A body
line that itself begins `<!-- unblame:section` (say, in a code block about this
format) gets a backslash after `unblame:` and the parser takes it off again:
every body can be written and read back.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from .document import FORMAT_VERSION, ReviewDocument, Section, normalise_newlines
from .frontmatter import dump_yaml

MARKER_PREFIX = "<!-- unblame:"
MARKER_RE = re.compile(r"<!-- unblame:section ([a-z0-9][a-z0-9_-]{0,49}) -->")
# Any number of backslashes, so escaping is reversible even for escaped text.
ESCAPABLE_RE = re.compile(r"^<!-- unblame:(\\*)section", re.MULTILINE)


def marker(key: str) -> str:
    return f"<!-- unblame:section {key} -->"


def escape_body(body: str) -> str:
    return ESCAPABLE_RE.sub(lambda m: f"<!-- unblame:\\{m.group(1)}section", body)


def unescape_body(body: str) -> str:
    return re.sub(
        r"^<!-- unblame:\\(\\*)section",
        lambda m: f"<!-- unblame:{m.group(1)}section",
        body,
        flags=re.MULTILINE,
    )


def render_markdown(document: ReviewDocument) -> str:
    """The document as Markdown with YAML front matter; see the module docstring."""
    document = document.canonical()
    parts = ["---\n", dump_yaml(front_matter(document)), "---\n", "\n", _heading(1, document.title)]
    for section in document.sections:
        parts.append("\n")
        parts.append(_section(section))
    return "".join(parts)


def _heading(level: int, title: str) -> str:
    # A heading is one line; a title that somehow holds a newline is joined.
    return "#" * level + " " + title.replace("\n", " ") + "\n"


def _section(section: Section) -> str:
    text = marker(section.key) + "\n" + _heading(2, section.title)
    if section.body:
        text += "\n" + escape_body(section.body) + "\n"
    return text


def front_matter(document: ReviewDocument) -> dict[str, Any]:
    """The structured fields as plain data, keys in the order they are written."""
    incident = document.incident
    data: dict[str, Any] = {
        "unblame": FORMAT_VERSION,
        "incident": {
            "id": incident.id,
            "title": incident.title,
            "severity": incident.severity,
            "status": incident.status,
            "restricted": incident.restricted,
            "services": list(incident.services),
            "declared": incident.declared,
            "moments": dict(incident.moments),
            "summary": incident.summary,
            "responders": [asdict(responder) for responder in incident.responders],
        },
        "review": asdict(document.review),
        "timeline": [asdict(event) for event in document.timeline],
        "factors": [asdict(factor) for factor in document.factors],
        "action_items": [asdict(item) for item in document.action_items],
    }
    if document.meta:
        data["meta"] = document.meta
    return data


__all__ = ["MARKER_RE", "normalise_newlines", "render_markdown", "unescape_body"]
