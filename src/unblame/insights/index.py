"""Keeping the search index in step with the text it mirrors.

Each kind of searchable thing is described once, as a `Source`: which rows,
which incident, which title and body. Indexing one object and rebuilding
the whole index run the same description as one INSERT … SELECT, so the
two can never disagree about what a row holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db import connection, models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Cast

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, TimelineEvent
from unblame.insights.models import SearchEntry
from unblame.reviews.models import Comment, ReviewSection, SectionVersion

Kind = SearchEntry.Kind
COLUMNS = ("incident_id", "kind", "object_id", "anchor", "title", "body")


def _text(value: str) -> Value:
    return Value(value, output_field=models.TextField())


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[models.Model]
    incident: str
    title: Any
    body: str
    anchor: Any = field(default_factory=lambda: _text(""))
    # Rows that are not indexed: unblame's own timeline entries repeat
    # recorded facts ("Summary updated."), an empty section has nothing to find.
    skip: Q = field(default_factory=Q)

    def rows(self, **lookup: Any) -> models.QuerySet:
        """The index rows for the matching objects, as a values() queryset in COLUMNS order."""
        objects = self.model._default_manager.filter(**lookup).exclude(self.skip)
        return objects.order_by().values_list(
            F(self.incident),
            _text(self.kind),
            F("pk"),
            Cast(self.anchor, models.TextField()),
            Cast(self.title, models.TextField()),
            F(self.body),
        )


SOURCES: dict[str, Source] = {
    source.kind: source
    for source in (
        Source(Kind.INCIDENT, Incident, "pk", F("title"), "summary"),
        Source(
            Kind.EVENT,
            TimelineEvent,
            "incident_id",
            _text(""),
            "text",
            skip=Q(source=TimelineEvent.SYSTEM_SOURCE),
        ),
        Source(
            Kind.SECTION,
            ReviewSection,
            "review__incident_id",
            F("title"),
            "body",
            anchor=F("key"),
            skip=Q(body=""),
        ),
        Source(Kind.FACTOR, ContributingFactor, "incident_id", F("category__name"), "description"),
        Source(Kind.ACTION_ITEM, ActionItem, "incident_id", F("title"), "description"),
        Source(Kind.COMMENT, Comment, "section__review__incident_id", _text(""), "body"),
    )
}
BY_MODEL: dict[type[models.Model], Source] = {source.model: source for source in SOURCES.values()}


def _insert(source: Source, **lookup: Any) -> None:
    sql, params = source.rows(**lookup).query.sql_with_params()
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({', '.join(COLUMNS)}) {sql}", params)


def refresh(model: type[models.Model], pks: Iterable[int]) -> None:
    """Write the index rows of these objects again (none for those gone or skipped)."""
    source = BY_MODEL[model]
    pks = list(pks)
    if not pks:
        return
    with transaction.atomic():
        SearchEntry.objects.filter(kind=source.kind, object_id__in=pks).delete()
        _insert(source, pk__in=pks)


def remove(model: type[models.Model], pks: Iterable[int]) -> None:
    SearchEntry.objects.filter(kind=BY_MODEL[model].kind, object_id__in=list(pks)).delete()


def refresh_category(category: FactorCategory) -> None:
    """A renamed category is the title of every factor filed under it."""
    source = SOURCES[Kind.FACTOR]
    with transaction.atomic():
        factors = ContributingFactor.objects.filter(category=category).values("pk")
        SearchEntry.objects.filter(kind=source.kind, object_id__in=factors).delete()
        _insert(source, category=category)


def refresh_section_of(version: SectionVersion) -> None:
    # Sections change through a conditional UPDATE (ReviewSection.save_body),
    # which sends no signal; every change leaves a version, which does.
    refresh(ReviewSection, [version.section_id])


def rebuild() -> dict[str, int]:
    """Empty the index and write every row again; returns the row count per kind."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        _insert_in_incident_order()
        _optimize()
    counts = SearchEntry.objects.values_list("kind").annotate(n=models.Count("id"))
    return dict.fromkeys(SOURCES, 0) | dict(counts)


def _insert_in_incident_order() -> None:
    """Every source's rows in one INSERT, ordered by incident, so ids follow incidents.

    Search ranks a common word among its newest texts by id; one INSERT per
    kind gave every action item a higher id than any review section, and
    "newest" meant "action items".
    """
    parts = [source.rows().query.sql_with_params() for source in SOURCES.values()]
    union = " UNION ALL ".join(sql for sql, _ in parts)
    params = [param for _, part_params in parts for param in part_params]
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(COLUMNS)})"
            f" SELECT * FROM ({union}) AS found ORDER BY 1, 2, 3",
            params,
        )


def _optimize() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO insights_search_fts(insights_search_fts) VALUES ('optimize')"
            )
        else:
            # Search places its window by the planner's estimates (insights.search),
            # which must know of the rows just written.
            cursor.execute("ANALYZE insights_searchentry")


@cache
def indexed_models() -> tuple[type[models.Model], ...]:
    return tuple(BY_MODEL)
