"""The one cap on imports read at once in this process, whatever they import. No Django here.

Chat uploads (a Slack export, a transcript) and review files (Markdown) hold
one of the same MAX_CONCURRENT_IMPORTS slots while they are read and written,
so eight people importing at once cannot add up to gigabytes or hold every
worker thread: the others are told to try again, and nothing of theirs is read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Imports read at once in this process; each may take tens of MB while it is read.
MAX_CONCURRENT_IMPORTS = 2
# How long an import waits for a turn before it is told to try again.
IMPORT_WAIT_SECONDS = 3.0
# The answer's Retry-After, in seconds, and how the message says it.
RETRY_AFTER_SECONDS = 60
BUSY_REASON = "the server is reading other imports right now; try again in a minute"

_slots = threading.BoundedSemaphore(MAX_CONCURRENT_IMPORTS)


class ImportsBusy(Exception):
    """Every import slot stayed taken; nothing was read, and the same import can be sent again."""

    reason = BUSY_REASON

    def __init__(self) -> None:
        super().__init__(BUSY_REASON)


@contextmanager
def import_slot(
    wait: float | None = None, busy: Callable[[], Exception] = ImportsBusy
) -> Iterator[None]:
    """Hold one of the MAX_CONCURRENT_IMPORTS slots for the body of the `with`.

    Waits up to `wait` seconds (default IMPORT_WAIT_SECONDS) for one to free,
    then raises `busy()` (ImportsBusy, or a caller's own subclass of its
    error type) without running the body. The slot is given back however the
    body ends.
    """
    if not _slots.acquire(timeout=IMPORT_WAIT_SECONDS if wait is None else wait):
        raise busy()
    try:
        yield
    finally:
        _slots.release()
