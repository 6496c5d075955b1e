"""Review Markdown as safe HTML, rendered once per distinct text.

markdown-it's inline pass is linear but slow on hostile text: 50,000 `[`
take 1-2 s, and a review of such sections cost every reader that on every
view. The sanitised HTML is kept in the "sections" cache (server/settings.py)
under a hash of the text and RENDERER_VERSION, so:

- a key names one text, never a section: an edit is a new text and a new key,
  and nothing has to be invalidated;
- only what `render` returned (after nh3) is kept, so a cached page is exactly
  as clean as a fresh one;
- the cache is per process and bounded (MAX_ENTRIES); after a restart or an
  eviction, the first reader of a text renders it again.
"""

from __future__ import annotations

import hashlib
import html

import nh3
from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Raise it when the parser options, nh3's rules or the packages' versions
# change what a text renders to: every kept rendering then falls out of use.
RENDERER_VERSION = "2"
CACHE_ALIAS = "sections"
# A day: a text nobody reads leaves the cache; MAX_ENTRIES bounds the memory.
TIMEOUT = 24 * 60 * 60

# Raw HTML is off in the parser and nh3 cleans what comes out, so a section
# can hold any text without becoming a way to inject markup.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


# markdown-it spends 15-40 us on every "[" (each may open a link), so 50,000 of
# them cost a second or two before the cache helps. No review section has a
# fraction of this many links; past it the text is shown as it was typed.
MAX_LINK_OPENERS = 2_000


def render(text: str) -> str:
    """`text` as HTML, cleaned by nh3; the only place Markdown becomes markup.

    A text with more than MAX_LINK_OPENERS "[" is not read as Markdown: it is
    escaped and kept in paragraphs, which costs time in proportion to its length.
    """
    if text.count("[") > MAX_LINK_OPENERS:
        return nh3.clean(_as_plain_paragraphs(text))
    return nh3.clean(_MARKDOWN.render(text))


def _as_plain_paragraphs(text: str) -> str:
    paragraphs = (p for p in text.split("\n\n") if p.strip())
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)


def cache_key(text: str) -> str:
    """The cache key of `text`'s rendering: its SHA-256 with the renderer version."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"md:{RENDERER_VERSION}:{digest}"


def markdown_html(text: str | None) -> SafeString:
    """`text` rendered and cleaned, from the cache when this text was rendered before."""
    text = text or ""
    if not text:
        return mark_safe("")
    cache = caches[CACHE_ALIAS]
    key = cache_key(text)
    html = cache.get(key)
    if html is None:
        html = render(text)
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)  # cleaned by nh3 in render(), before it was kept


__all__ = ["MAX_LINK_OPENERS", "RENDERER_VERSION", "cache_key", "markdown_html", "render"]
