"""The markdown-it-py reading of a document, for the few that pulldown-cmark reads otherwise.

`prose.parse` reads every document with pulldown-cmark (through pyromark),
adjusted to the reading the analyzer has always had. A few shapes the two
parsers read differently, mostly where markdown-it strays from CommonMark and
where the two table extensions disagree, on inputs no review is written in:

- a tab among a line's container markers (list item columns are counted
  differently after it);
- a line that leaves a deeply indented list item while indented four columns
  or more (markdown-it ends the item's paragraph at a heading, fence, quote,
  HTML block or list item there; CommonMark reads a lazy continuation line);
- a `>` line indented as code right after a block quote, an HTML block in a
  list item that runs on past the item's indent;
- a table one parser reads and the other does not (a one-column table whose
  delimiter row has no pipe, a delimiter cell markdown-it refuses), a row of a
  lone pipe, a table row indented as code or opening a block;
- a fence closed with a tab after it (markdown-it reads on), an HTML line
  with a space Python's regular expressions take for white space and
  CommonMark does not;
- text with lone surrogates, which pyromark cannot take (UTF-8 has no code
  for them).

`prose.parse` spots these and hands the document here, so that every
document reads exactly as it did. markdown-it-py is imported on the first
such document only.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .prose import (
    ACTION_SECTION_RE,
    Block,
    Document,
    _Blocks,
    _cell_spans,
    _front_matter_end,
    _line_starts,
    _mask,
    _piece_spans,
    _suppression,
)

_PARSER = MarkdownIt("commonmark").enable("table")
# The inline rules would parse emphasis, links and entities we never look at.
# Thematic breaks, setext underlines and link reference definitions carry no
# prose worth separating: their lines read as a few symbols inside a paragraph.
_PARSER.disable(["inline", "hr", "lheading", "reference"])


def parse(source: str) -> Document:
    """Split `source` into prose blocks and build its masked copy."""
    starts = _line_starts(source)
    lines = [source[a:b] for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]
    skip = _front_matter_end(source, lines)
    body = "\n" * skip + "".join(lines[skip:]) if skip else source
    tokens = _PARSER.parse(body)

    blocks: list[tuple[list[tuple[int, int]], Block]] = []
    file_suppressed: set[str] | None = None
    # Inside a section titled like "Action items" (until a heading of the same
    # or a higher level), prose is read as action items.
    action, section_level = False, 0
    quote_depth, level0_pending, level0_active = 0, None, None
    cells_row: list[tuple[str, int]] = []

    for i, tok in enumerate(tokens):
        ttype = tok.type
        if ttype == "blockquote_open":
            quote_depth += 1
        elif ttype == "blockquote_close":
            quote_depth -= 1
        elif ttype == "html_block":
            found = _suppression(tok.content)
            if found:
                whole, codes = found
                if whole:
                    file_suppressed = (file_suppressed or set()) | set(codes or {""})
                else:
                    level0_pending = codes
            continue
        # A top-level block starts: it takes any pending suppression comment.
        if tok.level == 0 and (tok.nesting == 1 or (tok.nesting == 0 and ttype != "inline")):
            level0_active, level0_pending = level0_pending, None

        if ttype == "heading_open":
            level = int(tok.tag[1])
            text = tokens[i + 1].content
            if ACTION_SECTION_RE.search(text):
                action, section_level = True, level
            elif not action or level <= section_level:
                action, section_level = False, level
        if ttype == "tr_open":
            cells_row = []
        if ttype != "inline" or tok.map is None:
            if ttype == "tr_close" and cells_row:
                _add_row(cells_row, starts, lines, blocks, quote_depth > 0, action, level0_active)
            continue
        parent = tokens[i - 1].type
        if parent in ("th_open", "td_open"):
            cells_row.append((tok.content, tok.map[0]))
            continue
        spans = list(_piece_spans(tok.content, tok.map[0], lines, starts))
        if spans:
            inline_sup = _suppression(tok.content)
            suppressed = level0_active
            if inline_sup is not None:
                suppressed = (suppressed or frozenset()) | inline_sup[1]
            blocks.append(
                (
                    spans,
                    Block(spans[0][0], spans[-1][1], quote_depth > 0, action, suppressed),
                )
            )

    masked = _mask(source, blocks)
    return Document(
        source=source,
        masked=masked,
        blocks=[b for _, b in blocks],
        line_starts=starts,
        suppressed_file=frozenset(file_suppressed) if file_suppressed is not None else None,
    )


def _add_row(
    cells_row: list[tuple[str, int]],
    starts: list[int],
    lines: list[str],
    blocks: _Blocks,
    quoted: bool,
    action: bool,
    suppressed: frozenset[str] | None,
) -> None:
    line_no = cells_row[0][1]
    if line_no >= len(lines):
        return
    for a, b in _cell_spans(starts[line_no], lines[line_no], [c for c, _ in cells_row]):
        blocks.append(([(a, b)], Block(a, b, quoted, action, suppressed)))
