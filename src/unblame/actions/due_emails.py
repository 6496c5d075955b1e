"""One email to an item's owner on the day it falls due, sent by a periodic task.

Unlike the `unblame remind` digest (a summary run from cron), this is the
per-item notice issue 9 asks for: once per item and due date, recorded in
DueEmail, so a moved due date falls due (and emails) again. "Today" is the
owner's, in their own time zone. Items that fell due more than GRACE_DAYS ago
are left to the digest: a worker that was down for a while, or a new install,
must not mail everyone about every old overdue item.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from unblame.accounts.notify import email_person, link, wants
from unblame.actions.models import ActionItem, DueEmail
from unblame.incidents.access import visible_incidents

GRACE_DAYS = 2


def _body(item: ActionItem) -> str:
    return (
        f"An action item of yours on incident #{item.incident_id} fell due on "
        f"{item.due_date:%d %b %Y}:\n\n{item.title}\n\n{link(item.get_absolute_url())}\n\n"
        f"Turn these emails off in your settings: {link('/account/')}\n"
    )


def email_fallen_due(now: datetime | None = None) -> int:
    """Email each owner about their open items whose due date has come; returns how many.

    Skips owners who turned it off or have no address, and items on incidents
    the owner may not see (never mailing a restricted incident's title).
    """
    now = now or timezone.now()
    utc_today = now.astimezone(UTC).date()
    # Owners' todays are within a day of UTC's; each item is checked in its owner's zone.
    items = (
        ActionItem.objects.due_by(utc_today + timedelta(days=1))
        .filter(owner__isnull=False, due_date__gte=utc_today - timedelta(days=GRACE_DAYS + 1))
        .select_related("owner")
    )
    sent = 0
    for item in items.iterator():
        owner = item.owner
        today = now.astimezone(owner.zone).date()
        if not (today - timedelta(days=GRACE_DAYS) <= item.due_date <= today):
            continue
        if not wants(owner, "fell_due"):
            continue
        if not visible_incidents(owner).filter(pk=item.incident_id).exists():
            continue
        with transaction.atomic():
            _, fresh = DueEmail.objects.get_or_create(item=item, due_date=item.due_date)
            if fresh:
                subject = f"Action item due: {item.title}"
                sent += email_person(owner, "fell_due", subject, _body(item))
    return sent
