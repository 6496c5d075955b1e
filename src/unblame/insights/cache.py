"""Report results kept between page views until something they count changes.

A report over 100,000 incidents takes seconds to count; its result is the
same for every view until an incident, responder, factor, item, review or
setting changes. Each such save or delete moves a generation number on
(signals.py), and a result is kept under a key naming the generation, the
report, the filters, who is looking (admins share one view, anyone else's
is their own, as what they may see is), their time zone and today's date.
Writes around unblame (bulk imports, another process) are caught up with
by TIMEOUT at the latest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils import timezone

GENERATION = "insights:generation"
TIMEOUT = 600


def generation() -> int:
    value = cache.get(GENERATION)
    if value is None:
        cache.add(GENERATION, 1, None)
        value = cache.get(GENERATION, 1)
    return value


def changed() -> None:
    """Something a report counts changed: every kept result is out of date."""
    try:
        cache.incr(GENERATION)
    except ValueError:
        cache.add(GENERATION, 1, None)


def _key(scope: Any, name: str) -> str:
    user = scope.user
    who = "admin" if user.is_admin else f"user:{user.pk}"
    parts = [
        str(generation()),
        name,
        who,
        str(timezone.get_current_timezone()),
        timezone.localdate().isoformat(),
        scope.form.query_string(),
    ]
    return "insights:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()


def kept(scope: Any, name: str, build: Callable[[], Any]) -> Any:
    """`build()`'s result for this scope, from the cache while nothing changed."""
    key = _key(scope, name)
    result = cache.get(key)
    if result is None:
        result = build()
        cache.set(key, result, TIMEOUT)
    return result
