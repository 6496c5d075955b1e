"""Background work of the actions app, run by huey workers (see server/queue.py)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/15"))
def email_items_falling_due() -> None:
    from unblame.actions.due_emails import email_fallen_due

    email_fallen_due()
