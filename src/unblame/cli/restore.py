"""`unblame restore FILE`: put a backup made by `unblame backup` back.

Refuses a database that already holds users or incidents unless --force. Stop
`unblame serve` first. Exit 0 restored and checked, 1 failed, 2 usage error
(not a backup, wrong kind of database, target not empty).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .backup import quiet, say
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
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="the final report; default text"
    )


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError, BackupInputError, restore
    from unblame.server.serve import migrate

    text = args.format == "text"
    try:
        report = restore(args.file, force=args.force, progress=say if text else quiet)
    except BackupInputError as exc:
        print(f"unblame restore: {exc}", file=sys.stderr)
        return 2
    except BackupError as exc:
        print(f"unblame restore: failed: {exc}", file=sys.stderr)
        return 1
    # A backup from an older unblame gets this version's schema now, not at next serve.
    migrate(sys.stderr)
    if text:
        print(
            f"Restored {len(report.tables)} tables, {report.rows:,} rows from {args.file} "
            f"in {report.seconds:.1f} s; the row counts match the backup."
        )
    else:
        print(json.dumps({"version": 1, **report.as_json()}, indent=2))
    return 0
