"""Contributing factors and the action items that follow an incident.

A contributing factor is one of the many conditions that together let an
incident happen, filed under a category from a taxonomy admins can extend and
tied to the timeline events that show it. An action item is a follow-up with
an owner and a due date; it outlives the incident, so its reminders keep
going after the incident closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone

from unblame.accounts.models import Audited, record_change
from unblame.accounts.roster import roster
from unblame.accounts.versions import Versioned
from unblame.actions import findings
from unblame.incidents.access import on_visible_incident, on_visible_incident_in_order
from unblame.incidents.dates import DateOutOfRange, check_day
from unblame.incidents.models import Incident, TimelineEvent
from unblame.language import Category, Finding, analyze
from unblame.language.names import Roster, as_roster
from unblame.reviews.readiness import blocks


class FactorCategory(Versioned):
    """One heading of the contributing-factor taxonomy.

    The defaults come from a data migration; admins add, rename and reorder
    categories, and may delete only those no factor uses.
    """

    name = models.CharField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    is_default = models.BooleanField(default=False)

    AUDITED = ["name", "description", "position"]

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "factor categories"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def next_position(cls) -> int:
        return (cls.objects.aggregate(top=Max("position"))["top"] or 0) + 10

    @property
    def in_use(self) -> bool:
        return self.factors.exists()


class ContributingFactor(Versioned, Audited):
    """A condition that helped the incident happen; an incident has many, none is "the" cause."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="factors")
    # PROTECT: a category in use cannot disappear from under its factors.
    category = models.ForeignKey(FactorCategory, on_delete=models.PROTECT, related_name="factors")
    description = models.TextField()
    events = models.ManyToManyField(TimelineEvent, blank=True, related_name="factors")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    position = models.PositiveIntegerField(default=0)

    AUDITED = ["category", "description", "events"]

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        text = " ".join(self.description.split())
        return f"{self.category}: {text[:60]}{'…' if len(text) > 60 else ''}"

    def get_absolute_url(self) -> str:
        return reverse("actions:incident", args=[self.incident_id]) + f"#factor-{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding and not self.position:
            top = ContributingFactor.objects.filter(incident_id=self.incident_id).aggregate(
                top=Max("position")
            )["top"]
            self.position = (top or 0) + 1
        super().save(*args, **kwargs)


# -- Action items ------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _try_harder(text: str, names: Roster) -> tuple[Finding, ...]:
    # Lists show many items and re-render them on every status change; the
    # analyzer is deterministic, so the same text gives the same findings.
    found = analyze(text, names=names, context="action_item")
    return tuple(f for f in found if f.category == Category.TRY_HARDER)


def try_harder_in(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """The analyzer's try_harder findings for one action-item text, such as a title."""
    if not text.strip():
        return []
    # Only the names that can stand in the text change its findings; keyed by
    # those, the cache serves the same words on every incident.
    return list(_try_harder(text, findings.relevant_roster(text, names)))


@lru_cache(maxsize=4096)
def _blocking(text: str, names: Roster) -> tuple[Finding, ...]:
    findings = analyze(text, names=names, context="document")
    return tuple(f for f in findings if blocks(f))


def factor_hints_in(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Findings in a factor's description that would hold up publishing its review.

    The same rule as the readiness check (readiness.blocks), so the hint
    beside the field and the gap before publishing never disagree.
    """
    if not text.strip():
        return []
    return list(_blocking(text, as_roster(names)))


# Which hints each form's live check gives, by what the form edits.
HINTS = {"item": try_harder_in, "factor": factor_hints_in}


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ActionItemQuerySet:
        """Items of incidents the user may see: the only way lists, counts and the API get them."""
        return self.filter(on_visible_incident(user))

    def visible_in_order_to(self, user: Any) -> ActionItemQuerySet:
        """visible_to(user) for a long list read in its order and cut to a page or streamed.

        The same rows, in the query shape each engine walks fastest
        (access.on_visible_incident_in_order).
        """
        return self.filter(on_visible_incident_in_order(user))

    def open(self) -> ActionItemQuerySet:
        return self.filter(status__in=ActionItem.OPEN_STATUSES)

    def overdue(self, today: date | None = None) -> ActionItemQuerySet:
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def due_by(self, day: date) -> ActionItemQuerySet:
        """Open items due on or before `day`, overdue ones included."""
        return self.open().filter(due_date__lte=day)

    def by_due_date(self) -> ActionItemQuerySet:
        # Undated items last: they are the ones most likely forgotten, but a
        # date is what makes an item urgent.
        return self.order_by(F("due_date").asc(nulls_last=True), "priority", "id")


class ActionItem(Versioned, Audited):
    """A follow-up to an incident, owned by one person, tracked until done or dropped."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        WONT_DO = "wont_do", "Won't do"

    class Priority(models.TextChoices):
        P1 = "p1", "P1 · urgent"
        P2 = "p2", "P2 · high"
        P3 = "p3", "P3 · medium"
        P4 = "p4", "P4 · low"

    class Kind(models.TextChoices):
        PREVENT = "prevent", "Prevent"
        DETECT = "detect", "Detect"
        MITIGATE = "mitigate", "Mitigate"
        PROCESS = "process", "Process"
        LEARN = "learn", "Learn"

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    due_date = models.DateField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    priority = models.CharField(max_length=2, choices=Priority.choices, default=Priority.P3)
    kind = models.CharField(
        "type", max_length=20, choices=Kind.choices, default=Kind.PREVENT, db_index=True
    )
    factors = models.ManyToManyField(ContributingFactor, blank=True, related_name="action_items")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Set by `unblame remind` when the owner's digest included this item.
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    # The try-harder findings of the title and description, under a key naming
    # the analyzer and the roster names they depend on (actions.findings).
    stored_findings = models.JSONField(null=True, blank=True, editable=False)

    objects = ActionItemQuerySet.as_manager()

    AUDITED = [
        "title",
        "description",
        "owner",
        "due_date",
        "status",
        "priority",
        "kind",
        "factors",
    ]

    class Meta:
        ordering = [F("due_date").asc(nulls_last=True), "priority", "id"]
        indexes = [
            # /actions/ lists open items by due date; without it every item was read.
            models.Index(fields=["status", "due_date", "priority"], name="action_item_open_by_due"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:incident", args=[self.incident_id]) + f"#item-{self.pk}"

    def record_creation(self, actor: Any) -> None:
        super().record_creation(actor)
        self._email_owner(actor)

    def record_edit(self, actor: Any, before: dict[str, Any]) -> list[str]:
        changed = super().record_edit(actor, before)
        if "owner" in changed:
            self._email_owner(actor)
        return changed

    def _email_owner(self, actor: Any) -> None:
        """Tell a new owner the item is theirs, unless they gave it to themselves."""
        from unblame.accounts.notify import email_person, link

        if self.owner is None or self.owner == actor:
            return
        due = f", due {self.due_date:%d %b %Y}" if self.due_date else ""
        body = (
            f"{actor or 'Someone'} assigned you an action item on incident "
            f"#{self.incident_id}{due}:\n\n{self.title}\n\n{link(self.get_absolute_url())}\n\n"
            f"Turn these emails off in your settings: {link('/account/')}\n"
        )
        email_person(self.owner, "assigned", f"Action item assigned to you: {self.title}", body)

    def clean(self) -> None:
        # The one range every stored date lies in (incidents/dates.py).
        if self.due_date is not None:
            try:
                check_day(self.due_date, "the due date")
            except DateOutOfRange as exc:
                raise ValidationError({"due_date": str(exc)}) from None

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._sync_closed_at()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(findings.FIELDS) & set(update_fields):
            self.refresh_stored_findings()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "stored_findings"}
        super().save(*args, **kwargs)

    def _sync_closed_at(self) -> None:
        if self.is_open:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()

    # State ------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        """Open and due before today, today being the active zone's (the viewer's in a request)."""
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    def is_due_by(self, day: date) -> bool:
        return self.is_open and self.due_date is not None and self.due_date <= day

    def set_status(self, status: str, actor: Any) -> bool:
        """Move to a status, auditing it; returns False when it already had that status."""
        if status not in self.Status.values:
            raise ValueError(f"unknown action item status {status!r}")
        if status == self.status:
            self.ensure_current()
            return False
        with transaction.atomic():
            before = {"status": self.status}
            self.status = status
            self.save(update_fields=["status", "closed_at", "updated_at"])
            record_change(actor, self, "status", before, {"status": status})
        return True

    # The action hierarchy -------------------------------------------------------------------

    def roster(self) -> Roster:
        """Names the analyzer should read as people: the one roster of the item's incident."""
        return roster(self.incident)

    def refresh_stored_findings(self) -> bool:
        """Make `stored_findings` those of today's text and roster; True when they were stale.

        Stale findings are analysed again here and left for the caller to
        save (the item's own save, or findings.prepare for a list).
        """
        names = self.roster()
        key = findings.key_for(self.title, self.description, names)
        if self.stored_findings and self.stored_findings.get("key") == key:
            return False
        by_field = {name: try_harder_in(getattr(self, name), names) for name in findings.FIELDS}
        self.stored_findings = findings.stored(key, by_field)
        return True

    def try_harder_by_field(self) -> dict[str, list[Finding]]:
        """Findings per field ("title", "description"); offsets are within that field.

        What the analyzer gives for the text and the incident's roster today,
        read from `stored_findings` when those are current.
        """
        self.refresh_stored_findings()
        return findings.read(self.stored_findings or {})

    def try_harder_findings(self) -> list[Finding]:
        """The analyzer's try_harder findings: title first, then description.

        These are remedies that rely on people being more careful, trained or
        reminded; the RCA² action hierarchy counts them as weak actions.
        """
        by_field = self.try_harder_by_field()
        return by_field["title"] + by_field["description"]

    def try_harder_dicts(self) -> list[dict[str, Any]]:
        """try_harder_findings() as Finding.to_dict gives them: title first, then description.

        Read straight from the stored JSON once it is current, for output that
        is JSON anyway (the API): no Finding is built only to be turned back.
        """
        self.refresh_stored_findings()
        stored = self.stored_findings or {}
        return [*stored.get("title", []), *stored.get("description", [])]

    def factor_ids(self) -> list[int]:
        """Its factors' ids in their order; from link_factor_ids when a list has set them."""
        linked = getattr(self, "linked_factor_ids", None)
        if linked is not None:
            return linked
        return [factor.pk for factor in self.factors.all()]

    @property
    def changes_the_system(self) -> bool:
        """True for an item that changes the system rather than asking people to try harder.

        Learning items (write a runbook, run a game day) are worthwhile but do
        not change the system by themselves, so they never count.
        """
        if self.kind == ActionItem.Kind.LEARN:
            return False
        return not self.try_harder_dicts()


def changes_system(kind: str, title: str, description: str, names: Any = ()) -> bool:
    """The rule behind ActionItem.changes_the_system, for items read as plain values.

    Insights counts thousands of items grouped by their words, without
    loading each one; the same rule keeps its share equal to the pages'.
    """
    if kind == ActionItem.Kind.LEARN:
        return False
    return not (try_harder_in(title, names) or try_harder_in(description, names))


@dataclass(frozen=True)
class ActionSummary:
    """Counts for one incident's follow-up, as the review and the incident page show them.

    Items marked won't do are left out of `considered` and the share: a
    dropped item is no longer part of the follow-up.
    """

    factors: int
    items: int
    open: int
    overdue: int
    done: int
    considered: int
    changing_system: int

    @property
    def system_share(self) -> float | None:
        """Share of considered items that change the system, or None when there are none."""
        return self.changing_system / self.considered if self.considered else None

    @property
    def system_percent(self) -> int | None:
        share = self.system_share
        return None if share is None else round(share * 100)

    @classmethod
    def of(cls, incident: Incident, items: list[ActionItem] | None = None) -> ActionSummary:
        """The summary for an incident; pass its items when they are already loaded."""
        if items is None:
            items = list(incident_items(incident))
        considered = [item for item in items if item.status != ActionItem.Status.WONT_DO]
        return cls(
            factors=incident.factors.count(),
            items=len(items),
            open=sum(1 for item in items if item.is_open),
            overdue=sum(1 for item in items if item.is_overdue),
            done=sum(1 for item in items if item.status == ActionItem.Status.DONE),
            considered=len(considered),
            changing_system=sum(1 for item in considered if item.changes_the_system),
        )


def link_factor_ids(items: Iterable[ActionItem]) -> None:
    """Give each item its factors' ids (ActionItem.factor_ids) from one query on the link table.

    Prefetching the factors built a factor and a related manager per row of
    an API page (100 rows) only to read their ids.
    """
    by_item = {item.pk: item for item in items}
    for item in by_item.values():
        item.linked_factor_ids = []
    links = ActionItem.factors.through.objects.filter(actionitem_id__in=list(by_item))
    # The factors' own order (Meta.ordering), as factors.all() gives them.
    links = links.order_by("contributingfactor__position", "contributingfactor_id")
    for item_id, factor_id in links.values_list("actionitem_id", "contributingfactor_id"):
        by_item[item_id].linked_factor_ids.append(factor_id)


def incident_items(incident: Incident) -> ActionItemQuerySet:
    """An incident's items with what their rows and analyzer checks need, in due-date order."""
    return (
        incident.action_items.select_related("owner", "incident")
        .prefetch_related("factors__category")
        .by_due_date()
    )


def incident_factors(incident: Incident) -> models.QuerySet[ContributingFactor]:
    return incident.factors.select_related("category", "created_by").prefetch_related(
        "events", "action_items"
    )


class DueEmail(models.Model):
    """That an item's owner was emailed about it falling due on this date, so it goes once.

    Keyed by the due date too: an item whose due date moves falls due again.
    """

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "due_date"], name="unique_due_email")
        ]

    def __str__(self) -> str:
        return f"Due email for item {self.item_id} due {self.due_date}"


class FindingsRefresh(models.Model):
    """One analyzer's refresh of every action item's stored findings (actions.refresh).

    A row is made when the refresh is first queued for that analyzer digest;
    it keeps where the refresh stands (`phase`, `after`), so a server stopped
    in the middle carries on from there at its next start, and `finished_at`
    once every item was checked, so a server started again queues none.
    """

    analyzer = models.CharField(max_length=32, unique=True)
    queued_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Where the refresh stands: open items (0) or the rest (1), and the last key checked.
    phase = models.PositiveSmallIntegerField(default=0)
    after = models.BigIntegerField(default=0)
    checked = models.PositiveIntegerField(default=0)
    # Items whose findings were written (stale ones; current ones are only read).
    refreshed = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        state = f"finished {self.finished_at:%Y-%m-%d %H:%M}" if self.finished_at else "unfinished"
        return f"Findings refresh for analyzer {self.analyzer}, {state}"
