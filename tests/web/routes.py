"""Walking the URL configuration, for tests that must hold on every page, present and future.

A page added later is then checked without anyone writing a test for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver


def routes() -> Iterator[str]:
    """Every route of the URL configuration, includes joined: "incidents/<int:pk>/edit/"."""
    return _walk(get_resolver().url_patterns, "")


def _walk(patterns, prefix: str) -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def path_for(route: str, values: dict) -> str:
    """The route as a path, each `<name>` or `<converter:name>` filled from values (else 1)."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values.get(m.group(1), 1)), route)
    path = path.replace("^", "").replace("$", "")
    return "/" + path
