"""Find the prose in a Markdown document, keeping every character's offset.

The analyzer runs its rules over a *masked* copy of the source: the same
length, with everything that is not prose (front matter, code, HTML, link
targets, container markers) blanked out. Blocks are separated by newlines and
lines inside a block are joined by spaces, so a rule's window never crosses
from one paragraph, list item or table cell into the next, and every match
offset is already an offset into the original text.

Structure comes from pulldown-cmark's block events (through pyromark), read
as markdown-it-py's block parser read them before (see `_markdown_it`); the
inline level is masked with a handful of patterns, which keeps the whole pass
fast (the full inline parse would more than halve throughput and adds nothing
the rules need).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyromark

FRONT_MATTER_RE = re.compile(r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
ACTION_SECTION_RE = re.compile(
    r"action items?|follow[- ]?ups?|remediations?|next steps|corrective|preventive"
    r"|todo|to-do|lessons? learned|what we.?ll do|improvements",
    re.IGNORECASE,
)
SUPPRESS_RE = re.compile(r"<!--\s*unblame-ignore(-file)?\b([^>]*?)-->", re.IGNORECASE)
CODE_TOKEN_RE = re.compile(r"UB\d+", re.IGNORECASE)

# Inline elements that are not prose, one pattern per kind. Each starts with
# a literal character, which lets `re` skip ahead at C speed, and each runs
# only when its character is in the block at all; applied in this order,
# a later pattern never sees what an earlier one blanked (a URL in code).
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_HTML_RE = re.compile(
    r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<[a-z][\w+.-]*:[^\s<>]*>", re.DOTALL
)
_LINK_TARGET_RE = re.compile(
    r"""\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)|\]\[[^\]]*\]"""
)
_LINE_START_RE = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$|^\s*\[[ xX]\]\s", re.MULTILINE)
_URL_RE = re.compile(r"(?:https?|ftp)://[^\s<>()]+")
_EMPHASIS_RE = re.compile(r"[_*]+")
_INLINE_PASSES = (
    ("`", _CODE_SPAN_RE),
    ("<", _HTML_RE),
    ("]", _LINK_TARGET_RE),
    ("[", _LINE_START_RE),
    ("://", _URL_RE),
)


def _mask_inline(text: str) -> str:
    """Blank code spans, HTML, link targets, URLs and emphasis markers; keep length."""
    for hint, regex in _INLINE_PASSES:
        if hint in text:
            text = regex.sub(_blank_match, text)
    if "_" in text or "*" in text:
        text = _EMPHASIS_RE.sub(_blank_emphasis, text)
    return text


def _blank_emphasis(match: re.Match[str]) -> str:
    # snake_case stays one word: only runs not flanked by word characters on
    # both sides are markup.
    text, start, end = match.string, match.start(), match.end()
    inside = start > 0 and text[start - 1].isalnum() and end < len(text) and text[end].isalnum()
    return match.group(0) if inside else " " * (end - start)


_NOT_NEWLINE_RE = re.compile(r"[^\n]")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose: a paragraph, heading or table cell, with its surroundings."""

    start: int
    end: int
    quoted: bool = False
    action_item: bool = False
    suppressed: frozenset[str] | None = None  # codes or prefixes; empty set = all


@dataclass(slots=True)
class Document:
    """The source, its masked copy and its prose blocks."""

    source: str
    masked: str
    blocks: list[Block]
    line_starts: list[int]
    suppressed_file: frozenset[str] | None = None
    _block_starts: list[int] = field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        if not self._block_starts:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


# pulldown-cmark (through pyromark) finds the blocks, for speed: its events for
# the 500-file bench corpus take 0.03 s. Its reading is kept to the one the
# analyzer has always had (markdown-it with tables, and without thematic
# breaks, setext underlines and link reference definitions: their lines read
# as a few symbols inside a paragraph, which no rule matches), so same-length,
# ASCII-for-ASCII rewrites of the parser's input take those constructs away:
# the last character of a thematic break or setext underline becomes `+` (`a`
# for `=`), which leaves a paragraph line a paragraph line and an empty list
# item an empty list item, and the `[` that opens a line becomes `a`. A line
# of a lone pipe (not before a delimiter row) becomes `a` too: a table row to
# pulldown-cmark, as it was to markdown-it. Offsets are unchanged; prose is
# read from the source, never from the rewritten copy.
_OPTIONS = pyromark.Options.ENABLE_TABLES
_NEUTRAL_RE = re.compile(
    r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
    r"(?:(?:([-*_])(?:[ \t]*\1){2,}|=+|-+)(?=[ \t]*(?:[\r\n]|\Z))|\["
    r"|\|(?=[ \t]*(?:\r?\n(?![ \t>]*[|: \t]*-[-|: \t]*\r?$)|\Z)))",
    re.MULTILINE,
)
_FRONT_MATTER_CHAR_RE = re.compile(r"[^\r\n]")
_LONE_CR_RE = re.compile(r"\r(?!\n)")
_MARKER_RE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])")
# markdown-it's trim: the CommonMark white space and the Unicode spaces.
_TRIM = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The blocks that end a paragraph in markdown-it (lists aside): ATX headings,
# fences, block quotes and the HTML blocks of kinds 1 to 6.
_BREAKS_ITEM_RE = re.compile(
    r"#{1,6}(?:[ \t]|$)|```|~~~|>"
    r"|<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[ \t>]|$)"
    r"|/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd"
    r"|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]"
    r"|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup"
    r"|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)"
    r"(?:[ \t>]|/>|$))",
    re.IGNORECASE,
)
_LIST_START_RE = re.compile(r"(?:[-*+]|(\d{1,9})[.)])(?:[ \t]|$)")
_LEAVES = frozenset({"Paragraph", "Heading", "CodeBlock", "HtmlBlock", "TableCell"})
_BLOCKS = _LEAVES | frozenset(
    {
        "BlockQuote",
        "List",
        "Item",
        "Table",
        "TableHead",
        "TableRow",
        "FootnoteDefinition",
        "DefinitionList",
        "DefinitionListTitle",
        "DefinitionListDefinition",
        "MetadataBlock",
    }
)


class _Fallback(Exception):
    """The document is one markdown-it reads otherwise: `_markdown_it` parses it."""


# A one-column table whose delimiter row has no pipe: a table for markdown-it,
# a setext heading for pulldown-cmark.
_PIPELESS_TABLE_RE = re.compile(r"^[^\r\n]*\|[^\r\n]*\r?\n[ \t>]*:?-+:?[ \t]*\r?$", re.MULTILINE)
# A tab among a line's container markers: markdown-it and pulldown-cmark count
# the columns of list items after it differently. A fence closed with a tab
# after it: markdown-it skips only spaces there.
_PREFIX_TAB_RE = re.compile(
    r"^[ >]*(?:(?:[-*+]|\d{1,9}[.)])[ >]*)*\t"
    r"|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:`{3,}|~{3,})[ ]*\t[ \t]*\r?$",
    re.MULTILINE,
)
# An HTML line with a space Python's `\s` knows and CommonMark does not:
# markdown-it's HTML block patterns take it for white space.
_HTML_ODD_SPACE_RE = re.compile(
    r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]+)*<[^\r\n]*"
    r"[\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]",
    re.MULTILINE,
)
_LONE_PIPE_RE = re.compile(r"[ \t>]*\|[ \t]*")


def _neutral(match: re.Match[str]) -> str:
    text = match.group(0)
    return text[:-1] + ("+" if text[-1] in "-*_" else "a")


def blank(text: str) -> str:
    """Same length, every character but newlines turned into a space."""
    if "\n" not in text:
        return " " * len(text)
    return _NOT_NEWLINE_RE.sub(" ", text)


def _line_starts(source: str) -> list[int]:
    return [0, *(m.end() for m in LINE_BREAK_RE.finditer(source))]


def _front_matter_end(source: str, lines: list[str]) -> int:
    """Number of lines taken by YAML (---) or TOML (+++) front matter at the start."""
    opener = FRONT_MATTER_RE.match(source)
    if not opener:
        return 0
    fence = lines[0].strip()
    for i in range(1, len(lines)):
        if lines[i].strip() == fence or (fence == "---" and lines[i].strip() == "..."):
            return i + 1
    return 0


def _piece_spans(
    content: str, first_line: int, lines: list[str], starts: list[int]
) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of each content line inside the source lines."""
    for k, piece in enumerate(content.split("\n")):
        index = first_line + k
        if index >= len(lines) or not piece.strip():
            continue
        line = lines[index]
        trimmed = line.rstrip(" \t\r\n")
        piece = piece.rstrip(" \t")
        if trimmed.endswith(piece):
            col = len(trimmed) - len(piece)
        else:
            col = line.find(piece.strip())
            if col < 0:
                continue
            piece = piece.strip()
        yield starts[index] + col, starts[index] + col + len(piece)


def _cell_spans(line_start: int, line: str, cells: list[str]) -> Iterator[tuple[int, int]]:
    """Locate each table cell's text inside its row, left to right."""
    pos = 0
    for cell in cells:
        cell = cell.strip()
        if not cell:
            continue
        col = line.find(cell, pos)
        if col < 0:
            continue
        pos = col + len(cell)
        yield line_start + col, line_start + pos


def _suppression(comment: str) -> tuple[bool, frozenset[str]] | None:
    """Parse `<!-- unblame-ignore[-file] [CODES] -->`: (whole file?, codes)."""
    m = SUPPRESS_RE.search(comment)
    if not m:
        return None
    codes = frozenset(c.upper() for c in CODE_TOKEN_RE.findall(m.group(2)))
    return bool(m.group(1)), codes


def _escaped_split(text: str) -> list[str]:
    """markdown-it's split of a table row at its pipes; `\\|` is a pipe in a cell."""
    result: list[str] = []
    current, last, escaped = "", 0, False
    for pos, ch in enumerate(text):
        if ch == "|":
            if not escaped:
                result.append(current + text[last:pos])
                current, last = "", pos + 1
            else:
                current += text[last : pos - 1]
                last = pos
        escaped = ch == "\\"
    result.append(current + text[last:])
    return result


_ALIGN_RE = re.compile(r":?-+:?")


def _table_delimiter_ok(line: str) -> bool:
    """markdown-it's test of a table's delimiter row (its leading blanks gone)."""
    if len(line) < 2 or line[0] not in "|-:" or line[1] not in "|-: \t":
        return False
    if line[0] == "-" and line[1] in " \t":
        return False
    if line.strip("|-: \t"):
        return False
    cells = line.split("|")
    for i, cell in enumerate(cells):
        cell = cell.strip(_TRIM)
        if not cell:
            if i == 0 or i == len(cells) - 1:
                continue
            return False
        if not _ALIGN_RE.fullmatch(cell):
            return False
    return True


def _heading_content(line: str, pos: int) -> str:
    """markdown-it's ATX heading text: `line[pos]` is the first `#`."""
    maximum = len(line)
    while pos < maximum and line[pos] == "#":
        pos += 1
    while maximum > pos and line[maximum - 1] in " \t":
        maximum -= 1
    tmp = maximum
    while tmp > pos and line[tmp - 1] == "#":
        tmp -= 1
    if tmp > pos and line[tmp - 1] in " \t":
        maximum = tmp
    return line[pos:maximum].strip(_TRIM)


class _Reader:
    """Turns pulldown-cmark's events into the analyzer's blocks."""

    def __init__(self, source: str, text: str, starts: list[int], lines: list[str]) -> None:
        self.source = source
        self.starts = starts
        self.lines = lines
        # Line text without its line break.
        self.bodies = [line.rstrip("\r\n") for line in lines]
        self.nul = "\x00" in source
        self.ascii = text.isascii()
        if not self.ascii:
            # Byte offsets count in the text the parser read: its front matter
            # is blanked, so only its own lines give the right lengths.
            ends = [*starts[1:], len(text)]
            self.encoded = [text[a:b].encode() for a, b in zip(starts, ends, strict=True)]
            self.byte_starts = [0]
            for enc in self.encoded:
                self.byte_starts.append(self.byte_starts[-1] + len(enc))
        self.blocks: _Blocks = []
        self.file_suppressed: set[str] | None = None
        self.action, self.section_level = False, 0
        self.quote_depth = 0
        self.pending: frozenset[str] | None = None
        self.active: frozenset[str] | None = None
        # -1 for a block quote, a list item's content indent for a list item.
        self.containers: list[int] = []
        self.items: list[int] = []  # where each open list item's marker is
        self.deep = 0  # open list items whose text is indented 5 columns or more
        self.columns = 0  # the open table's

    def char(self, offset: int) -> int:
        """The str offset of a UTF-8 byte offset."""
        if self.ascii:
            return offset
        i = bisect_right(self.byte_starts, offset) - 1
        if i >= len(self.encoded):
            return len(self.source)
        return self.starts[i] + len(self.encoded[i][: offset - self.byte_starts[i]].decode())

    def line_of(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1

    def margin(self, line: str) -> tuple[int, int]:
        """Where markdown-it's line starts inside the open block quotes, and its tab offset.

        The block quote markers present are consumed with the space after
        them, as markdown-it does (a tab after `>` counts as that space only
        when it ends on a tab stop).
        """
        pos = shift = need = 0
        n = len(line)
        for container in self.containers:
            if container >= 0:
                need = container
                continue
            j, col = pos, 0
            while j < n and line[j] in " \t":
                col += 4 - (col + shift) % 4 if line[j] == "\t" else 1
                j += 1
            if j >= n or line[j] != ">" or col < need:  # absent, or left of the list item
                break
            need = 0
            j += 1
            after = False
            if j < n and line[j] == " ":
                j, after = j + 1, True
            elif j < n and line[j] == "\t":
                after = True
                if (shift + col + 1) % 4 == 3:
                    j += 1
            pos, shift = j, col + 1 + after
        return pos, shift

    def piece(self, index: int) -> str:
        """A paragraph's continuation line as markdown-it cuts it (its getLines)."""
        line = self.bodies[index]
        containers = self.containers
        if not containers:
            return line
        pos, shift = self.margin(line) if self.quote_depth else (0, 0)
        indent = containers[-1] if containers[-1] > 0 else 0
        n, width = len(line), 0
        while pos < n and width < indent and line[pos] in " \t":
            width += 4 - (width + shift) % 4 if line[pos] == "\t" else 1
            pos += 1
        if width > indent:
            return " " * (width - indent) + line[pos:]
        return line[pos:]

    def item_indent(self, marker_line: int, marker: int) -> int:
        """markdown-it's indent of a list item's content, from its marker line."""
        line = self.bodies[marker_line]
        pos, shift = self.margin(line)
        col = 0
        for ch in line[pos:marker]:
            col += 4 - (col + shift) % 4 if ch == "\t" else 1
        found = _MARKER_RE.match(line, marker)
        after = found.end() if found else marker + 1
        initial = offset = col + after - marker
        pos, n = after, len(line)
        while pos < n and line[pos] in " \t":
            offset += 4 - (offset + shift) % 4 if line[pos] == "\t" else 1
            pos += 1
        gap = offset - initial if pos < n else 1
        return initial + (1 if gap > 4 else gap)

    def fix(self, text: str) -> str:
        # markdown-it read NUL as U+FFFD.
        return text.replace("\x00", "\ufffd") if self.nul else text

    def add(self, content: str, first_line: int) -> None:
        spans = list(_piece_spans(content, first_line, self.lines, self.starts))
        if spans:
            inline_sup = _suppression(content)
            suppressed = self.active
            if inline_sup is not None:
                suppressed = (suppressed or frozenset()) | inline_sup[1]
            block = Block(spans[0][0], spans[-1][1], self.quote_depth > 0, self.action, suppressed)
            self.blocks.append((spans, block))

    def paragraph(self, start: int, last_line: int, first_line: int = -1) -> None:
        """A paragraph from `start` (or the whole of `first_line`) to `last_line`."""
        if start >= 0:
            first_line = self.line_of(start)
            pieces = [self.source[start : self.starts[first_line] + len(self.bodies[first_line])]]
        else:
            pieces = [self.piece(first_line)]
        if self.deep:
            for k in range(first_line + 1, last_line + 1):
                if self.breaks_item(k) >= 0:
                    raise _Fallback
                pieces.append(self.piece(k))
        else:
            pieces.extend(self.piece(k) for k in range(first_line + 1, last_line + 1))
        for k in range(1, len(pieces)):
            # A table markdown-it would read here (pulldown-cmark did not).
            line = pieces[k].lstrip(" \t")
            if line[:1] in ("|", ":", "-") and "|" in pieces[k - 1] and _table_delimiter_ok(line):
                raise _Fallback
        self.add(self.fix("\n".join(pieces).strip(_TRIM)), first_line)

    def indent_of(self, index: int) -> tuple[int, str]:
        """A line's indent in columns past its block quote markers, and its text."""
        line = self.bodies[index]
        pos, shift = self.margin(line) if self.quote_depth else (0, 0)
        width, n = 0, len(line)
        while pos < n and line[pos] in " \t":
            width += 4 - (width + shift) % 4 if line[pos] == "\t" else 1
            pos += 1
        return width, line[pos:]

    def breaks_item(self, index: int) -> int:
        """Where markdown-it leaves a list item at a lazy line, or -1.

        markdown-it ends a list item's paragraph at a heading, fence, quote,
        HTML block or list item indented less than the item's text, even when
        it is indented 4 columns or more past the container it falls back to
        (CommonMark reads that line as a lazy continuation). The answer is how
        many of the open containers the line stays in.
        """
        width, text = self.indent_of(index)
        containers = self.containers
        level = 0
        for i, container in enumerate(containers):
            if container > width:
                break
            level = i + 1
        if level == len(containers):
            return -1
        base = max([c for c in containers[:level] if c > 0], default=0)
        if width - base < 4:
            return -1
        if _BREAKS_ITEM_RE.match(text):
            return level
        marker = _LIST_START_RE.match(text)
        if not marker:
            return -1
        if containers[-1] > 0:
            # Unless it is indented 4 columns past the list's own container.
            i = max(i for i, c in enumerate(containers) if c > 0)
            outer = containers[i - 1] if i > 0 and containers[i - 1] > 0 else 0
            return level if width - outer < 4 else -1
        # Within a block quote, as a list item interrupts a paragraph.
        ordered = marker.group(1)
        if (ordered is None or ordered == "1") and text[marker.end() :].strip(" \t"):
            return level
        return -1

    def heading(self, start: int) -> None:
        index = self.line_of(start)
        body = self.bodies[index]
        content = self.fix(_heading_content(body, start - self.starts[index]))
        hashes = body[start - self.starts[index] :]
        level = len(hashes) - len(hashes.lstrip("#"))
        if ACTION_SECTION_RE.search(content):
            self.action, self.section_level = True, level
        elif not self.action or level <= self.section_level:
            self.action, self.section_level = False, level
        self.add(content, index)

    def implicit(self, start: int, end: int) -> None:
        """A tight list item's text, which comes without paragraph events."""
        first, last = self.char(start), self.char(end)
        index = self.line_of(first)
        last_line = self.line_of(max(last - 1, first))
        if self.items and self.line_of(self.items[-1]) == index:
            marker = _MARKER_RE.match(self.source, self.items[-1])
            begin = marker.end() if marker else self.items[-1]
            self.paragraph(begin, last_line)
        else:
            self.paragraph(-1, last_line, index)

    def html(self, parts: list[str]) -> None:
        found = _suppression("".join(parts))
        if found:
            whole, codes = found
            if whole:
                self.file_suppressed = (self.file_suppressed or set()) | set(codes or {""})
            else:
                self.pending = codes

    def row(self, start: int, head: bool) -> None:
        """A table row's cells, split as markdown-it splits them."""
        index = self.line_of(start)
        if not head and self.code_row(index):
            return
        body = self.bodies[index]
        columns = _escaped_split(body[start - self.starts[index] :].strip(_TRIM))
        if columns and columns[0] == "":
            columns.pop(0)
        if columns and columns[-1] == "":
            columns.pop()
        if head:
            self.columns = len(columns)
        contents = [
            self.fix(columns[i]).strip(_TRIM) if i < len(columns) else ""
            for i in range(self.columns)
        ]
        for a, b in _cell_spans(self.starts[index], self.lines[index], contents):
            self.blocks.append(
                ([(a, b)], Block(a, b, self.quote_depth > 0, self.action, self.active))
            )

    def code_row(self, index: int) -> bool:
        """markdown-it ends a table at a line indented as code, where pulldown-cmark reads a row."""
        indent = self.containers[-1] if self.containers and self.containers[-1] > 0 else 0
        width, text = self.indent_of(index)
        if width - indent >= 4:
            raise _Fallback
        # So does it at the blocks that end a paragraph, and at any list item.
        if _BREAKS_ITEM_RE.match(text) or _LIST_START_RE.match(text):
            raise _Fallback
        return False

    def html_in_item(self, start: int, end: int) -> None:
        """markdown-it ends an HTML block in a list item at a line indented
        less than the item's text; pulldown-cmark may read it on."""
        first = self.line_of(self.char(start))
        last = self.line_of(max(self.char(end) - 1, 0))
        for k in range(first + 1, last + 1):
            width, text = self.indent_of(k)
            if text and width < self.containers[-1]:
                raise _Fallback

    def check_table(self, start: int) -> None:
        """Fall back unless markdown-it would read a table here too."""
        index = self.line_of(start)
        if index + 1 >= len(self.bodies):
            raise _Fallback
        delimiter = self.indent_of(index + 1)[1]
        header = self.bodies[index][start - self.starts[index] :].strip(_TRIM)
        if not _table_delimiter_ok(delimiter) or "|" not in header:
            raise _Fallback
        columns = _escaped_split(header)
        if columns and columns[0] == "":
            columns.pop(0)
        if columns and columns[-1] == "":
            columns.pop()
        aligns = delimiter.split("|")
        count = sum(1 for i, c in enumerate(aligns) if c.strip(_TRIM) or 0 < i < len(aligns) - 1)
        if not columns or len(columns) != count:
            raise _Fallback

    def after(self, end: int) -> str:
        """The line after a block that ends at byte `end`, or ''."""
        index = self.line_of(max(self.char(end) - 1, 0)) + 1
        return self.bodies[index] if index < len(self.bodies) else ""

    def read(self, text: str) -> None:
        depth = 0
        leaf = ""
        implicit_start = implicit_end = -1
        html_parts: list[str] = []
        row_start = html_start = 0
        char = self.char
        for event, span in pyromark.events_with_range(text, options=_OPTIONS):
            if type(event) is dict:
                value: object
                if "Start" in event:
                    value, opening = event["Start"], True
                elif "End" in event:
                    value, opening = event["End"], False
                else:  # Text, Code, Html and the other leaves
                    if leaf:
                        if leaf == "HtmlBlock":
                            html_parts.append(self.source[char(span["start"]) : char(span["end"])])
                        continue
                    if implicit_start < 0:
                        implicit_start = span["start"]
                    implicit_end = span["end"]
                    continue
                tag: str = value if isinstance(value, str) else next(iter(value))
                if tag not in _BLOCKS:
                    if not leaf:
                        if implicit_start < 0:
                            implicit_start = span["start"]
                        implicit_end = span["end"]
                    continue
            elif event == "Rule":
                tag, opening = event, True
            else:  # a line break
                if not leaf:
                    if implicit_start < 0:
                        implicit_start = span["start"]
                    implicit_end = span["end"]
                continue
            # A block event.
            if implicit_start >= 0:
                self.implicit(implicit_start, implicit_end)
                implicit_start = -1
            if opening:
                if depth == 0 and tag != "HtmlBlock":
                    # A top-level block starts: it takes any pending suppression comment.
                    self.active, self.pending = self.pending, None
                if tag == "Rule":
                    continue
                depth += 1
                if tag in _LEAVES:
                    leaf = tag
                    if tag == "Paragraph":
                        start, end = self.char(span["start"]), self.char(span["end"])
                        self.paragraph(start, self.line_of(max(end - 1, start)))
                    elif tag == "Heading":
                        self.heading(self.char(span["start"]))
                    elif tag == "HtmlBlock":
                        html_parts = []
                        html_start = span["start"]
                elif tag == "BlockQuote":
                    self.quote_depth += 1
                    self.containers.append(-1)
                elif tag == "Item":
                    item = self.char(span["start"])
                    # An item after a tab may start at the line break before it.
                    while item < len(self.source) and self.source[item] in "\r\n":
                        item += 1
                    index = self.line_of(item)
                    body = self.bodies[index]
                    column = item - self.starts[index]
                    while column < len(body) and body[column] in " \t":
                        column += 1
                    self.items.append(self.starts[index] + column)
                    indent = self.item_indent(index, column)
                    self.containers.append(indent)
                    self.deep += indent >= 5
                elif tag == "TableHead" or tag == "TableRow":
                    row_start = self.char(span["start"])
                elif tag == "Table":
                    self.check_table(self.char(span["start"]))
            else:
                depth -= 1
                if tag in _LEAVES:
                    leaf = ""
                    if tag == "HtmlBlock":
                        self.html(html_parts)
                        if self.containers and self.containers[-1] > 0:
                            self.html_in_item(html_start, span["end"])
                elif tag == "BlockQuote":
                    self.quote_depth -= 1
                    self.containers.pop()
                    # markdown-it goes on at a `>` indented as code.
                    if self.after(span["end"]).lstrip(" \t").startswith(">"):
                        raise _Fallback
                elif tag == "Item":
                    self.deep -= self.containers.pop() >= 5
                    self.items.pop()
                elif tag == "TableHead" or tag == "TableRow":
                    self.row(row_start, tag == "TableHead")
                elif tag == "Table" and _LONE_PIPE_RE.fullmatch(self.after(span["end"])):
                    raise _Fallback  # markdown-it goes on with a row of a lone pipe
        if implicit_start >= 0:
            self.implicit(implicit_start, implicit_end)


def parse(source: str) -> Document:
    """Split `source` into prose blocks and build its masked copy."""
    starts = _line_starts(source)
    lines = [source[a:b] for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]
    skip = _front_matter_end(source, lines)
    text = source
    if skip:
        end = starts[skip] if skip < len(starts) else len(source)
        text = _FRONT_MATTER_CHAR_RE.sub(" ", source[:end]) + source[end:]
    if "\r" in text:
        # A lone CR ends a line for markdown-it; pulldown-cmark is given LF.
        text = _LONE_CR_RE.sub("\n", text)
    # Documents the two parsers may read otherwise, decided on the source.
    fallback = (
        ("|" in text and _PIPELESS_TABLE_RE.search(text) is not None)
        or ("\t" in text and _PREFIX_TAB_RE.search(text) is not None)
        or (
            (not text.isascii() or "\x0b" in text or "\x0c" in text or "\x1c" in text)
            and _HTML_ODD_SPACE_RE.search(text) is not None
        )
    )
    text = _NEUTRAL_RE.sub(_neutral, text)
    try:
        if fallback:
            raise _Fallback
        reader = _Reader(source, text, starts, lines)
        reader.read(text)
    except (_Fallback, UnicodeEncodeError):  # the latter: lone surrogates, which UTF-8 lacks
        from . import _markdown_it

        return _markdown_it.parse(source)
    file_suppressed = reader.file_suppressed
    return Document(
        source=source,
        masked=_mask(source, reader.blocks),
        blocks=[b for _, b in reader.blocks],
        line_starts=starts,
        suppressed_file=frozenset(file_suppressed) if file_suppressed is not None else None,
    )


_Blocks = list[tuple[list[tuple[int, int]], Block]]


def _blank_match(match: re.Match[str]) -> str:
    return blank(match.group(0))


def _gap(length: int) -> str:
    """Filler for what lies between blocks: a line break at each end, NULs between.

    The breaks stop every rule window at the block's edge; the NULs are neither
    white space nor word characters, so a pattern starting with `\\s*` cannot
    crawl through a long masked code block position by position (which made
    a document of deeply nested lists take quadratic time).
    """
    if length <= 2:
        return "\n" * length
    return "\n" + "\x00" * (length - 2) + "\n"


def _mask(source: str, blocks: _Blocks) -> str:
    parts: list[str] = []
    pos = 0
    for spans, _block in blocks:
        if spans[0][0] < pos:  # overlapping spans would break offsets; skip defensively
            continue
        parts.append(_gap(spans[0][0] - pos))
        text_parts = []
        cursor = spans[0][0]
        for a, b in spans:
            text_parts.append(" " * (a - cursor))
            text_parts.append(source[a:b])
            cursor = b
        block_text = "".join(text_parts)
        block_text = _mask_inline(block_text)
        # Lines inside a block read as one run of prose.
        parts.append(block_text.replace("\n", " ").replace("\r", " "))
        pos = cursor
    parts.append(_gap(len(source) - pos))
    masked = "".join(parts)
    assert len(masked) == len(source)
    return masked
