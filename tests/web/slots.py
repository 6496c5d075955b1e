"""Taking every import slot (server.import_slots) for a test, as other imports would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from unblame.server import import_slots


@contextmanager
def all_slots_taken() -> Iterator[None]:
    """Every slot held by this thread until the block ends."""
    taken = 0
    try:
        for _ in range(import_slots.MAX_CONCURRENT_IMPORTS):
            assert import_slots._slots.acquire(timeout=1)
            taken += 1
        yield
    finally:
        for _ in range(taken):
            import_slots._slots.release()


@contextmanager
def slots_held_by_threads() -> Iterator[None]:
    """Every slot held by other threads, each inside import_slot(), until the block ends."""
    count = import_slots.MAX_CONCURRENT_IMPORTS
    release = threading.Event()
    ready = threading.Barrier(count + 1)

    def hold() -> None:
        with import_slots.import_slot():
            ready.wait()
            release.wait(10)

    threads = [threading.Thread(target=hold) for _ in range(count)]
    for thread in threads:
        thread.start()
    ready.wait()
    try:
        yield
    finally:
        release.set()
        for thread in threads:
            thread.join()
