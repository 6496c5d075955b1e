"""Keeping the rollup tables (insights.models.Rollup) in step with what they mirror.

Each table is written by one builder that reads its rows for a set of
incidents with the same SQL expressions the reports used to read live
(`Minutes`, the out-of-hours CASE, `changes_system`), so a row holds what
the live computation gave. Refreshing some incidents after a save and
rebuilding everything run the same builders: the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from unblame.accounts import roster as roster_module
from unblame.actions.models import ActionItem, ContributingFactor, changes_system
from unblame.incidents.models import Incident, Responder, Status
from unblame.insights import digest, hours
from unblame.insights.models import (
    FactorFacts,
    IncidentFacts,
    ItemFacts,
    ResponderFacts,
    ReviewFacts,
    Rollup,
    SectionFigures,
)
from unblame.insights.sql import Minutes
from unblame.language.names import Roster

# Incidents read per batch when rebuilding (a few thousand rows per table).
BATCH = 2000
Incidents = dict[int, dict[str, Any]]


def _live(ids: Iterable[int]) -> Incidents:
    """The live incidents among `ids`, with the columns every rollup row copies."""
    rows = Incident.objects.filter(pk__in=list(ids)).values(
        "pk", "declared_at", "severity_id", "restricted", "status"
    )
    return {row["pk"]: row for row in rows}


def _copied(incident: dict[str, Any]) -> dict[str, Any]:
    return {
        "incident_id": incident["pk"],
        "declared_at": incident["declared_at"],
        "severity_id": incident["severity_id"],
        "restricted": incident["restricted"],
    }


def _incident_facts(incidents: Incidents) -> list[IncidentFacts]:
    from unblame.insights.response import MEASURES

    durations = {m.slug: Minutes(m.start, m.end) for m in MEASURES}
    rows = (
        Incident.objects.filter(pk__in=list(incidents))
        .annotate(
            **durations,
            review_state=F("review__state"),
            to_publish=Minutes("resolved_at", "review__published_at"),
        )
        .values("pk", "resolved_at", "review_state", "to_publish", *durations)
    )
    from unblame.reviews.models import ReviewState

    made = []
    for row in rows:
        state = row["review_state"] or ""
        published = state == ReviewState.PUBLISHED
        made.append(
            IncidentFacts(
                **_copied(incidents[row["pk"]]),
                **{slug: row[slug] for slug in durations},
                resolved_at=row["resolved_at"],
                review_state=state,
                to_publish=row["to_publish"] if published else None,
            )
        )
    return made


def _responder_facts(incidents: Incidents) -> list[ResponderFacts]:
    from unblame.insights.reports import out_of_hours

    rows = (
        Responder.objects.filter(incident_id__in=list(incidents))
        .annotate(
            out=out_of_hours(), minutes=Minutes("incident__declared_at", "incident__resolved_at")
        )
        .values(
            "pk",
            "incident_id",
            "user_id",
            "role",
            "user__timezone",
            "out",
            "minutes",
            "incident__resolved_at",
        )
    )
    made = []
    for row in rows:
        incident = incidents[row["incident_id"]]
        # An incident resolved before it was declared (for its review) took no hours.
        minutes = row["minutes"] if row["minutes"] and row["minutes"] > 0 else None
        where = hours.zone(row["user__timezone"])
        made.append(
            ResponderFacts(
                **_copied(incident),
                responder_id=row["pk"],
                user_id=row["user_id"],
                commander=row["role"] == Responder.Role.INCIDENT_COMMANDER,
                minutes=minutes,
                out_of_hours=bool(row["out"]),
                out_minutes=hours.out_of_hours_minutes(
                    minutes, incident["declared_at"], row["incident__resolved_at"], where
                ),
                zone=row["user__timezone"],
            )
        )
    return made


def _change(kind: str, title: str, description: str, names: Roster) -> str:
    # The one roster, as the pages read the item (try_harder_in caches by the
    # names that can stand in the text, so templated words are read once).
    if kind == ActionItem.Kind.LEARN:
        return "learn"
    return "system" if changes_system(kind, title, description, names) else "try_harder"


_ITEM_COLUMNS = ("pk", "incident_id", "status", "kind", "title", "description", "owner_id")


def _item_facts(incidents: Incidents) -> list[ItemFacts]:
    rows = (
        ActionItem.objects.filter(incident_id__in=list(incidents))
        .order_by()
        .annotate(took=Minutes("created_at", "closed_at"))
        .values(*_ITEM_COLUMNS, "due_date", "took")
    )
    made = []
    with roster_module.cached_per_request():
        # Every incident's chat authors in one query, then each item's roster from the cache.
        roster_module.prime(list(incidents))
        for row in rows:
            made.append(_item_row(row, incidents))
    return made


def _item_row(row: dict[str, Any], incidents: Incidents) -> ItemFacts:
    incident = incidents[row["incident_id"]]
    status = row["status"]
    # An unsaved instance stands for the incident: roster() needs only its key.
    names = roster_module.roster(Incident(pk=row["incident_id"]))
    return ItemFacts(
        **_copied(incident),
        item_id=row["pk"],
        state=status,
        after_close=status in ActionItem.OPEN_STATUSES and incident["status"] == Status.CLOSED,
        change=_change(row["kind"], row["title"], row["description"], names),
        owner_id=row["owner_id"],
        due_date=row["due_date"],
        to_close=row["took"] if status == ActionItem.Status.DONE else None,
    )


def _factor_facts(incidents: Incidents) -> list[FactorFacts]:
    rows = ContributingFactor.objects.filter(incident_id__in=list(incidents)).values_list(
        "pk", "incident_id", "category_id"
    )
    return [
        FactorFacts(**_copied(incidents[incident]), factor_id=pk, category_id=category)
        for pk, incident, category in rows
    ]


def _review_facts(incidents: Incidents) -> list[ReviewFacts]:
    """Published reviews with counted sections: their sections' current counts summed.

    Sections not counted yet (or counted for an older version) are counted
    first, so a row never leaves out a section.
    """
    from unblame.insights.writing import BLAME, CATEGORIES, count_missing
    from unblame.reviews.models import FindingAcknowledgement, ReviewSection, ReviewState

    sections = ReviewSection.objects.filter(
        review__incident_id__in=list(incidents), review__state=ReviewState.PUBLISHED
    ).exclude(body="")
    count_missing(sections, limit=None)
    figures = SectionFigures.objects.filter(section__in=sections, version=F("section__version"))
    names = [*CATEGORIES, "words", "rewritten"]
    rows = list(
        figures.order_by()
        .values("section__review_id", "section__review__incident_id")
        .annotate(**{name: Sum(name) for name in names})
    )
    reviews = [row["section__review_id"] for row in rows]
    acks = FindingAcknowledgement.objects.filter(
        Q(section__review__in=reviews) | Q(review__in=reviews)
    ).order_by()
    acked = dict(
        acks.annotate(of=Coalesce("section__review_id", "review_id"))
        .values("of")
        .annotate(n=Count("id"))
        .values_list("of", "n")
    )
    return [
        ReviewFacts(
            **_copied(incidents[row["section__review__incident_id"]]),
            review_id=row["section__review_id"],
            **{name: row[name] or 0 for name in names},
            blame=sum(row[c] or 0 for c in BLAME),
            acknowledged=acked.get(row["section__review_id"], 0),
        )
        for row in rows
    ]


BUILDERS: dict[type[Rollup], Callable[[Incidents], list[Any]]] = {
    IncidentFacts: _incident_facts,
    ResponderFacts: _responder_facts,
    ItemFacts: _item_facts,
    FactorFacts: _factor_facts,
    ReviewFacts: _review_facts,
}
TABLES = tuple(BUILDERS)


def refresh(incident_ids: Iterable[int | None], tables: Iterable[type[Rollup]] = TABLES) -> None:
    """Write again the rows of these incidents in these tables (none for a trashed or gone one).

    Rows are replaced by incident and by their own key, so a row that moved
    to another incident (a merge moves items with an UPDATE) leaves its old
    incident's rows as it joins the new one's.
    """
    ids = {pk for pk in incident_ids if pk is not None}
    if not ids:
        return
    with transaction.atomic():
        _write(ids, tables)
        # Response times' kept minutes (SQLite): the groups these writes marked stale.
        digest.refresh_stale()


def _write(ids: set[int], tables: Iterable[type[Rollup]], batch_size: int | None = None) -> None:
    """Replace the rows of these incidents that changed, and drop those no longer built.

    Rows equal to what is stored are left alone: most saves change nothing a
    rollup holds, and a rewritten incident row marks response times' kept
    minutes stale (insights.digest) for the next refresh to write again.
    """
    live = _live(ids)
    for table in tables:
        rows = BUILDERS[table](live) if live else []
        fields = [field.attname for field in table._meta.concrete_fields]
        key = table._meta.pk.attname
        stored = table.objects.filter(Q(incident_id__in=ids) | Q(pk__in=[row.pk for row in rows]))
        current = {values[key]: values for values in stored.values(*fields)}
        changed = [row for row in rows if current.get(row.pk) != _values(row, fields)]
        gone = current.keys() - {row.pk for row in rows} | {row.pk for row in changed}
        if gone & current.keys():
            table.objects.filter(pk__in=gone & current.keys()).delete()
        table.objects.bulk_create(changed, batch_size=batch_size)


def _values(row: Any, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in fields}


def rebuild(progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Every rollup table written again from the records; returns the rows per table.

    For writes that send no signals (`unblame demo --incidents`, fixtures,
    rows written around unblame) and for databases from before rollups.

    Each batch of BATCH incidents is written and committed in its own
    transaction, as a refresh of those incidents would be, and `progress`
    is told after each: one transaction over 100,000 incidents held its
    locks and its writes for the whole rebuild (8 minutes on PostgreSQL).
    A reader in between sees every incident's rows whole, some as they
    were before and some rewritten, never a table emptied first. The rows
    of incidents gone or trashed since go last, with response times' kept
    minutes written once (SQLite; stale until then, so read live).
    """
    from unblame.insights import cache

    ids = list(Incident.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            _write(set(ids[start : start + BATCH]), TABLES, batch_size=1000)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    with transaction.atomic():
        live = Incident.objects.values("pk")
        for table in TABLES:
            table.objects.exclude(incident__in=live).delete()
        digest.mark_all()
        digest.refresh_stale()
    analyze()
    cache.changed()
    return {table.__name__: table.objects.count() for table in TABLES}


def analyze() -> None:
    """Fresh planner statistics for the rewritten tables on PostgreSQL (a no-op on SQLite).

    A rebuild deletes and writes every row. Left to autovacuum (off on some
    servers, minutes late on others), the planner took each table at the
    size it last saw (a dozen rows after `unblame demo --incidents`) and
    counts read the heap beside their covering index: at 100,000 incidents
    responder load's first view took 240-370 ms of CPU (Python's and the
    server's) instead of 120-150 ms. VACUUM also marks the pages
    all-visible; it cannot run in a transaction, where ANALYZE runs alone.
    """
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(
        connection.ops.quote_name(table._meta.db_table) for table in (*TABLES, SectionFigures)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {tables}")


def refresh_zone(user: Any) -> None:
    """Read a person's out of hours (declared and hours) again after their time zone changed.

    A no-op when it did not change.
    """
    stale = ResponderFacts.objects.filter(user=user).exclude(zone=user.timezone)
    incidents = set(stale.values_list("incident_id", flat=True))
    if incidents:
        refresh(incidents, [ResponderFacts])
