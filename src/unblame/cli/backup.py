"""`unblame backup FILE`: a checked copy of the database, safe while the server runs.

Exit 0: FILE holds a copy that passed the integrity check and whose row counts
match the database's at the moment of the copy. Exit 1: the backup failed and
FILE was not written (an older FILE is left as it was). Exit 2: a usage error
(no database, no such folder). See docs/self-hosting.md#backups.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .operation import add_format_argument, perform
from .server import start_django

NAME = "backup"
HELP = "Copy the database to FILE while the server runs; the copy is checked before it is kept."


CHECKED = {
    "sqlite": "the copy passed SQLite's integrity check",
    "postgresql": "pg_restore read the whole archive back",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="where the backup goes")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError, backup

    return perform(
        args,
        NAME,
        lambda progress: backup(args.file, progress=progress),
        failed="failed, no backup written",
        failures=(BackupError,),
        summary=lambda report: (
            f"Backed up {len(report.tables)} tables, {report.rows:,} rows "
            f"({report.size / 1_048_576:.1f} MB) to {report.path} in {report.seconds:.1f} s; "
            f"{CHECKED[report.engine]} and its row counts match."
        ),
    )
