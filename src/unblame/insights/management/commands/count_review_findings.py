"""`unblame manage count_review_findings`: count the findings of every published review section now.

The writing report counts a few hundred new sections per page view; after
an import of many reviews this does the rest in one go.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from unblame.insights.writing import count_all


class Command(BaseCommand):
    help = "Count the analyzer's findings in published review sections not counted yet."

    def handle(self, *args: Any, **options: Any) -> None:
        todo = count_all()
        self.stdout.write(self.style.SUCCESS(f"Counted {todo} section(s)."))
