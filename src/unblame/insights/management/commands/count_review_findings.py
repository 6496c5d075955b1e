"""`unblame manage count_review_findings`: count the findings of every published review section now.

The writing report counts a few hundred new sections per page view; after
an import of many reviews this does the rest in one go.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from unblame.insights import cache
from unblame.insights.writing import count_missing, stale_sections
from unblame.reviews.models import ReviewSection, ReviewState


class Command(BaseCommand):
    help = "Count the analyzer's findings in published review sections not counted yet."

    def handle(self, *args: Any, **options: Any) -> None:
        sections = ReviewSection.objects.filter(review__state=ReviewState.PUBLISHED).exclude(
            body=""
        )
        todo = stale_sections(sections).count()
        count_missing(sections, limit=None)
        # Kept report results counted without these sections.
        cache.changed()
        self.stdout.write(self.style.SUCCESS(f"Counted {todo} section(s)."))
