"""How long insights, search and related incidents take at a chosen number of incidents.

    .venv/bin/python bench/insights.py --incidents 100000 [--data-dir DIR | --database-url URL]
        [--runs 30] [--only NAME,...] [--rebuild] [--rollups] [--uncached N]

The same database, clients and timing as bench/pages.py (whose functions it
uses): generated history up to --incidents, an admin and a viewer who
responds to a few restricted incidents, each request once cold and --runs
times warm, p50 and p95, and the ratio of p50 to a bare page (GET /healthz)
timed in the same run. --rebuild times `rebuild_search_index` first,
--rollups `rebuild_insights` (the rollups the reports read; a database
from before them gets them written, timed, whether asked or not).
--uncached N views each report N more times with its kept result dropped
first (as any save does), printing the p50 and worst wall-clock time and the
p50 CPU time (bench/pages.py's cpu column: this process's, plus on
PostgreSQL the server process's): a first view without the process's own
warm-up in it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # the sibling script, importable once its folder is on the path

REPORTS = ("factors", "response", "follow-through", "writing", "load", "reviews")
DRILL_TEAM_OVERDUE = "/insights/incidents/?items=overdue&owner_team=payments"


def targets(incident_id: int, month: str) -> list[pages.Target]:
    found = [pages.Target(pages.BARE, "/healthz")]
    for who in ("admin", "viewer"):
        found += [pages.Target(f"insights {r}, {who}", f"/insights/{r}/", who) for r in REPORTS]
    found += [
        pages.Target("insights CSV factors by month", "/insights/factors/by-month.csv", "viewer"),
        pages.Target("insights response, one service", "/insights/response/?service=1", "viewer"),
        pages.Target("drill-down of a month", f"/insights/incidents/?month={month}", "viewer"),
        # The factors report's category links and follow-through's overdue bars (each
        # took SQLite 28 s and 68 s at 30,000 incidents before 2026-11-30).
        pages.Target("drill-down of a category", "/insights/incidents/?category=1", "viewer"),
        pages.Target("drill-down of a team's overdue", DRILL_TEAM_OVERDUE, "viewer"),
        pages.Target("search common word, viewer", "/search/?q=rollback", "viewer"),
        pages.Target("search two words, viewer", "/search/?q=certificate+expired", "viewer"),
        pages.Target("search page 5, viewer", "/search/?q=deploy&page=5", "viewer"),
        pages.Target("search factors only, viewer", "/search/?q=config&kind=factor", "viewer"),
        pages.Target("search no hit, viewer", "/search/?q=zzyzx", "viewer"),
        pages.Target("search common word, admin", "/search/?q=rollback", "admin"),
        pages.Target("incident page (related), viewer", f"/incidents/{incident_id}/", "viewer"),
        pages.Target(
            "review page (related), viewer", f"/incidents/{incident_id}/review/", "viewer"
        ),
    ]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.database_url:
        os.environ["UNBLAME_DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("UNBLAME_DATABASE_URL", None)
        os.environ["UNBLAME_DATA_DIR"] = str(Path(args.data_dir).resolve())
    from unblame.server import serve

    serve.setup_django()
    serve.migrate(open(os.devnull, "w"))  # noqa: SIM115 - quiet for the process's life
    from django.conf import settings
    from django.db import connection

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    pages.fill(args.incidents)
    index(args.rebuild)
    rollups(args.rollups)
    clients = {"admin": pages.client_for("bench-admin", "admin"), "viewer": pages.viewer_client()}
    print(f"{connection.vendor}, {pages.count_incidents():,} incidents, {args.runs} warm runs each")
    only = set(filter(None, args.only.split(",")))
    results = []
    incident_id, month = reviewed_incident()
    for target in targets(incident_id, month):
        if only and target.name != pages.BARE and not any(word in target.name for word in only):
            continue
        timing = pages.measure(clients[target.who], target, args.runs)
        results.append(timing)
        pages.report_line(timing, results[0])
        if args.uncached and target.name.startswith("insights "):
            uncached(clients[target.who], target, args.uncached)
    return 0


def uncached(client, target: pages.Target, runs: int) -> None:
    """Time `runs` views of a report, each with every kept report result dropped first."""
    from unblame.insights import cache

    walls, cpus = [], []
    for _ in range(runs):
        cache.changed()
        started, cpu = time.perf_counter(), pages.cpu_seconds()
        status = client.get(target.url).status_code
        walls.append(time.perf_counter() - started)
        cpus.append(pages.cpu_seconds() - cpu)
        assert status == 200, (target.url, status)
    print(
        f"{'  uncached, ' + str(runs) + ' views':34} p50 {statistics.median(walls) * 1000:8.1f} ms"
        f"  max {max(walls) * 1000:8.1f} ms  CPU p50 {statistics.median(cpus) * 1000:8.1f} ms",
        flush=True,
    )


def index(rebuild: bool) -> None:
    from unblame.incidents.models import Incident
    from unblame.insights import index as search_index
    from unblame.insights.models import SearchEntry

    indexed = SearchEntry.objects.filter(kind="incident").count()
    if rebuild or indexed < Incident.objects.count():
        started = time.monotonic()
        texts = sum(search_index.rebuild().values())
        print(f"rebuilt the search index: {texts:,} texts in {time.monotonic() - started:.1f} s")


def rollups(rebuild: bool) -> None:
    from unblame.insights import rollups as tables
    from unblame.insights.models import IncidentFacts

    if rebuild or not IncidentFacts.objects.exists():
        started, cpu = time.monotonic(), time.process_time()
        rows = sum(tables.rebuild().values())
        took, cpu = time.monotonic() - started, time.process_time() - cpu
        print(f"rebuilt the insights rollups: {rows:,} rows in {took:.1f} s ({cpu:.1f} s CPU)")


def reviewed_incident() -> tuple[int, str]:
    """A recent public incident with a published review, and the month of the newest incidents."""
    from unblame.reviews.models import Review, ReviewState

    review = (
        Review.objects.filter(state=ReviewState.PUBLISHED, incident__restricted=False)
        .order_by("-incident__declared_at")
        .select_related("incident")
        .first()
    )
    if review is None:
        return 1, "2026-01"
    return review.incident_id, review.incident.declared_at.strftime("%Y-%m")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20000)
    parser.add_argument("--data-dir", default="/tmp/unblame-bench")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", default="", help="comma-separated words of target names")
    parser.add_argument("--rebuild", action="store_true", help="time rebuilding the index first")
    parser.add_argument("--rollups", action="store_true", help="time rebuilding the rollups first")
    parser.add_argument(
        "--uncached", type=int, default=0, help="views of each report with its kept result dropped"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
