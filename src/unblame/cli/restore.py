"""`unblame restore FILE`: put a backup made by `unblame backup` back.

Refuses a database that already holds users or incidents unless --force. Stop
`unblame serve` first. Exit 0 restored and checked, 1 failed, 2 usage error
(not a backup, wrong kind of database, target not empty).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .operation import add_format_argument, perform
from .server import start_django

NAME = "restore"
HELP = "Restore a backup made by `unblame backup` into an empty database (stop the server first)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a file from `unblame backup`")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace everything in a database that already holds data",
    )
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError, restore
    from unblame.server.serve import migrate

    return perform(
        args,
        NAME,
        lambda progress: restore(args.file, force=args.force, progress=progress),
        failed="failed",
        failures=(BackupError,),
        # A backup from an older unblame gets this version's schema now, not at next serve.
        after=lambda: migrate(sys.stderr),
        summary=lambda report: (
            f"Restored {len(report.tables)} tables, {report.rows:,} rows from {args.file} "
            f"in {report.seconds:.1f} s; the row counts match the backup."
        ),
    )
