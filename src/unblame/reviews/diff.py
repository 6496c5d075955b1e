"""A readable word-level diff between two versions of a section, with difflib."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Words and the white space between them, kept, so the diff shows line breaks.
TOKEN_RE = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Diff:
    html: SafeString
    added: int
    removed: int

    @property
    def unchanged(self) -> bool:
        return not self.added and not self.removed


def _words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if not token.isspace())


def word_diff(old: str, new: str) -> Diff:
    """Old and new text as one escaped run, removals in <del> and additions in <ins>."""
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    pieces: list[str] = []
    added = removed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            pieces.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
            removed += _words(a[i1:i2])
        if op in ("insert", "replace"):
            pieces.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
            added += _words(b[j1:j2])
    return Diff(mark_safe("".join(pieces)), added, removed)  # pieces are escaped
