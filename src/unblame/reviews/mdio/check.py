"""A review file as the readiness check sees it: `unblame review check` without a server.

`publication_of()` describes what the file would publish (its sections, its
factors' descriptions, its action items' titles and descriptions) for
`readiness.readiness()`, the function the web app's publish button runs too,
with the file's path and line numbers as the places to fix things. Front-matter
lines come from composing the YAML again, which keeps node positions; the
parser itself loads plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import yaml

from unblame.reviews.readiness import Acknowledgement, Place, Publication, Text, TextKind

from .document import TEMPLATE_SECTIONS, MarkdownFormatError, ReviewDocument
from .frontmatter import YAML_FENCE, locate_front_matter
from .parse import ParseResult

# A review written elsewhere needs this many headings that are review sections.
MIN_REVIEW_HEADINGS = 2

Lines = dict[tuple[str, int, str], int]
ACK_REQUIRED = ("where", "rule", "quote", "reason")
ACK_FIELDS = (*ACK_REQUIRED, "author", "line")
ACKNOWLEDGE_HOW = (
    "acknowledge it under `acknowledgements:` in the front matter (where: {target}, "
    "rule: {rule}, quote, reason)"
)


def ensure_review(result: ParseResult, text: str) -> None:
    """Raise MarkdownFormatError unless the file reads as a review.

    Ours has unblame front matter; anyone else's needs at least two headings
    that are review sections (Summary, Impact, Timeline, Action items...).
    """
    if result.front_matter == "unblame":
        return
    if text.lstrip().startswith(("{", "[")):
        raise MarkdownFormatError(
            "this looks like JSON (a chat export?), not a review in Markdown; chat goes in "
            "through chat import"
        )
    if len(result.heading_keys & set(TEMPLATE_SECTIONS)) < MIN_REVIEW_HEADINGS:
        raise MarkdownFormatError(
            "not a review: no unblame front matter and fewer than "
            f"{MIN_REVIEW_HEADINGS} headings that are review sections (Summary, Impact, "
            "Timeline, Contributing factors, Action items...)"
        )


def publication_of(
    result: ParseResult, text: str, path: str, names: Iterable[str] = ()
) -> Publication:
    """What the review file would publish, each text with its file line."""
    document = result.document
    lines = front_matter_lines(text)
    file_lines = text.split("\n")
    acks = file_acknowledgements(document.meta)
    texts = [
        Text(
            TextKind.SECTION,
            section.title,
            section.body,
            path,
            line=section.line or _find_line(file_lines, section.body),
            target=section.key,
            key=section.key,
        )
        for section in document.sections
    ]
    texts += _factor_texts(document, path, lines)
    texts += _item_texts(document, path, lines)
    texts = [replace(t, acknowledgements=acks.get(t.target, ())) for t in texts]
    unlinked = tuple(
        Place(item.title, path, lines.get(("action_items", n, "title"), 1))
        for n, item in enumerate(document.action_items)
        if not item.factors
    )
    factors = Place("Contributing factors", path, lines.get(("factors", -1, ""), 1))
    people = (*names, *_people(document))
    return Publication(
        tuple(texts), len(document.factors), unlinked, factors, people, ACKNOWLEDGE_HOW
    )


def file_acknowledgements(meta: dict[str, Any]) -> dict[str, tuple[Acknowledgement, ...]]:
    """The front matter's `acknowledgements`, by what they acknowledge.

    Each names `where` (a section key, `factors[N].description`,
    `action_items[N].title` or `.description`), `rule`, `quote` and `reason`,
    and may give `author` and `line` (the line the words are on, so that a
    changed line is checked again).
    """
    entries = meta.get("acknowledgements") or []
    if not isinstance(entries, list):
        raise MarkdownFormatError("front matter field acknowledgements must be a list")
    found: dict[str, list[Acknowledgement]] = {}
    for number, entry in enumerate(entries, 1):
        fields = entry if isinstance(entry, dict) else {}
        values = {name: fields.get(name) for name in ACK_FIELDS}
        if not all(isinstance(values[name], str) and values[name] for name in ACK_REQUIRED):
            raise MarkdownFormatError(
                f"front matter field acknowledgements[{number}] needs where, rule, quote and "
                "reason, each as text"
            )
        text = {name: str(value or "") for name, value in values.items()}
        ack = Acknowledgement(
            text["rule"], text["quote"], text["reason"], text["author"], text["line"]
        )
        found.setdefault(text["where"], []).append(ack)
    return {where: tuple(acks) for where, acks in found.items()}


def _factor_texts(document: ReviewDocument, path: str, lines: Lines) -> list[Text]:
    return [
        Text(
            TextKind.FACTOR,
            f"Contributing factor {n} ({factor.category})",
            factor.description,
            path,
            line=lines.get(("factors", n - 1, "description"), 1),
            target=f"factors[{n}].description",
        )
        for n, factor in enumerate(document.factors, 1)
    ]


def _item_texts(document: ReviewDocument, path: str, lines: Lines) -> list[Text]:
    texts = []
    for n, item in enumerate(document.action_items, 1):
        for field, kind in (
            ("title", TextKind.ACTION_TITLE),
            ("description", TextKind.ACTION_DESCRIPTION),
        ):
            texts.append(
                Text(
                    kind,
                    f"Action item {n}, {field}",
                    getattr(item, field),
                    path,
                    line=lines.get(("action_items", n - 1, field), 1),
                    target=f"action_items[{n}].{field}",
                )
            )
    return texts


def _people(document: ReviewDocument) -> list[str]:
    """Responders and timeline authors, whom the analyzer should read as people."""
    found = []
    for responder in document.incident.responders:
        found += [responder.username, responder.name]
    found += [event.author for event in document.timeline]
    return [name for name in found if name.strip()]


def _find_line(file_lines: list[str], body: str) -> int:
    """The file line of the body's first line, for text the parser placed without one."""
    first = next((line for line in body.split("\n") if line.strip()), None)
    if first is None:
        return 1
    return next((i for i, line in enumerate(file_lines, 1) if line == first), 1)


def front_matter_lines(text: str) -> Lines:
    """(list, index, field) -> file line of each factor's and action item's fields.

    (list, -1, "") is the line of the list's own key. Multi-line values in a
    block (`|-`) start on the line after their key, where their text does.
    """
    lines = text.split("\n")
    fence, end = locate_front_matter(lines)
    if fence != YAML_FENCE or end is None:
        return {}
    try:
        node = yaml.compose("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return {}
    found: Lines = {}
    if not isinstance(node, yaml.MappingNode):
        return found
    for key, value in node.value:
        if key.value in ("factors", "action_items"):
            found[(key.value, -1, "")] = key.start_mark.line + 2
            found.update(_record_lines(key.value, value))
    return found


def _record_lines(name: str, node: yaml.Node) -> Lines:
    found: Lines = {}
    if not isinstance(node, yaml.SequenceNode):
        return found
    for index, item in enumerate(node.value):
        if not isinstance(item, yaml.MappingNode):
            continue
        for key, value in item.value:
            # Front matter starts on file line 2; a block scalar's text one line lower.
            block = isinstance(value, yaml.ScalarNode) and value.style in ("|", ">")
            found[(name, index, str(key.value))] = value.start_mark.line + 2 + int(block)
    return found
