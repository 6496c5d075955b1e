"""Markdown -> ReviewDocument, for our own files and, as well as it can, anyone else's.

Two independent questions decide how a file is read:

- Front matter: ours (it has an `unblame:` version key) is read field by field,
  strictly; anyone else's (YAML or TOML) gives up a title, severity, status and
  services when it has them, and the rest is kept under `meta`.
- Sections: a file with `<!-- unblame:section KEY -->` markers is split at the
  markers, exactly, so an exported file reads back to the same document. A file
  without them is split at its headings, found by markdown-it (so a `#` line in a
  code block is not a heading); each heading is mapped to a template section by
  its title (`titles.py`), and unknown ones are kept as extra sections.

Nothing is dropped: text before the first heading becomes the summary (or an
"Introduction" section when there is a summary already), a second section with
the same meaning is kept as an extra section, and the mapping summary says
where every part went.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from .document import (
    TEMPLATE_SECTIONS,
    IncidentFacts,
    MarkdownFormatError,
    ReviewDocument,
    Section,
    normalise_newlines,
    slugify,
    unique_key,
)
from .fields import is_own, read_foreign, read_own
from .frontmatter import split_front_matter
from .render import MARKER_RE, unescape_body
from .titles import template_key

# Subheadings of these sections are their content (timestamps, item groups),
# never sections of their own.
_KEEP_CHILDREN = {"timeline", "action_items"}
# Only the block structure is needed (where headings are, and their raw text), so
# the inline pass, most of markdown-it's work, is left out: a heading's title is
# its source text either way.
_MD = MarkdownIt("commonmark").disable(["inline", "text_join"])

# A review holds tens of sections; the template has nine. More is not a review,
# and every section is a row, a version and a search entry when it is imported.
MAX_SECTIONS = 200
# markdown-it reads a line in 20-120 microseconds and a character in up to half a
# microsecond, whatever they hold: a file read at its headings (one without
# unblame's section markers) is refused past these before it is parsed, so the
# worst file allowed takes under a second (bench/parse_speed.py). Real reviews are
# 100-200 lines and 5-15 KB; our own files split at markers and are not parsed so.
MAX_HEADED_LINES = 5_000
MAX_HEADED_CHARS = 1_000_000


@dataclass
class ParseResult:
    document: ReviewDocument
    # One line per decision: which heading or field went where.
    mapping_summary: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # "unblame" for our own front matter, "yaml"/"toml" for foreign, "" for none.
    front_matter: str = ""
    # The template sections that a heading of the document was mapped to.
    heading_keys: set[str] = field(default_factory=set, compare=False)


class _Keys:
    """The keys of the sections read so far, kept as they grow rather than rebuilt per section.

    Rebuilding them for every heading made a file of 50,000 headings take minutes.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        # Taken keys and the template's: an extra section never takes a template key.
        self.reserved: set[str] = set(TEMPLATE_SECTIONS)
        self._counters: dict[str, int] = {}

    def add(self, key: str) -> None:
        self.taken.add(key)
        self.reserved.add(key)

    def extra(self, wanted: str) -> str:
        """A key for an extra section: `wanted`, or it numbered, never a template key."""
        return unique_key(wanted, self.reserved, self._counters)


def decode(data: bytes) -> str:
    """UTF-8 text from bytes (a BOM is dropped), or MarkdownFormatError naming the bad byte."""
    if b"\x00" in data[:8192]:
        raise MarkdownFormatError("this looks like a binary file, not Markdown text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise MarkdownFormatError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8 and try again", line
        ) from None


def parse_markdown(text: str | bytes) -> ParseResult:
    """Read a review from Markdown; raises MarkdownFormatError when it cannot be read at all."""
    if isinstance(text, bytes):
        text = decode(text)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if "\x00" in text:
        raise MarkdownFormatError("this looks like a binary file, not Markdown text")
    matter = split_front_matter(text)
    result = ParseResult(ReviewDocument(), front_matter=matter.syntax)
    if is_own(matter.data):
        result.document = read_own(matter.data)
        result.front_matter = "unblame"
    else:
        incident, meta, notes = read_foreign(matter.data)
        result.document.incident = incident
        result.document.meta = meta
        result.mapping_summary.extend(notes)
    body = _Body(matter.body, matter.body_line)
    if body.has_markers():
        _read_marked(body, result)
    else:
        _read_headed(body, result)
    if len(result.document.sections) > MAX_SECTIONS:
        # Subheadings split into sections of their own, or the preamble, went past it.
        raise _too_many_sections(len(result.document.sections), None)
    if result.front_matter == "unblame" and not result.mapping_summary:
        result.mapping_summary.append(_own_summary(result.document))
    return result


def _own_summary(document: ReviewDocument) -> str:
    return (
        f"unblame format: {len(document.sections)} sections, {len(document.timeline)} "
        f"timeline entries, {len(document.factors)} factors, "
        f"{len(document.action_items)} action items"
    )


class _Body:
    """The Markdown after the front matter, as lines, with the file's line numbers."""

    def __init__(self, text: str, first_line: int) -> None:
        self.lines = text.split("\n")
        self.first_line = first_line

    def line_no(self, index: int) -> int:
        return self.first_line + index

    def text(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def marker_lines(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if MARKER_RE.fullmatch(line)]

    def has_markers(self) -> bool:
        return any(MARKER_RE.fullmatch(line) for line in self.lines)


# Our own layout: split at the markers -------------------------------------------------


def _read_marked(body: _Body, result: ParseResult) -> None:
    starts = body.marker_lines()
    if len(starts) > MAX_SECTIONS:
        raise _too_many_sections(len(starts), body.line_no(starts[MAX_SECTIONS]))
    keys = _Keys()
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(body.lines)
        # Joining the lines drops the newline before the next marker: the
        # empty line the renderer writes between two sections.
        section = _read_chunk(body.text(start, end), body.line_no(start), result)
        if section.key in keys.taken:
            key = keys.extra(section.key)
            result.warnings.append(
                f"line {body.line_no(start)}: a second {section.key!r} section is kept as {key!r}"
            )
            section.key = key
        keys.add(section.key)
        result.document.sections.append(section)
    # Last, so that text found there knows whether a summary exists.
    _read_head(body.text(0, starts[0]), result)


def _read_chunk(chunk: str, line: int, result: ParseResult) -> Section:
    marker_line, _, rest = chunk.partition("\n")
    key = MARKER_RE.fullmatch(marker_line).group(1)  # type: ignore[union-attr]
    heading, newline, after = rest.partition("\n")
    first = line + 2  # the file line after the heading
    if heading.startswith("## "):
        title = heading[3:]
    elif (found := _atx_title(heading)) is not None:
        title = found
    else:
        # The heading was deleted by hand: keep everything as the body.
        title, after, newline = TEMPLATE_SECTIONS.get(key, key), rest, "\n"
        first = line + 1
        result.warnings.append(f"line {line + 1}: section {key!r} has no heading after its marker")
    if newline and after.startswith("\n"):
        first += 1
    after = after.removeprefix("\n") if newline else ""
    body = unescape_body(after.removesuffix("\n"))
    return Section(key=key, title=title, body=body, line=first)


def _atx_title(line: str) -> str | None:
    tokens = _MD.parse(line)
    if tokens and tokens[0].type == "heading_open":
        return tokens[1].content
    return None


def _read_head(head: str, result: ParseResult) -> None:
    """What comes before the first marker: normally an empty line and the `# title`."""
    document = result.document
    expected = f"\n# {document.title.replace(chr(10), ' ')}\n"
    if head in (expected, expected + "\n"):
        return
    lines = head.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        title = _atx_title(line) if line.startswith("# ") or line == "#" else None
        if title is not None:
            _take_heading_title(title, line, document, result)
            del lines[index]
        break
    _place_preamble("\n".join(lines), "before the first section", result)


def _take_heading_title(
    title: str, line: str, document: ReviewDocument, result: ParseResult
) -> None:
    """Use a first-level heading as the title, unless the front matter has one already."""
    current = document.incident.title.replace("\n", " ")
    if not current.strip():
        if line != f"# {current}":
            document.incident.title = title
            result.mapping_summary.append("first-level heading → incident title")
    elif title != current.strip() and line != f"# {current}":
        document.meta["heading"] = title
        result.warnings.append(
            "the document's heading differs from the title in the front matter; "
            "the front matter's title is used and the heading is kept as meta.heading"
        )


def _place_preamble(text: str, where: str, result: ParseResult) -> None:
    """Text that belongs to no heading: the summary if there is none yet, else its own section."""
    text = _trim_blank_lines(text)
    if not text:
        return
    sections = result.document.sections
    if any(section.key == "summary" for section in sections):
        key = unique_key("introduction", {s.key for s in sections})
        sections.insert(0, Section(key=key, title="Introduction", body=text))
        note = f"text {where} → kept as extra section {key!r}"
    else:
        sections.insert(0, Section(key="summary", title="Summary", body=text))
        note = f"text {where} → summary"
    # In reading order: after the front matter's notes, before the headings'.
    notes = result.mapping_summary
    first_heading = next((i for i, n in enumerate(notes) if n.startswith("line ")), len(notes))
    notes.insert(first_heading, note)


def _trim_blank_lines(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


# Anyone else's layout: split at the headings ------------------------------------------


@dataclass
class Heading:
    start: int  # first line of the heading, 0-based in the body
    end: int  # line after it (a setext heading has two)
    level: int
    title: str


def top_level_headings(text: str) -> list[Heading]:
    """Headings as markdown-it sees them, not in code, quotes or lists; lines count from 0."""
    tokens = _MD.parse(text)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            title = " ".join(tokens[index + 1].content.split("\n")).strip()
            found.append(Heading(token.map[0], token.map[1], int(token.tag[1]), title))
    return found


def _too_many_sections(count: int, line: int | None) -> MarkdownFormatError:
    return MarkdownFormatError(
        f"the file has {count:,} sections; a review holds at most {MAX_SECTIONS:,}", line
    )


def _read_headed(body: _Body, result: ParseResult) -> None:
    text = "\n".join(body.lines)
    # Refused before markdown-it reads any of it: that is where the time would go.
    # A final newline ends the last line rather than starting one.
    count = len(body.lines) - (body.lines[-1] == "")
    if count > MAX_HEADED_LINES:
        raise MarkdownFormatError(
            f"the Markdown is {count:,} lines long; a review without unblame's "
            f"section markers is read up to {MAX_HEADED_LINES:,} lines",
            body.line_no(MAX_HEADED_LINES),
        )
    if len(text) > MAX_HEADED_CHARS:
        raise MarkdownFormatError(
            f"the Markdown is {len(text):,} characters long; a review without unblame's "
            f"section markers is read up to {MAX_HEADED_CHARS:,} characters"
        )
    headings = top_level_headings(text)
    skip: set[int] = set()
    first_level_ones = [h for h in headings if h.level == 1]
    if len(first_level_ones) == 1 and headings[0].level == 1:
        title = headings.pop(0)
        skip.update(range(title.start, title.end))
        line = body.lines[title.start]
        _take_heading_title(title.title, line, result.document, result)
    if not headings:
        _place_preamble(_text_without(body, 0, len(body.lines), skip), "of the document", result)
        return
    level = min(h.level for h in headings)
    # Positions in `headings` of the top-level ones; a top's children are the
    # headings between it and the next top (headings are in file order).
    top_at = [n for n, h in enumerate(headings) if h.level == level] + [len(headings)]
    tops = [headings[n] for n in top_at[:-1]]
    if len(tops) > MAX_SECTIONS:
        raise _too_many_sections(len(tops), body.line_no(tops[MAX_SECTIONS].start))
    starts = [h.start for h in tops] + [len(body.lines)]
    keys = _Keys()
    for number, heading in enumerate(tops):
        children = headings[top_at[number] + 1 : top_at[number + 1]]
        _add_section(body, heading, children, starts[number + 1], keys, result)
    preamble = _text_without(body, 0, tops[0].start, skip)
    _place_preamble(preamble, "before the first heading", result)


def _text_without(body: _Body, start: int, end: int, skip: set[int]) -> str:
    return "\n".join(body.lines[i] for i in range(start, end) if i not in skip)


def _add_section(
    body: _Body,
    heading: Heading,
    children: list[Heading],
    end: int,
    keys: _Keys,
    result: ParseResult,
) -> None:
    """One top-level section, split further when its subheadings are template sections."""
    sections = result.document.sections
    key = _map(heading, keys, result, body)
    split = _splitting_children(key, children, keys.taken)
    body_end = split[0].start if split else end
    _fill(sections[-1], body, heading.end, body_end)
    for number, child in enumerate(split):
        child_end = split[number + 1].start if number + 1 < len(split) else end
        _map(child, keys, result, body)
        _fill(sections[-1], body, child.end, child_end)


def _fill(section: Section, body: _Body, start: int, end: int) -> None:
    """The section's text from body lines start..end, and the file line it starts on."""
    section.body = _trim_blank_lines(body.text(start, end))
    blank = next((i for i in range(start, end) if body.lines[i].strip()), start)
    section.line = body.line_no(blank)


def _splitting_children(parent: str, children: list[Heading], taken: set[str]) -> list[Heading]:
    """The subheadings that become sections: all at the first child level, if one is known.

    "Lessons learnt" with "What went well" / "What went wrong" under it holds
    three sections, not one; a timeline's timestamp subheadings stay inside it.
    """
    if parent in _KEEP_CHILDREN or not children:
        return []
    level = min(child.level for child in children)
    direct = [child for child in children if child.level == level]
    if any(template_key(child.title) not in (None, parent, *taken) for child in direct):
        return direct
    return []


def _map(heading: Heading, keys: _Keys, result: ParseResult, body: _Body) -> str:
    """Append the section for a heading and note where it went; returns its key."""
    key = template_key(heading.title)
    where = f"line {body.line_no(heading.start)} {heading.title!r}"
    if key is not None and key not in keys.taken:
        result.mapping_summary.append(f"{where} → {key}")
        result.heading_keys.add(key)
    else:
        extra = keys.extra(slugify(heading.title))
        why = f" ({key} is already mapped)" if key is not None else ""
        result.mapping_summary.append(f"{where} → kept as extra section {extra!r}{why}")
        key = extra
    keys.add(key)
    result.document.sections.append(Section(key=key, title=heading.title))
    return key


__all__ = [
    "MAX_HEADED_CHARS",
    "MAX_HEADED_LINES",
    "MAX_SECTIONS",
    "IncidentFacts",
    "ParseResult",
    "decode",
    "parse_markdown",
]
