"""Backup, export and import of a large SQLite install while ~100 writes a second arrive.

    .venv/bin/python bench/ops_at_size.py [--incidents 100000] [--events 5] [--writes 100]
        [--dumpdata-seconds 0]

Builds a data folder with the demo plus --incidents generated incidents of
--events timeline notes each, then, with a writer thread committing --writes
rows a second to the same file throughout, times:

- `VACUUM INTO` (the baseline: SQLite's own fastest consistent copy),
- `unblame backup` (copy from one snapshot, then integrity check and row counts),
- the `sqlite3` shell's `.backup`, stopped after as long as unblame backup took
  times ten (it restarts whenever the file changes),
- `unblame export` and `unblame import` into a new folder, with each one's peak
  memory (max RSS), and `dumpdata` for --dumpdata-seconds if that is above 0.

Figures are absolute seconds and ratios to VACUUM INTO measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

UNBLAME = str(Path(sys.executable).with_name("unblame"))

GROW = """
from datetime import timedelta
from django.utils import timezone
from unblame.incidents.models import Incident, Severity, TimelineEvent
severity = Severity.objects.order_by("pk").first()
now = timezone.now()
for start in range(0, {incidents}, 5000):
    batch = Incident.objects.bulk_create(
        Incident(title=f"Generated incident {{n}}: queue backlog on checkout",
                 summary="Orders waited in the queue while the consumer pool was scaled down.",
                 severity=severity, declared_at=now - timedelta(minutes=n))
        for n in range(start, min(start + 5000, {incidents})))
    TimelineEvent.objects.bulk_create(
        TimelineEvent(incident=incident, occurred_at=incident.declared_at + timedelta(minutes=e),
                      text=f"Step {{e}}: consumer lag fell from 40 s to 3 s after the rollback.")
        for incident in batch for e in range({events}))
print(Incident.objects.count())
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="unblame-ops-"))
    try:
        figures = run(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(figures, indent=2))
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5)
    parser.add_argument("--writes", type=float, default=100.0, help="writes a second meanwhile")
    parser.add_argument("--dumpdata-seconds", type=float, default=0.0)
    return parser.parse_args(argv)


def env_for(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNBLAME_")}
    return env | {"UNBLAME_DATA_DIR": str(folder), "UNBLAME_SECRET_KEY": "bench-only"}


def measured(command: list[str], env: dict[str, str], limit: float | None = None) -> dict:
    """Run a command in a fresh watcher process: seconds, exit code, and its peak memory."""
    watcher = (
        "import resource, subprocess, sys, json, time\n"
        "t = time.monotonic()\n"
        "try:\n"
        f"    done = subprocess.run(sys.argv[1:], capture_output=True, timeout={limit!r})\n"
        "    code, out = done.returncode, done.stdout.decode(errors='replace')\n"
        "    err = done.stderr.decode(errors='replace').strip().splitlines()[-1:]\n"
        "except subprocess.TimeoutExpired:\n"
        "    code, out, err = 'stopped', '', []\n"
        "print(json.dumps({'seconds': round(time.monotonic() - t, 2), 'exit': code, 'out': out,\n"
        "  'error': err[0] if code and err else None,\n"
        "  'max_rss_mb': round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", watcher, *command], env=env, capture_output=True, text=True
    )
    result = json.loads(done.stdout)
    out = result.pop("out")
    if "--format" in command and result["exit"] == 0:
        # The command's own time, without the interpreter and Django starting up.
        result["own_seconds"] = json.loads(out)["seconds"]
    return result


class Writer(threading.Thread):
    def __init__(self, path: Path, per_second: float) -> None:
        super().__init__(daemon=True)
        self.path, self.pause, self.count, self.errors = path, 1 / per_second, 0, 0
        self.stop = threading.Event()

    def run(self) -> None:
        with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as db:
            while not self.stop.is_set():
                try:
                    db.execute(
                        "INSERT INTO django_session VALUES (?, 'bench', '2030-01-01')",
                        (f"bench-{self.count}",),
                    )
                    self.count += 1
                except sqlite3.Error:
                    self.errors += 1
                self.stop.wait(self.pause)


def run(args: argparse.Namespace, root: Path) -> dict:
    source = root / "source"
    env = env_for(source)
    subprocess.run([UNBLAME, "demo"], env=env, check=True, capture_output=True)
    started = time.monotonic()
    script = GROW.format(incidents=args.incidents, events=args.events)
    subprocess.run([UNBLAME, "manage", "shell", "-c", script], env=env, check=True)
    database = source / "unblame.sqlite3"
    figures: dict = {
        "incidents": args.incidents,
        "events": args.incidents * args.events,
        "generate_seconds": round(time.monotonic() - started, 1),
        "database_mb": round(database.stat().st_size / 1_048_576, 1),
    }
    writer = Writer(database, args.writes)
    writer.start()
    try:
        figures |= copies(database, env, root, args)
    finally:
        writer.stop.set()
        writer.join()
    figures["writes_meanwhile"], figures["write_errors"] = writer.count, writer.errors
    return figures


def copies(database: Path, env: dict[str, str], root: Path, args: argparse.Namespace) -> dict:
    out: dict = {}
    sqlite = shutil.which("sqlite3")
    vacuum = ["sqlite3", str(database), f"VACUUM INTO '{root / 'vacuum.sqlite3'}'"]
    out["vacuum_into"] = measured(vacuum, env) if sqlite else None
    backup = [UNBLAME, "backup", str(root / "b.sqlite3"), "--format", "json"]
    out["unblame_backup"] = measured(backup, env)
    if sqlite:
        limit = max(10.0, out["unblame_backup"]["seconds"] * 10)
        dot_backup = ["sqlite3", str(database), f".backup '{root / 'dot.sqlite3'}'"]
        out["sqlite3_dot_backup"] = measured(dot_backup, env, limit)
    # Export needs the schema of the code that runs it; a checkout may have moved on.
    subprocess.run([UNBLAME, "manage", "migrate"], env=env, check=True, capture_output=True)
    export = [UNBLAME, "export", str(root / "export"), "--format", "json"]
    out["unblame_export"] = measured(export, env)
    imported = [UNBLAME, "import", str(root / "export"), "--format", "json"]
    out["unblame_import"] = measured(imported, env_for(root / "imported"))
    if args.dumpdata_seconds > 0:
        dump = [UNBLAME, "manage", "dumpdata", "--output", str(root / "dump.json")]
        out["dumpdata"] = measured(dump, env, args.dumpdata_seconds)
    if out["vacuum_into"]:
        base = out["vacuum_into"]["seconds"] or 0.01
        out["ratios_to_vacuum_into"] = {
            name: round(value.get("own_seconds", value["seconds"]) / base, 2)
            for name, value in out.items()
            if isinstance(value, dict) and "seconds" in value
        }
    return out


if __name__ == "__main__":
    sys.exit(main())
