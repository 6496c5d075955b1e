"""Reviews as Markdown files: a document model, a renderer and a parser, free of Django.

    from unblame.reviews.mdio import parse_markdown, render_markdown

`render_markdown(parse_markdown(text).document) == text` for any file unblame
exported, and a review written elsewhere is read as well as its headings allow,
with a summary of what went where. docs/markdown-format.md describes the format.
"""

from .document import (
    FORMAT_VERSION,
    MOMENTS,
    TEMPLATE_SECTIONS,
    ActionItem,
    Event,
    Factor,
    IncidentFacts,
    MarkdownFormatError,
    Responder,
    ReviewDocument,
    ReviewFacts,
    Section,
)
from .parse import ParseResult, decode, parse_markdown
from .render import render_markdown

__all__ = [
    "FORMAT_VERSION",
    "MOMENTS",
    "TEMPLATE_SECTIONS",
    "ActionItem",
    "Event",
    "Factor",
    "IncidentFacts",
    "MarkdownFormatError",
    "ParseResult",
    "Responder",
    "ReviewDocument",
    "ReviewFacts",
    "Section",
    "decode",
    "parse_markdown",
    "render_markdown",
]
