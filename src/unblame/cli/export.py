"""`unblame export DIR`: a portable copy of every table, streamed, for moving between databases.

Exit 0: DIR holds one JSON-lines file per table and manifest.json. Exit 1: the
export failed and DIR was not created. Exit 2: DIR exists already, or its
parent folder does not. See docs/self-hosting.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .backup import quiet, say
from .server import start_django

NAME = "export"
HELP = "Write every table to a new folder as JSON lines (portable between SQLite and PostgreSQL)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="a folder that does not exist yet")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="the final report; default text"
    )


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from django.db import DatabaseError

    from unblame.server.backup import BackupError, BackupInputError
    from unblame.server.portable import export_data

    text = args.format == "text"
    try:
        summary = export_data(args.folder, progress=say if text else quiet)
    except BackupInputError as exc:
        print(f"unblame export: {exc}", file=sys.stderr)
        return 2
    except (BackupError, DatabaseError, OSError) as exc:
        print(f"unblame export: failed, nothing written: {exc}", file=sys.stderr)
        return 1
    if text:
        print(
            f"Exported {len(summary.tables)} tables, {summary.rows:,} rows to {summary.folder} "
            f"in {summary.seconds:.1f} s."
        )
    else:
        print(json.dumps({"version": 1, **summary.as_json()}, indent=2))
    return 0
