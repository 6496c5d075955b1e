"""`unblame manage rebuild_insights`: write every insights rollup again from the records."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from unblame.cli.demo import ProgressBar
from unblame.insights import rollups


class Command(BaseCommand):
    help = (
        "Rebuild the rollups the insights reports read (after a bulk import, a restore, "
        "fixtures or rows written around unblame); counts uncounted review sections too."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        bar = None if options["quiet"] else ProgressBar(time.monotonic())
        counts = rollups.rebuild(progress=bar)
        if bar:
            self.stderr.write("")
        for table, count in counts.items():
            self.stdout.write(f"{table}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Wrote {sum(counts.values())} rollup rows."))
