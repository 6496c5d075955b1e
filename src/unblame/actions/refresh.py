"""Bring every action item's stored findings up to date, in the background or on request.

Stored findings (actions.findings) are keyed by a digest of the analyzer's
files, so an upgrade or an edited rule makes every one of them stale, and a
list page then analyses its stale rows while the reader waits: the first
/actions/ after an analyzer change took 1 to 11 s at 100,000 incidents.

- `unblame serve` queues the refresh at start until it has finished once for
  the analyzer it runs (`queue_refresh`; `FindingsRefresh` keeps where it
  stands), and its worker runs it in short tasks
  (`actions.tasks.refresh_stale_findings`), so a worker stopping or a webhook
  waiting behind it waits for one batch, and a server stopped in the middle
  carries on from there.
- `unblame refresh-findings` runs it in the foreground, with progress.

Items are walked in batches of BATCH by key: open ones first, the ones
/actions/ lists, then the rest. A current item is only read; a stale one is
analysed and written back with bulk_update, as `findings.prepare` does, so
versions, `updated_at` and history are untouched. Two runs at once write the
same findings. A run that writes an item's findings just after someone saved
new words leaves a key naming the old words, which is never shown: the item
is analysed again when it is next read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from unblame.accounts.roster import cached_per_request, prime
from unblame.actions import findings
from unblame.actions.models import ActionItem, FindingsRefresh

logger = logging.getLogger(__name__)

BATCH = 500
# How long one queued task works before it hands over to the next one.
SECONDS_PER_TASK = 5.0
OPEN, REST = 0, 1


@dataclass(frozen=True)
class Cursor:
    """Where a refresh is: the phase (open items, then the rest) and the last key checked."""

    phase: int = OPEN
    after: int = 0


@dataclass(frozen=True)
class Totals:
    checked: int = 0
    refreshed: int = 0

    def add(self, checked: int, refreshed: int) -> Totals:
        return Totals(self.checked + checked, self.refreshed + refreshed)


def _items(phase: int):
    items = ActionItem.objects.select_related("incident")
    # Only what the key and the analyzer read; the incident for its roster.
    items = items.only("title", "description", "stored_findings", "incident__id")
    if phase == OPEN:
        return items.filter(status__in=ActionItem.OPEN_STATUSES)
    return items.exclude(status__in=ActionItem.OPEN_STATUSES)


def refresh_batch(cursor: Cursor, size: int | None = None) -> tuple[Cursor | None, Totals]:
    """Check the `size` (BATCH) items after `cursor` and write back the stale ones.

    Returns the cursor to carry on from (None once every item was checked)
    and what this batch checked and wrote.
    """
    size = size or BATCH
    batch = list(_items(cursor.phase).filter(pk__gt=cursor.after).order_by("pk")[:size])
    with cached_per_request():
        prime(item.incident_id for item in batch)
        refreshed = findings.prepare(batch)
    done = Totals(len(batch), refreshed)
    if len(batch) == size:
        return Cursor(cursor.phase, batch[-1].pk), done
    if cursor.phase == OPEN:
        return Cursor(REST), done
    return None, done


def refresh_all(
    progress: Callable[[int, int], None] | None = None, size: int | None = None
) -> Totals:
    """Check every item now, calling progress(checked, total) after each batch."""
    total = ActionItem.objects.count()
    cursor: Cursor | None = Cursor()
    totals = Totals()
    while cursor is not None:
        cursor, done = refresh_batch(cursor, size)
        totals = totals.add(done.checked, done.refreshed)
        if progress is not None and total:
            # Items added meanwhile are checked too; the bar stops at full.
            progress(min(totals.checked, total), total)
    finish(findings.analyzer_digest(), totals)
    return totals


def refresh_for(analyzer: str, seconds: float | None) -> bool:
    """Carry this analyzer's refresh on from where it stands for about `seconds` (None: to the end).

    Returns True when there is more to do. Each batch moves the stored
    cursor only if it still stands where the batch began: of two runs at the
    same place (a task queued again at a restart and one still in the
    queue), one carries on and the other stops.
    """
    if analyzer != findings.analyzer_digest():
        # A worker running other code than the server that queued it would
        # store findings that server reads as stale: leave them to the pages.
        logger.warning("findings refresh for analyzer %s skipped: this runs another", analyzer)
        return False
    record, _ = FindingsRefresh.objects.get_or_create(analyzer=analyzer)
    deadline = None if seconds is None else time.monotonic() + seconds
    while record.finished_at is None:
        start = Cursor(record.phase, record.after)
        end, done = refresh_batch(start)
        if not _advance(record, start, end, done):
            return False
        if record.finished_at is None and deadline is not None and time.monotonic() >= deadline:
            return True
    return False


def _advance(record: FindingsRefresh, start: Cursor, end: Cursor | None, done: Totals) -> bool:
    """Move the stored cursor from `start` to `end` (None: finished); False when it had moved."""
    values = {"checked": F("checked") + done.checked, "refreshed": F("refreshed") + done.refreshed}
    if end is None:
        values["finished_at"] = timezone.now()
    else:
        values |= {"phase": end.phase, "after": end.after}
    unfinished = FindingsRefresh.objects.filter(pk=record.pk, finished_at=None)
    if not unfinished.filter(phase=start.phase, after=start.after).update(**values):
        return False
    record.refresh_from_db()
    return True


def finish(analyzer: str, totals: Totals) -> None:
    """Record that every item was checked for `analyzer` (by a run in the foreground)."""
    FindingsRefresh.objects.update_or_create(
        analyzer=analyzer,
        defaults={
            "finished_at": timezone.now(),
            "checked": totals.checked,
            "refreshed": totals.refreshed,
        },
    )


def queue_refresh() -> bool:
    """Queue the refresh for today's analyzer unless it finished; True when queued.

    Once per analyzer, and again at each start until it finishes: a server
    stopped hard in the middle of a task loses the task, and the next one
    carries on from the stored cursor.
    """
    from unblame.actions.tasks import refresh_stale_findings

    analyzer = findings.analyzer_digest()
    # Its unique digest lets only one of two servers starting at once make the row.
    record, _ = FindingsRefresh.objects.get_or_create(analyzer=analyzer)
    if record.finished_at is not None:
        return False
    refresh_stale_findings(analyzer)
    return True
