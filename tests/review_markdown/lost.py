"""The "nothing is dropped" check shared by the import tests."""

from __future__ import annotations

from unblame.reviews.mdio import ParseResult
from unblame.reviews.mdio.document import normalise_newlines
from unblame.reviews.mdio.frontmatter import split_front_matter
from unblame.reviews.mdio.parse import top_level_headings
from unblame.reviews.mdio.render import MARKER_RE, unescape_body


def lost_lines(text: str, result: ParseResult) -> list[str]:
    """Lines of the input's Markdown whose content is nowhere in the parsed document.

    A heading counts by its title (its `#`s or underline are markup), a
    section marker is markup; any other line must appear verbatim in a
    section's body.
    """
    document = result.document
    matter = split_front_matter(normalise_newlines(text.removeprefix("\ufeff")))
    lines = matter.body.split("\n")
    titles = {document.title, document.meta.get("heading"), *(s.title for s in document.sections)}
    bodies = "\n".join(section.body for section in document.sections)
    markup: set[int] = set()
    for heading in top_level_headings(matter.body):
        if heading.title in titles:
            markup.update(range(heading.start, heading.end))
    return [
        line
        for index, line in enumerate(lines)
        if line.strip()
        and index not in markup
        and not MARKER_RE.fullmatch(line)
        # In a marked file the line after a marker is its heading, code fence or not.
        and not (line.startswith("#") and line.lstrip("#").strip() in titles)
        and line not in bodies
        # An escaped marker in a marked file reads back without its backslash.
        and unescape_body(line) not in bodies
    ]
