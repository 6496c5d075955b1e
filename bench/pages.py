"""How long the main pages, API lists and exports take at a chosen number of incidents.

    .venv/bin/python bench/pages.py --incidents 100000 [--data-dir DIR | --database-url URL]
        [--runs 30] [--export-runs 3] [--memory] [--only NAME,...]

Works on a database of its own: SQLite under --data-dir (default
/tmp/unblame-bench), or PostgreSQL by --database-url (create the database
first: `createdb -h 127.0.0.1 -U postgres unblame_bench`). When it holds
fewer than --incidents incidents, generated history (`unblame demo
--incidents`) tops it up first; that takes minutes at 100,000 and is kept for
the next run.

Requests go through Django's test client, in process, signed in as an admin
and as a viewer who is a responder on a few restricted incidents: no network,
so this is the server's share of a request. Each is asked once cold, then
--runs times warm; exports --export-runs times, with the time to their first
byte. A bare page measured in the same run (GET /healthz) makes the figures
portable across machines: the ratio column divides p50 by its p50. --memory
adds the peak Python memory of one run of each export (tracemalloc).

The cpu column is the CPU time a request took: this process's, plus on
PostgreSQL that of the server process answering its connection (read from
/proc/PID/schedstat, so only with the server on the same machine). On a busy
machine the wall clock also counts the time spent waiting for a core, which
moves by a factor of two between runs of the same code; CPU time moves less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BARE = "bare page"
VIEWER_ON_EVERY = 2000  # the viewer responds to one incident in this many


@dataclass
class Target:
    name: str
    url: str
    who: str = "admin"
    export: bool = False


@dataclass
class Timing:
    target: Target
    first: float
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    first_byte: list[float] = field(default_factory=list)
    size: int = 0
    status: int = 200
    peak: float | None = None

    def quantile(self, q: float, of: list[float] | None = None) -> float:
        ordered = sorted(self.times if of is None else of)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def targets(offset: int) -> list[Target]:
    found = [
        Target(BARE, "/healthz"),
        Target("incident list, admin", "/incidents/"),
        Target("incident list, viewer", "/incidents/", "viewer"),
        Target("incident list page 40, viewer", "/incidents/?page=40", "viewer"),
        Target("incident list, open, viewer", "/incidents/?status=open", "viewer"),
        Target("/actions/, admin", "/actions/"),
        Target("/actions/, viewer", "/actions/", "viewer"),
        Target("services page, viewer", "/services/", "viewer"),
        Target("API action items, viewer", "/api/action-items", "viewer"),
        Target("API incidents, viewer", "/api/incidents", "viewer"),
        Target(f"API incidents offset={offset}", f"/api/incidents?offset={offset}", "viewer"),
        Target("search, viewer", "/search/?q=rollback+certificate", "viewer"),
        Target("insights, viewer", "/insights/", "viewer"),
        Target("open-incidents CSV", "/incidents/export.csv?status=open", "viewer", True),
        Target("whole incidents CSV", "/incidents/export.csv", "admin", True),
        Target("whole action-items CSV", "/actions/export.csv", "admin", True),
    ]
    return [target for target in found if _exists(target.url)]


def _exists(url: str) -> bool:
    # Search and insights are timed once they exist.
    from django.urls import Resolver404, resolve

    try:
        resolve(url.split("?")[0])
    except Resolver404:
        return False
    return True


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
    fill(args.incidents)
    clients = {"admin": client_for("bench-admin", "admin"), "viewer": viewer_client()}
    print(f"{connection.vendor}, {count_incidents():,} incidents, {args.runs} warm runs each")
    only = set(filter(None, args.only.split(",")))
    results = []
    for target in targets(args.incidents // 2):
        if only and target.name != BARE and not any(word in target.name for word in only):
            continue
        runs = args.export_runs if target.export else args.runs
        timing = measure(clients[target.who], target, runs)
        if target.export and args.memory:
            timing.peak = peak_memory(clients[target.who], target.url)
        results.append(timing)
        report_line(timing, results[0])
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20000)
    parser.add_argument("--data-dir", default="/tmp/unblame-bench")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated words of target names")
    return parser.parse_args(argv)


# -- The data ---------------------------------------------------------------------------------


def count_incidents() -> int:
    from unblame.incidents.models import Incident

    return Incident.objects.count()


def fill(wanted: int) -> None:
    from unblame.incidents.demo import load_demo
    from unblame.incidents.history import generate_history

    load_demo()
    missing = wanted - count_incidents()
    if missing > 0:
        started = time.monotonic()
        print(f"generating {missing:,} incidents…", file=sys.stderr)
        generate_history(missing, seed=count_incidents())
        print(f"generated in {time.monotonic() - started:.0f} s", file=sys.stderr)
        # As `unblame demo --incidents` does: bulk writes send no signals to the index.
        from unblame.insights import index, rollups

        index.rebuild()
        rollups.rebuild()


def client_for(username: str, role: str):
    from django.test import Client

    from unblame.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, password=None, role=role)
    client = Client()
    client.force_login(user)
    return client


def viewer_client():
    """A viewer who is a responder on some incidents, restricted ones among them."""
    from unblame.accounts.models import User
    from unblame.incidents.models import Incident, Responder

    client = client_for("bench-viewer", "viewer")
    viewer = User.objects.get(username="bench-viewer")
    if not Responder.objects.filter(user=viewer).exists():
        ids = Incident.objects.order_by("pk").values_list("pk", flat=True)[::VIEWER_ON_EVERY]
        Responder.objects.bulk_create(Responder(incident_id=pk, user=viewer) for pk in ids)
        restricted = Incident.objects.filter(restricted=True).values_list("pk", flat=True)[:5]
        Responder.objects.bulk_create(Responder(incident_id=pk, user=viewer) for pk in restricted)
    return client


# -- Timing ---------------------------------------------------------------------------------


def measure(client, target: Target, runs: int) -> Timing:
    first, first_byte, size, status = request(client, target.url)
    timing = Timing(target, first, size=size, status=status)
    for _ in range(runs):
        cpu_before = cpu_seconds()
        took, first_byte, size, status = request(client, target.url)
        timing.cpu.append(cpu_seconds() - cpu_before)
        timing.times.append(took)
        timing.first_byte.append(first_byte)
    return timing


def cpu_seconds() -> float:
    """CPU time of this process and, on PostgreSQL, of the server process of its connection."""
    return time.process_time() + _server_cpu_seconds()


def _server_cpu_seconds() -> float:
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        # The first field is nanoseconds on a CPU (clock ticks in /proc/PID/stat are 10 ms).
        with open(f"/proc/{pid}/schedstat") as stats:
            return int(stats.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0  # a server on another machine: this process's CPU only


def request(client, url: str) -> tuple[float, float, int, int]:
    """(seconds in all, seconds to the first byte, bytes, status) of one GET."""
    started = time.perf_counter()
    response = client.get(url)
    if not response.streaming:
        took = time.perf_counter() - started
        return took, took, len(response.content), response.status_code
    chunks = iter(response.streaming_content)
    size = len(next(chunks, b""))
    first_byte = time.perf_counter() - started
    size += sum(len(chunk) for chunk in chunks)
    return time.perf_counter() - started, first_byte, size, response.status_code


def peak_memory(client, url: str) -> float:
    """Peak Python memory in MB while one GET of `url` is answered and read."""
    tracemalloc.start()
    try:
        request(client, url)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def report_line(timing: Timing, bare: Timing) -> None:
    ms: Callable[[float], str] = lambda seconds: f"{seconds * 1000:8.1f}"  # noqa: E731
    p50, p95 = timing.quantile(0.5), timing.quantile(0.95)
    ratio = p50 / statistics.median(bare.times)
    cpu50, cpu95 = timing.quantile(0.5, timing.cpu), timing.quantile(0.95, timing.cpu)
    line = (
        f"{timing.target.name:34} p50 {ms(p50)} ms  p95 {ms(p95)} ms  "
        f"x{ratio:7.1f}  cpu {ms(cpu50)} /{ms(cpu95)} ms  first {ms(timing.first)} ms"
    )
    if timing.target.export:
        line += f"  first byte {ms(min(timing.first_byte))} ms  {timing.size / 1e6:.1f} MB"
    if timing.peak is not None:
        line += f"  peak {timing.peak:.0f} MB"
    if timing.status != 200:
        line += f"  (status {timing.status})"
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
