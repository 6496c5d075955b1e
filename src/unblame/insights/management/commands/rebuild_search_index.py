"""`unblame manage rebuild_search_index`: write the whole search index again from the records."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from unblame.insights import index
from unblame.insights.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rebuild the search index from incidents, timelines, reviews, factors, action items "
        "and comments (after a restore, or rows written around unblame)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = index.rebuild()
        labels = dict(SearchEntry.Kind.choices)
        for kind, count in counts.items():
            self.stdout.write(f"{labels[kind]}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(counts.values())} texts."))
