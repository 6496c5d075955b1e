"""`unblame import DIR`: load a folder written by `unblame export` into an empty database.

All or nothing: every file's row count and checksum must match the manifest
and every reference must resolve, or nothing is kept. Exit 0 imported, 1
failed (nothing changed), 2 not an export or the database already holds data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .operation import add_format_argument, perform
from .server import start_django

NAME = "import"
HELP = "Load a folder from `unblame export` into an empty database (SQLite or PostgreSQL)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="a folder from `unblame export`")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError
    from unblame.server.portable import import_data
    from unblame.server.serve import migrate

    return perform(
        args,
        NAME,
        lambda progress: import_data(args.folder, progress=progress),
        failed="failed",
        failures=(BackupError, OSError),
        # An export from an older unblame comes up to this version's schema.
        after=lambda: migrate(sys.stderr),
        summary=lambda summary: (
            f"Imported {len(summary.tables)} tables, {summary.rows:,} rows from {args.folder} "
            f"in {summary.seconds:.1f} s."
        ),
    )
