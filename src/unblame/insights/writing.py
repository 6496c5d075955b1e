"""How blameless the writing is: findings per 1,000 words in published reviews.

The analyzer reads each section's text once per version and the counts are
kept (SectionFigures), counted when a review is published or its published
text changes (insights.rollups, which sums them per review into
ReviewFacts); the report sums those rows in the database. Identical texts
are read once per process (`_figures_of`, keyed by the text's hash), which
is what makes a history of templated reviews cheap.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum

from unblame.accounts.roster import roster
from unblame.insights.charts import Block, Chart, Series, Table, cells
from unblame.insights.models import ReviewFacts, SectionFigures
from unblame.insights.scope import Scope, month_key, month_of, month_range
from unblame.language import Category
from unblame.reviews.analysis import analyze, context_for, count_by_category
from unblame.reviews.models import (
    ReviewSection,
    ReviewState,
    SectionVersion,
)
from unblame.reviews.summary import COLOURS, LABELS

CATEGORIES = [category.value for category in Category]
BLAME = [category.value for category in Category if category.is_blame]
WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _figures_of(digest: str, text: str, key: str) -> tuple[int, dict[str, int]]:
    # `digest` keys the cache; the text rides along for the analyzer.
    del digest
    counts = count_by_category(analyze(text, names=roster(), context=context_for(key)))
    return len(WORD_RE.findall(text)), counts


def figures_of(text: str, key: str) -> tuple[int, dict[str, int]]:
    """(words, findings per category) for a section's text, read as the section `key`."""
    digest = hashlib.sha256(f"{key}\0{text}".encode()).hexdigest()
    return _figures_of(digest, text, key)


def figures_for(
    pk: int, key: str, body: str, version: int, first_body: str | None
) -> SectionFigures:
    """The counts of a section's text (and of its first version's blame, for `rewritten`)."""
    words, counts = figures_of(body, key)
    first_blame = sum(figures_of(first_body, key)[1][c] for c in BLAME) if first_body else 0
    blame = sum(counts[c] for c in BLAME)
    rewritten = max(first_blame - blame, 0)
    return SectionFigures(
        section_id=pk, version=version, words=words, rewritten=rewritten, **counts
    )


FIGURE_FIELDS = ["version", "words", "rewritten", *CATEGORIES]


def stale_sections(sections):
    """Sections with no counts, or counts of an older version.

    Each section looks up its own counts (NOT EXISTS, by the unique section
    key). Said as "not among the current counts", both engines listed every
    current count first: every save of an incident or a review section paid
    it, 0.75 s on PostgreSQL and 0.15 s of CPU on SQLite at 100,000
    incidents, and over every published section PostgreSQL, the list too
    large to hash, read it again for each section (stopped after minutes).
    """
    current = SectionFigures.objects.filter(section=OuterRef("pk"), version=OuterRef("version"))
    return sections.exclude(Exists(current))


def count_missing(sections, limit: int | None = None, batch: int = 2000) -> None:
    """Count up to `limit` stale sections (all of them with None), a batch per query."""
    first = SectionVersion.objects.filter(section=OuterRef("pk")).order_by("version")
    stale = (
        stale_sections(sections)
        .order_by("pk")
        .annotate(first_body=Subquery(first.values("body")[:1]))
    )
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        rows = list(stale.values_list("pk", "key", "body", "version", "first_body")[:size])
        if not rows:
            return
        SectionFigures.objects.bulk_create(
            [figures_for(*row) for row in rows],
            update_conflicts=True,
            unique_fields=["section"],
            update_fields=FIGURE_FIELDS,
        )
        done += len(rows)


def count_all() -> int:
    """Count every published section not counted yet, and sum them into ReviewFacts.

    For bulk writes, which send no signals (an import, rows written around
    unblame): the writing report reads only what the rollups hold. Returns
    how many sections were counted.
    """
    from unblame.insights import cache, rollups

    sections = ReviewSection.objects.filter(review__state=ReviewState.PUBLISHED).exclude(body="")
    stale = stale_sections(sections)
    incidents = set(stale.values_list("review__incident_id", flat=True))
    if incidents:
        todo = stale.count()
        rollups.refresh(incidents, [ReviewFacts])  # which counts them first
        cache.changed()
        return todo
    return 0


def writing(scope: Scope) -> list[Block]:
    """The writing report's blocks, from each published review's summed counts (ReviewFacts)."""
    by_month = _by_month(scope.rollup(ReviewFacts))
    return [
        _per_thousand(scope, by_month),
        _rewritten(scope, by_month),
        _clean_share(scope, by_month),
    ]


def _by_month(reviews) -> dict[str, dict[str, int]]:
    """Per month: words, findings per category, rewritten, acknowledged, reviews, clean ones.

    One grouped query over one row per published review for all three
    blocks (the sections' counts summed on every view took 0.9 to 1.4 s at
    100,000 incidents).
    """
    sums = {c: Sum(c) for c in [*CATEGORIES, "words", "rewritten", "acknowledged"]}
    rows = (
        reviews.annotate(month=month_of("declared_at"))
        .values("month")
        .annotate(reviews=Count("pk"), clean=Count("pk", filter=Q(blame=0)), **sums)
    )
    return {month_key(row.pop("month")): row for row in rows}


def _per_thousand(scope: Scope, by_month: dict[str, dict[str, int]]) -> Block:
    months = month_range(by_month)

    def rate(month: str, category: str) -> float:
        row = by_month.get(month)
        if not row or not row["words"]:
            return 0.0
        return round(1000 * (row[category] or 0) / row["words"], 2)

    chart = Chart(
        "Findings per 1,000 words in published reviews, by month and category",
        "Stacked bars: for the published reviews of each month's incidents, the analyzer's "
        "findings per 1,000 words, one colour per category.",
        months,
        [
            Series(LABELS[Category(c)], [rate(m, c) for m in months], COLOURS[Category(c)])
            for c in CATEGORIES
        ],
        "per 1,000 words",
        links=[scope.drill(month=m, review="published") for m in months],
        id="writing-rate",
    )
    table = Table(
        ["Month", "Words", *(LABELS[Category(c)] for c in CATEGORIES)],
        [
            cells(
                m,
                (by_month.get(m) or {}).get("words") or 0,
                *(rate(m, c) for c in CATEGORIES),
                links=[scope.drill(month=m, review="published")],
            )
            for m in months
        ],
        caption="Findings per 1,000 words",
    )
    return Block(
        "per-thousand-words",
        "Findings per 1,000 words",
        "Blame of others and of oneself, counterfactuals, “human error” and “try harder” "
        "count as blame; root-cause and hindsight findings are style advice.",
        table,
        chart,
    )


def _rewritten(scope: Scope, months_of: dict[str, dict[str, int]]) -> Block:
    by_month = {month: row["rewritten"] for month, row in months_of.items()}
    acked = {month: row["acknowledged"] for month, row in months_of.items()}
    months = month_range(by_month)
    chart = Chart(
        "Blame findings rewritten and acknowledged, by month",
        "Bars side by side in time: blame findings of first drafts that were gone at "
        "publication (rewritten), and findings kept with a stated reason (acknowledged).",
        months,
        [
            Series("Rewritten", [by_month.get(m, 0) for m in months], "#009e73"),
            Series("Acknowledged", [acked.get(m, 0) for m in months], "#e69f00"),
        ],
        "findings",
        links=[scope.drill(month=m, review="published") for m in months],
        id="writing-rewritten",
    )
    table = Table(
        ["Month", "Rewritten", "Acknowledged"],
        [cells(m, by_month.get(m, 0), acked.get(m, 0)) for m in months],
    )
    return Block(
        "rewritten",
        "Rewritten or acknowledged",
        "Rewritten counts blame findings of each section's first version that its published "
        "text no longer has.",
        table,
        chart,
    )


def _clean_share(scope: Scope, by_month: dict[str, dict[str, int]]) -> Block:
    totals = {month: [row["reviews"], row["clean"]] for month, row in by_month.items()}
    months = month_range(totals)
    shares = [
        round(100 * totals[m][1] / totals[m][0], 1) if totals.get(m, [0])[0] else None
        for m in months
    ]
    chart = Chart(
        "Share of published reviews with no blame findings, by month",
        "One line: the percentage of each month's published reviews whose text has no "
        "blame finding at all.",
        months,
        [Series("Published with none", shares, "#009e73")],
        "%",
        kind="line",
        links=[scope.drill(month=m, review="published") for m in months],
        id="writing-clean",
    )
    table = Table(
        ["Month", "Published reviews", "With no blame findings", "Share %"],
        [cells(m, *totals[m], s) for m, s in zip(months, shares, strict=True) if m in totals],
    )
    return Block("clean", "Published with none", "", table, chart)
