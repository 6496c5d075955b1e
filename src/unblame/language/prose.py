"""Find the prose in a Markdown document, keeping every character's offset.

The analyzer runs its rules over a *masked* copy of the source: the same
length, with everything that is not prose (front matter, code, HTML, link
targets, container markers) blanked out. Blocks are separated by newlines and
lines inside a block are joined by spaces, so a rule's window never crosses
from one paragraph, list item or table cell into the next, and every match
offset is already an offset into the original text.

Structure comes from markdown-it-py's block parser, or for plain paragraphs and
headings from an exact line-by-line reading of them (`unblame.language.blocks`);
the inline level is masked with a handful of patterns, which keeps the whole
pass fast (the full inline parse would more than halve throughput and adds
nothing the rules need).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from .blocks import tokens as block_tokens

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
# A typographic apostrophe inside a word ("didn’t", "Dana’s") reads as the
# plain one, so every pattern written with "'" reads text typed with "’" (as
# editors and phones type it) alike; one character for one keeps the offsets.
# A closing quotation mark ("‘fixed’ it") has no letter after it and stays.
_APOSTROPHE_RE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
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
    if "\u2019" in text or "\u02bc" in text:
        text = _APOSTROPHE_RE.sub("'", text)
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


def parse(source: str) -> Document:
    """Split `source` into prose blocks and build its masked copy."""
    starts = _line_starts(source)
    lines = [source[a:b] for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]
    skip = _front_matter_end(source, lines)
    body_lines = ["\n"] * skip + lines[skip:] if skip else lines
    tokens = block_tokens("".join(body_lines) if skip else source, body_lines)

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


_Blocks = list[tuple[list[tuple[int, int]], Block]]


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


# A headline in title case ("Bank Blames Human Error For Outage") is read as if written in
# sentence case: capitals there mark the style, not names, and the rules read case.
_TITLE_LINE_RE = re.compile(r"[^\n]+")
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_MIN_WORDS = 3  # content words (four letters or more) all capitalised


def sentence_case_titles(masked: str) -> str:
    """`masked` with each title-case line's capitalised words after the first lowered.

    A line is title case when it holds at least three words of four letters or more
    and every one of them starts with a capital (acronyms in capitals and marked names
    count, and stay as they are). The result has the same length, so offsets still
    index the source.
    """
    parts: list[str] = []
    done = 0
    for line in _TITLE_LINE_RE.finditer(masked):
        words = _title_words(masked, line.start(), line.end())
        for word in words[1:]:
            text = word.group()
            lowered = text[0].lower()
            if text[1:].islower() and len(lowered) == 1:
                parts.append(masked[done : word.start()])
                parts.append(lowered)
                done = word.start() + 1
    if not parts:
        return masked
    parts.append(masked[done:])
    return "".join(parts)


def _title_words(masked: str, start: int, end: int) -> list[re.Match[str]]:
    """The words of a title-case line, or none: reading stops at the first content word
    in lower case, which is where most lines of prose stop."""
    words: list[re.Match[str]] = []
    content = 0
    for word in _TITLE_WORD_RE.finditer(masked, start, end):
        if len(word.group()) >= 4:
            # A marked name's first letter (NAME_MARK) has no case: it counts as a capital.
            if word.group()[0].islower():
                return []
            content += 1
        words.append(word)
    return words if content >= _TITLE_MIN_WORDS else []
