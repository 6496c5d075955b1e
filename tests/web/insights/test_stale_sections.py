"""Which review sections need counting: `writing.stale_sections`, its rows and its shape.

Every save of an incident or a review section asks it for that incident's
sections. Said as "not among the current counts", it listed every current
count first: 0.75 s on PostgreSQL and 0.15 s of CPU on SQLite per save at
100,000 incidents. Each section now looks up its own counts.
"""

from __future__ import annotations

import pytest
from django.db import connection

from unblame.insights.models import SectionFigures
from unblame.insights.writing import count_missing, stale_sections
from unblame.reviews.models import ReviewSection
from unblame.reviews.services import draft_review

from .conftest import write


@pytest.fixture
def sections(incident, restricted, editor):
    """Two sections with text, one per incident, the second left uncounted."""
    first = write(draft_review(incident, editor), "impact", "The queue backed up.", editor)
    second = write(draft_review(restricted, editor), "impact", "The cache went cold.", editor)
    return first, second


def _stale(*sections) -> set[int]:
    chosen = ReviewSection.objects.filter(pk__in=[s.pk for s in sections])
    return set(stale_sections(chosen).values_list("pk", flat=True))


def test_a_section_without_counts_is_stale_and_counted_it_is_not(sections):
    first, second = sections
    SectionFigures.objects.all().delete()
    assert _stale(first, second) == {first.pk, second.pk}
    count_missing(ReviewSection.objects.filter(pk=first.pk), limit=None)
    assert _stale(first, second) == {second.pk}


def test_counts_of_an_older_version_leave_the_section_stale(sections, editor):
    first, _ = sections
    count_missing(ReviewSection.objects.filter(pk=first.pk), limit=None)
    assert _stale(first) == set()
    newer = write(first.review, "impact", "The queue backed up for an hour.", editor)
    assert newer.version > first.version
    assert _stale(newer) == {newer.pk}
    count_missing(ReviewSection.objects.filter(pk=newer.pk), limit=None)
    assert SectionFigures.objects.get(section=newer).version == newer.version
    assert _stale(newer) == set()


def test_another_sections_counts_at_the_same_version_do_not_count_for_it(sections):
    first, second = sections
    SectionFigures.objects.all().delete()
    count_missing(ReviewSection.objects.filter(pk=first.pk), limit=None)
    ReviewSection.objects.filter(pk=second.pk).update(version=first.version)
    # The lookup is by the section's own key, not by any counts of its version.
    assert _stale(first, second) == {second.pk}


def test_sqlite_looks_up_each_sections_counts_by_its_key(sections):
    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL picks by its statistics")
    first, _ = sections
    sql, params = stale_sections(ReviewSection.objects.filter(pk=first.pk)).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    # Never every count listed first ("SCAN" of the table, or a LIST SUBQUERY of it).
    assert "SEARCH U0 USING INDEX" in plan or "SEARCH insights_sectionfigures" in plan, plan
    assert "SCAN U0" not in plan and "LIST SUBQUERY" not in plan, plan
