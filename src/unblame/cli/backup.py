"""`unblame backup FILE`: a checked copy of the database, safe while the server runs.

Exit 0: FILE holds a copy that passed the integrity check and whose row counts
match the database's at the moment of the copy. Exit 1: the backup failed and
FILE was not written (an older FILE is left as it was). Exit 2: a usage error
(no database, no such folder). See docs/self-hosting.md#backups.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .server import start_django

NAME = "backup"
HELP = "Copy the database to FILE while the server runs; the copy is checked before it is kept."


CHECKED = {
    "sqlite": "the copy passed SQLite's integrity check",
    "postgresql": "pg_restore read the whole archive back",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="where the backup goes")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="the final report; default text"
    )


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError, BackupInputError, backup

    text = args.format == "text"
    try:
        report = backup(args.file, progress=say if text else quiet)
    except BackupInputError as exc:
        print(f"unblame backup: {exc}", file=sys.stderr)
        return 2
    except BackupError as exc:
        print(f"unblame backup: failed, no backup written: {exc}", file=sys.stderr)
        return 1
    if text:
        print(
            f"Backed up {len(report.tables)} tables, {report.rows:,} rows "
            f"({report.size / 1_048_576:.1f} MB) to {report.path} in {report.seconds:.1f} s; "
            f"{CHECKED[report.engine]} and its row counts match."
        )
    else:
        print(json.dumps({"version": 1, **report.as_json()}, indent=2))
    return 0


def say(message: str) -> None:
    print(message, flush=True)


def quiet(message: str) -> None:
    pass
