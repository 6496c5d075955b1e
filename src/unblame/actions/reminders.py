"""Reminders for overdue and due-soon action items: one digest email per owner.

`unblame remind` runs this from cron or in a loop. Every open item with a
due date counts, whatever state its incident is in: follow-ups outlive the
incident, which is where other tools stop reminding.

Each item records when it was last in a digest, and is not included again
for REMIND_AGAIN_AFTER, so a loop or a doubled cron entry never floods anyone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string

from unblame.accounts.models import User
from unblame.actions.models import ActionItem
from unblame.incidents.access import visible_incidents

# Under a day on purpose: a daily cron job that starts a few seconds earlier
# than yesterday's must still send today's digest.
REMIND_AGAIN_AFTER = timedelta(hours=20)
DEFAULT_DUE_WITHIN = 3


@dataclass
class Entry:
    item: ActionItem
    days: int  # days overdue (positive) or days left (zero or more)

    @property
    def url(self) -> str:
        return settings.SITE_URL + self.item.get_absolute_url()


@dataclass
class Digest:
    """What one owner is reminded of, counted in their own time zone."""

    owner: User
    today: date
    overdue: list[Entry] = field(default_factory=list)
    due_soon: list[Entry] = field(default_factory=list)
    # Items the owner can no longer see (taken off a restricted incident):
    # never mailed, only counted, so the operator can reassign them.
    hidden: int = 0

    @property
    def items(self) -> list[ActionItem]:
        return [entry.item for entry in self.overdue + self.due_soon]

    def subject(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"{len(self.overdue)} overdue")
        if self.due_soon:
            parts.append(f"{len(self.due_soon)} due soon")
        noun = "action item" if len(self.items) == 1 else "action items"
        return f"[{settings.SITE_NAME}] {' and '.join(parts)} {noun}"

    def body(self) -> str:
        context = {"digest": self, "site_name": settings.SITE_NAME}
        return render_to_string("actions/reminder_email.txt", context)

    def counts(self) -> str:
        return f"{len(self.overdue)} overdue, {len(self.due_soon)} due soon"


@dataclass
class Outcome:
    digest: Digest
    sent: bool = False
    # Why nothing was sent: no address, deactivated, already reminded, an error.
    problem: str = ""


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)
    unowned: int = 0

    @property
    def failed(self) -> bool:
        return any(outcome.problem.startswith("failed") for outcome in self.outcomes)


def _candidates(now: datetime, due_within: int):
    """Open, owned, dated items possibly due within the window and not reminded lately.

    The date bound is a day wider than the window because an owner's today
    can be a day ahead of UTC; each digest then applies its owner's own date.
    """
    horizon = now.date() + timedelta(days=due_within + 1)
    recent = now - REMIND_AGAIN_AFTER
    return (
        ActionItem.objects.open()
        .filter(due_date__isnull=False, due_date__lte=horizon)
        .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=recent))
        .select_related("owner", "incident")
        .by_due_date()
    )


def collect(now: datetime, due_within: int = DEFAULT_DUE_WITHIN) -> Run:
    """The digests to send now, one per owner, without sending or recording anything."""
    run = Run()
    by_owner: dict[User, list[ActionItem]] = defaultdict(list)
    for item in _candidates(now, due_within):
        if item.owner is None:
            # Nobody to mail; the operator hears about the overdue ones.
            if item.due_date < now.date():
                run.unowned += 1
        else:
            by_owner[item.owner].append(item)
    for owner, items in sorted(by_owner.items(), key=lambda pair: pair[0].username):
        digest = _digest(owner, items, now, due_within)
        if digest.items or digest.hidden:
            run.outcomes.append(Outcome(digest))
    return run


def _digest(owner: User, items: list[ActionItem], now: datetime, due_within: int) -> Digest:
    today = now.astimezone(owner.zone).date()
    digest = Digest(owner=owner, today=today)
    incident_ids = {item.incident_id for item in items}
    visible = set(visible_incidents(owner).filter(pk__in=incident_ids).values_list("pk", flat=True))
    for item in items:
        if item.due_date > today + timedelta(days=due_within):
            continue
        if item.incident_id not in visible:
            digest.hidden += 1
        elif item.due_date < today:
            digest.overdue.append(Entry(item, (today - item.due_date).days))
        else:
            digest.due_soon.append(Entry(item, (item.due_date - today).days))
    return digest


def _claim(items: list[ActionItem], now: datetime) -> list[ActionItem]:
    """Mark items reminded now; returns those this process claimed.

    A conditional UPDATE per item, so two reminder loops running at once
    never both mail the same item.
    """
    recent = now - REMIND_AGAIN_AFTER
    claimed = []
    for item in items:
        unreminded = Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=recent)
        if ActionItem.objects.filter(unreminded, pk=item.pk).update(last_reminded_at=now):
            claimed.append(item)
    return claimed


def _release(items: list[ActionItem]) -> None:
    """Put back the previous reminder times after a failed send, so the next run retries."""
    for item in items:
        ActionItem.objects.filter(pk=item.pk).update(last_reminded_at=item.last_reminded_at)


def deliver(outcome: Outcome, now: datetime) -> None:
    """Send one digest, recording the reminder on its items; sets outcome.sent or .problem."""
    digest = outcome.digest
    if not digest.owner.is_active:
        outcome.problem = "not sent: account deactivated"
        return
    if not digest.owner.email:
        outcome.problem = "not sent: no email address"
        return
    if not digest.owner.email_on_due:
        outcome.problem = "not sent: turned off in their settings"
        return
    if not digest.items:
        outcome.problem = "not sent: nothing they can see"
        return
    claimed = {item.pk for item in _claim(digest.items, now)}
    digest.overdue = [entry for entry in digest.overdue if entry.item.pk in claimed]
    digest.due_soon = [entry for entry in digest.due_soon if entry.item.pk in claimed]
    if not claimed:
        outcome.problem = "not sent: already reminded by another run"
        return
    try:
        send_mail(digest.subject(), digest.body(), None, [digest.owner.email])
    except Exception as error:
        # SMTP, DNS or a misconfigured backend: whatever failed, the claim
        # must go back so the next run tries these items again.
        _release(digest.items)
        outcome.problem = f"failed: {error}"
        return
    outcome.sent = True


def remind(now: datetime, due_within: int = DEFAULT_DUE_WITHIN, dry_run: bool = False) -> Run:
    """Collect the digests and, unless dry_run, send them."""
    run = collect(now, due_within)
    if not dry_run:
        for outcome in run.outcomes:
            deliver(outcome, now)
    return run
