"""Background work of the actions app, run by huey workers (see server/queue.py)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_periodic_task(crontab(minute="*/15"))
def email_items_falling_due() -> None:
    from unblame.actions.due_emails import email_fallen_due

    email_fallen_due()


@db_task()
def refresh_stale_findings(analyzer: str) -> None:
    """Refresh stale stored findings for a few seconds, then queue the rest (actions.refresh)."""
    from unblame.actions.refresh import SECONDS_PER_TASK, refresh_for

    # Inline (UNBLAME_TASKS_IMMEDIATE), a task queued by a task would nest a
    # call per batch: run to the end instead.
    seconds = None if refresh_stale_findings.huey.immediate else SECONDS_PER_TASK
    if refresh_for(analyzer, seconds):
        refresh_stale_findings(analyzer)
