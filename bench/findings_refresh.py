"""The first action-item lists after an analyzer change, before and after the refresh has run.

    .venv/bin/python bench/findings_refresh.py [--data-dir DIR] [--incidents N] [--rounds 5]

An upgrade makes every action item's stored findings stale (actions.findings),
and the first list to show them analyses its rows while the reader waits;
`unblame serve` queues the refresh that rewrites them (actions.refresh). Each
round marks every stored key stale (as an upgrade does), then times the first
/actions/ and the first API list of action items, each in a fresh process as
after a restart (the framework warmed by one bare request first), once with
the findings stale and once after `unblame refresh-findings`, which is timed
too. Rounds alternate which state is timed first. CPU time is the process's
own; wall time also counts waiting for a core on a busy machine.

Works on SQLite under --data-dir (default /tmp/unblame-bench-findings), filled
with generated history (`unblame demo --incidents`) up to --incidents first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PAGES = {"/actions/": "/actions/", "API action items": "/api/action-items"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/unblame-bench-findings")
    parser.add_argument("--incidents", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["UNBLAME_DATA_DIR"] = str(Path(args.data_dir).resolve())
    os.environ.pop("UNBLAME_DATABASE_URL", None)
    if args.child:
        return first_request(args.child)
    run([sys.executable, "-m", "unblame.cli", "demo", "--incidents", str(args.incidents)])
    timings: dict[tuple[str, str], list[dict[str, float]]] = {}
    refreshes: list[tuple[float, float]] = []
    for number in range(args.rounds):
        order = ("stale", "refreshed") if number % 2 == 0 else ("refreshed", "stale")
        for state in order:
            make(state, refreshes)
            for name, url in PAGES.items():
                timings.setdefault((name, state), []).append(child(url, args))
    report(timings, refreshes)
    return 0


def make(state: str, refreshes: list[tuple[float, float]]) -> None:
    if state == "stale":
        mark_stale()
        return
    mark_stale()  # the same starting point whichever state came first
    wall, cpu = timed([sys.executable, "-m", "unblame.cli", "refresh-findings", "--quiet"])
    refreshes.append((wall, cpu))


def mark_stale() -> None:
    """Every stored key as another analyzer's: what an upgrade leaves."""
    import sqlite3

    path = Path(os.environ["UNBLAME_DATA_DIR"]) / "unblame.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE actions_actionitem SET stored_findings ="
            " json_set(coalesce(stored_findings, '{}'), '$.key', 'another analyzer')"
        )


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run(command)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def child(url: str, args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--data-dir", args.data_dir, "--child", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def first_request(url: str) -> int:
    """In a fresh process: one bare request, then the page twice; prints JSON timings."""
    from unblame.server import serve

    serve.setup_django()
    from django.conf import settings
    from django.test import Client

    from unblame.accounts.models import User

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user = User.objects.filter(username="bench-admin").first()
    if user is None:
        user = User.objects.create_user(username="bench-admin", password=None, role="admin")
    client = Client()
    client.force_login(user)
    client.get("/healthz")
    result: dict[str, float] = {}
    for name in ("first", "second"):
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        result[f"{name}_wall"] = time.perf_counter() - wall
        result[f"{name}_cpu"] = time.process_time() - cpu
    print(json.dumps(result))
    return 0


def report(timings: dict[tuple[str, str], list[dict[str, float]]], refreshes) -> None:
    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(row[key] for row in rows) * 1000

    print("page              state       first wall / cpu ms   second wall ms")
    for name in PAGES:
        for state in ("stale", "refreshed"):
            rows = timings[(name, state)]
            wall, cpu = med(rows, "first_wall"), med(rows, "first_cpu")
            print(
                f"{name:17} {state:10} {wall:9.0f} / {cpu:6.0f}   {med(rows, 'second_wall'):9.0f}"
            )
        stale, fresh = timings[(name, "stale")], timings[(name, "refreshed")]
        wall = med(fresh, "first_wall") / med(stale, "first_wall")
        cpu = med(fresh, "first_cpu") / med(stale, "first_cpu")
        print(f"{'':17} ratio refreshed/stale: wall {wall:.3f}, cpu {cpu:.3f}")
    walls = [wall for wall, _ in refreshes]
    cpus = [cpu for _, cpu in refreshes]
    print(
        f"unblame refresh-findings (whole process): wall {statistics.median(walls):.1f} s,"
        f" cpu {statistics.median(cpus):.1f} s (median of {len(refreshes)})"
    )


if __name__ == "__main__":
    sys.exit(main())
