"""`unblame export DIR`: a portable copy of every table, streamed, for moving between databases.

Exit 0: DIR holds one JSON-lines file per table and manifest.json. Exit 1: the
export failed and DIR was not created. Exit 2: DIR exists already, or its
parent folder does not. See docs/self-hosting.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .operation import add_format_argument, perform
from .server import start_django

NAME = "export"
HELP = "Write every table to a new folder as JSON lines (portable between SQLite and PostgreSQL)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="a folder that does not exist yet")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from django.db import DatabaseError

    from unblame.server.backup import BackupError
    from unblame.server.portable import export_data

    return perform(
        args,
        NAME,
        lambda progress: export_data(args.folder, progress=progress),
        failed="failed, nothing written",
        failures=(BackupError, DatabaseError, OSError),
        summary=lambda summary: (
            f"Exported {len(summary.tables)} tables, {summary.rows:,} rows to {summary.folder} "
            f"in {summary.seconds:.1f} s."
        ),
    )
