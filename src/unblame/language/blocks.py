"""The block tokens `prose.parse` reads, with markdown-it-py only where it is needed.

Most of a review is plain paragraphs and ATX headings, which are read here line
by line into exactly the tokens markdown-it-py would give, at a fraction of its
cost. The document is cut into chunks at lines where CommonMark's block parse
starts afresh: a line at the left margin after a blank line, that is no list
item (which would continue a list) and lies in no open fenced code or HTML
block. A chunk of nothing but paragraphs and headings is read here; the others
go to markdown-it-py, whose tokens are moved to the chunk's lines. Where the
cut points cannot be told for sure (a fence or HTML block indented inside what
may be a list item), the rest of the document is one chunk.
tests/language/test_blocks.py holds both readings equal on real and generated
documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(slots=True)
class Token:
    """The fields of a markdown-it token that `prose.parse` reads."""

    type: str
    tag: str
    nesting: int
    level: int
    map: list[int] | None
    content: str = ""


# White space other than spaces and tabs: markdown-it-py trims some of it
# around a paragraph's content, so a line holding any is left to it.
_ODD_SPACE_RE = re.compile(r"[^\S \t\n]")
_FENCE_RE = re.compile(r"(`{3,}|~{3,})(.*)")
_LIST_ITEM_RE = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_HEADING_RE = re.compile(r"#{1,6}(?:[ \t]|$)")
# HTML blocks that run past blank lines (CommonMark kinds 1-5), by opening, and
# what ends each, as markdown-it-py reads them.
_LONG_HTML = (
    (
        re.compile(r"<(?a:script|pre|style|textarea)(?=\s|>|$)", re.IGNORECASE),
        r"</(?:script|pre|style|textarea)>",
    ),
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<\?"), r"\?>"),
    (re.compile(r"<![A-Za-z]"), ">"),
    (re.compile(r"<!\[CDATA\["), r"\]\]>"),
)
# Starts of a line that end a paragraph or start a block other than a paragraph.
_NOT_PLAIN = ("#", ">", "<", "```", "~~~")

_parser: MarkdownIt | None = None


def tokens(body: str, lines: Sequence[str]) -> list[Any]:
    """The block tokens of `body`, whose lines (ends kept) are `lines`."""
    if "\r" in body or "\x00" in body:  # markdown-it-py rewrites these first
        return _parsed(body, 0)
    out: list[Any] = []
    pending = -1  # first line of chunks waiting for markdown-it-py, or -1
    starts = _chunk_starts(lines)
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        plain = _plain_tokens(lines, start, end)
        if plain is None:
            pending = start if pending < 0 else pending
            continue
        if pending >= 0:
            out.extend(_parsed("".join(lines[pending:start]), pending))
            pending = -1
        out.extend(plain)
    if pending >= 0:
        out.extend(_parsed("".join(lines[pending:]), pending))
    return out


def _parsed(text: str, first_line: int) -> list[Any]:
    """markdown-it-py's block tokens for `text`, which starts at line `first_line`."""
    global _parser
    if _parser is None:
        # Imported on first need: a run of plain reviews never pays for it.
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark").enable("table")
        # The inline rules would parse emphasis, links and entities we never
        # look at. Thematic breaks, setext underlines and link reference
        # definitions carry no prose worth separating: left on, they cost 40%
        # of the parse; left off, their lines read as a few symbols inside a
        # paragraph, which no rule matches.
        _parser.disable(["inline", "hr", "lheading", "reference"])
    found = _parser.parse(text)
    if first_line:
        for tok in found:
            if tok.map is not None:
                tok.map = [tok.map[0] + first_line, tok.map[1] + first_line]
    return found


def _indent(line: str) -> int:
    """Columns of indentation, counted up to 4 (a tab among them reaches 4)."""
    width = len(line) - len(line.lstrip(" "))
    return 4 if line[width : width + 1] == "\t" else width


def _blank(line: str) -> bool:
    return not line.strip(" \t\n")


def _fence(text: str) -> tuple[str, int] | None:
    """(marker character, length) when `text` opens a fenced code block."""
    m = _FENCE_RE.match(text)
    if m is None or (m.group(1)[0] == "`" and "`" in m.group(2)):
        return None
    return m.group(1)[0], len(m.group(1))


def _closes_fence(line: str, marker: str, length: int) -> bool:
    text = line.strip(" \t\n")
    return (
        _indent(line) <= 3
        and len(text) >= length
        and text == marker * len(text)
        and line.lstrip(" ").startswith(marker)
    )


def _long_html_end(text: str) -> re.Pattern[str] | None:
    """What ends the HTML block `text` opens when it may run past blank lines."""
    for opening, ending in _LONG_HTML:
        if opening.match(text):
            return re.compile(ending, re.IGNORECASE | re.ASCII)
    return None


def _chunk_starts(lines: Sequence[str]) -> list[int]:
    """Line numbers where the block parse starts afresh, 0 first."""
    starts = [0]
    prev_blank = False
    # Whether every container (list, quote) closes at the next blank line: a
    # list item after that blank starts a new list rather than continuing one.
    fresh = True
    fence: tuple[str, int] | None = None
    fence_indent = 0  # 0: surely a top-level fence; 1-3: maybe inside a list item
    html_end: re.Pattern[str] | None = None
    short_html = False  # an HTML block that ends at a blank line
    for i, line in enumerate(lines):
        blank = _blank(line)
        if fence is not None:
            if not blank and fence_indent and _indent(line) < fence_indent:
                return starts  # the fence may have closed with its list item
            if _closes_fence(line, *fence):
                if fence_indent and _indent(line) != fence_indent:
                    return starts
                fence, fresh = None, fence_indent == 0
        elif html_end is not None:
            if html_end.search(line):
                html_end, fresh = None, True
        elif short_html:
            # A block opening here would make the first line a paragraph's
            # (ended by this one), not an HTML block's.
            if not blank and _indent(line) <= 3:
                text = line.lstrip(" ")
                if text.startswith("<") or _fence(text) is not None:
                    return starts
            short_html = not blank
        elif line[:1].isalpha():
            # A line of prose at the margin (most lines): it opens no block,
            # so the only question is whether a blank line came before it.
            if prev_blank:
                starts.append(i)
                fresh = True
        elif not blank:
            indent = _indent(line)
            text = line[indent:]
            item = _LIST_ITEM_RE.match(text) is not None
            if indent == 0 and prev_blank and (fresh or not item):
                starts.append(i)
                fresh = True
            if indent == 0 and _HEADING_RE.match(text):
                fresh = True
            elif indent <= 3 and not _plain_start(text):
                fresh = False
            if indent <= 3:
                opened = _fence(text)
                if opened is not None:
                    fence, fence_indent = opened, indent
                elif text.startswith("<"):
                    if indent:
                        return starts
                    html_end = _long_html_end(text)
                    if html_end is not None and html_end.search(line):
                        html_end, fresh = None, True
                    short_html = html_end is None and not _long_html_end(text)
        prev_blank = blank
    return starts


def _plain_tokens(lines: Sequence[str], start: int, end: int) -> list[Token] | None:
    """Tokens of lines start..end when they hold only plain blocks, else None.

    Plain blocks: paragraphs and headings at the left margin, fenced code
    opened there, and lists of one-paragraph items at the left margin.
    """
    out: list[Token] = []
    i = start
    while i < end:
        line = lines[i]
        if _blank(line):
            i += 1
            continue
        if "|" in line or _ODD_SPACE_RE.search(line) or _indent(line):
            return None
        if _HEADING_RE.match(line):
            _heading(out, line, i)
            next_line: int | None = i + 1
        elif _fence(line) is not None:
            next_line = _fenced(out, lines, i, end)
        elif _LIST_ITEM_RE.match(line):
            next_line = _list(out, lines, i, end)
        elif _plain_start(line):
            next_line = _paragraph(out, lines, i, end)
        else:
            return None
        if next_line is None:
            return None
        i = next_line
    return out


def _plain_start(text: str) -> bool:
    """True when `text` (indentation removed) can neither end a paragraph nor start a block."""
    return not text.startswith(_NOT_PLAIN) and not _LIST_ITEM_RE.match(text)


def _heading(out: list[Token], line: str, i: int) -> None:
    """The tokens of an ATX heading, its content cut as markdown-it-py cuts it."""
    text = line.rstrip("\n")
    level = len(text) - len(text.lstrip("#"))
    rest = text[level:].rstrip(" \t")
    # A closing run of #s goes only when a space stands before it.
    unclosed = rest.rstrip("#")
    if unclosed and unclosed[-1] in " \t":
        rest = unclosed
    tag, where = f"h{level}", [i, i + 1]
    out.append(Token("heading_open", tag, 1, 0, where))
    out.append(Token("inline", "", 0, 1, list(where), rest.strip(" \t\n")))
    out.append(Token("heading_close", tag, -1, 0, None))


def _paragraph(out: list[Token], lines: Sequence[str], i: int, end: int) -> int | None:
    """A paragraph from line i at the left margin: its tokens, and the line after it."""
    j = _paragraph_end(lines, i + 1, end, 0)
    if j is None:
        return None
    where = [i, j]
    content = "".join(lines[i:j]).strip(" \t\n")
    out.append(Token("paragraph_open", "p", 1, 0, where))
    out.append(Token("inline", "", 0, 1, list(where), content))
    out.append(Token("paragraph_close", "p", -1, 0, None))
    return j


def _paragraph_end(lines: Sequence[str], j: int, end: int, indent: int) -> int | None:
    """Where a paragraph whose content sits at `indent` ends, from line j on.

    It ends at a blank line, or at a heading, a fence or (in a list) another
    item at the left margin; None when something else would end it or start
    inside it.
    """
    while j < end and not _blank(lines[j]):
        line = lines[j]
        if "|" in line or _ODD_SPACE_RE.search(line):
            return None
        if line[:1].isalpha():
            j += 1  # prose at the margin (most lines) only continues the paragraph
            continue
        if "\t" in line[: _indent(line) + 1]:
            return None
        depth = _indent(line)
        if depth == 0 and (_HEADING_RE.match(line) or _fence(line) is not None):
            return j
        if depth == 0 and indent and _LIST_ITEM_RE.match(line):
            return j
        # Four columns past the content, a line only continues the paragraph.
        if depth - indent < 4 and not _plain_start(line[depth:]):
            return None
        j += 1
    return j


def _fenced(out: list[Token], lines: Sequence[str], i: int, end: int) -> int:
    """Fenced code opened at the left margin on line i: its token, and the line after it."""
    opened = _fence(lines[i])
    assert opened is not None
    j = i + 1
    while j < end and not _closes_fence(lines[j], *opened):
        j += 1
    after = min(j + 1, end)
    out.append(Token("fence", "code", 0, 0, [i, after]))
    return after


# A list item at the left margin with its marker, the spaces after it and its text.
_ITEM_RE = re.compile(r"([-+*]|\d{1,9}([.)]))( {1,4})(?=\S)")


def _list(out: list[Token], lines: Sequence[str], i: int, end: int) -> int | None:
    """A list of one-paragraph items from line i: its tokens, and the line after it."""
    first = _ITEM_RE.match(lines[i])
    if first is None:
        return None
    kind = first.group(2) or first.group(1)  # a bullet character, or `.` or `)`
    ordered = first.group(2) is not None
    name = "ordered_list" if ordered else "bullet_list"
    opening = Token(f"{name}_open", "ol" if ordered else "ul", 1, 0, None)
    out.append(opening)
    start = i
    while True:
        item = _ITEM_RE.match(lines[i])
        if item is None:
            return None
        width = item.end()
        if not _plain_start(lines[i][width:]):
            return None
        j = _paragraph_end(lines, i + 1, end, width)
        if j is None:
            return None
        _item(out, lines, i, j, width)
        k = j
        while k < end and _blank(lines[k]):
            k += 1
        if k == end:
            break
        if k > j and _indent(lines[k]):
            return None  # more of the item after a blank line
        after = _ITEM_RE.match(lines[k])
        if after is None or (after.group(2) or after.group(1)) != kind:
            break  # a heading, a fence or another kind of list ends the list
        i = k
    opening.map = [start, k]
    out.append(Token(f"{name}_close", opening.tag, -1, 0, None))
    return k


def _item(out: list[Token], lines: Sequence[str], i: int, j: int, width: int) -> None:
    """An item's tokens: its text loses `width` columns, or a lazy line's whole indent."""
    pieces = [lines[i][width:]]
    pieces.extend(line[min(_indent(line), width) :] for line in lines[i + 1 : j])
    where = [i, j]
    out.append(Token("list_item_open", "li", 1, 1, where))
    out.append(Token("paragraph_open", "p", 1, 2, list(where)))
    out.append(Token("inline", "", 0, 3, list(where), "".join(pieces).strip(" \t\n")))
    out.append(Token("paragraph_close", "p", -1, 2, None))
    out.append(Token("list_item_close", "li", -1, 1, None))
