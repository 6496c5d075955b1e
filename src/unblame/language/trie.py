"""Prefix-factored alternations for fast matching of word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A prefix tree of characters; the key "" marks the end of a word.
_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of `words`, longest first, factored by prefix.

    Python's `re` tries alternatives one by one; sharing prefixes lets one pass
    over the text find every trigger word of every rule about ten times faster
    than a flat alternation.
    """
    trie: _Node = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    # Escaped once per character: `re.escape` on every node took half the time,
    # paid by every process for the 700 trigger words.
    escaped: dict[str, str] = {}

    def build(node: _Node) -> str:
        branches = []
        for ch in sorted(node):
            if ch:
                text = escaped.get(ch)
                if text is None:
                    text = escaped[ch] = re.escape(ch)
                branches.append(text + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
