"""`unblame import DIR`: load a folder written by `unblame export` into an empty database.

All or nothing: every file's row count and checksum must match the manifest
and every reference must resolve, or nothing is kept. Exit 0 imported, 1
failed (nothing changed), 2 not an export or the database already holds data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .backup import quiet, say
from .server import start_django

NAME = "import"
HELP = "Load a folder from `unblame export` into an empty database (SQLite or PostgreSQL)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="a folder from `unblame export`")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="the final report; default text"
    )


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from unblame.server.backup import BackupError, BackupInputError
    from unblame.server.portable import import_data
    from unblame.server.serve import migrate

    text = args.format == "text"
    try:
        summary = import_data(args.folder, progress=say if text else quiet)
    except BackupInputError as exc:
        print(f"unblame import: {exc}", file=sys.stderr)
        return 2
    except (BackupError, OSError) as exc:
        print(f"unblame import: failed: {exc}", file=sys.stderr)
        return 1
    # An export from an older unblame comes up to this version's schema.
    migrate(sys.stderr)
    if text:
        print(
            f"Imported {len(summary.tables)} tables, {summary.rows:,} rows from {args.folder} "
            f"in {summary.seconds:.1f} s."
        )
    else:
        print(json.dumps({"version": 1, **summary.as_json()}, indent=2))
    return 0
