"""The shape shared by `unblame backup`, `restore`, `export` and `import`.

Each runs one long operation on the database with progress lines, answers a
usage error with one line and exit 2, a failure with one line and exit 1, and
ends with one summary line or, with `--format json`, the operation's report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, Protocol


class Report(Protocol):
    def as_json(self) -> dict[str, Any]: ...


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="the final report; default text"
    )


def perform(
    args: argparse.Namespace,
    command: str,
    work: Callable[[Callable[[str], None]], Report],
    *,
    failed: str,
    failures: tuple[type[BaseException], ...],
    summary: Callable[[Any], str],
    after: Callable[[], None] | None = None,
) -> int:
    """Run `work(progress)` and report it; the exit code.

    `failed` starts the line for a failure ("failed, nothing written");
    `failures` are the exceptions that mean the operation failed; `after`
    runs once it succeeded, before the summary (a migration, say).
    """
    from unblame.server.backup import BackupInputError

    text = args.format == "text"
    try:
        report = work(say if text else quiet)
    except BackupInputError as exc:
        print(f"unblame {command}: {exc}", file=sys.stderr)
        return 2
    except failures as exc:
        print(f"unblame {command}: {failed}: {exc}", file=sys.stderr)
        return 1
    if after is not None:
        after()
    if text:
        print(summary(report))
    else:
        print(json.dumps({"version": 1, **report.as_json()}, indent=2))
    return 0


def say(message: str) -> None:
    print(message, flush=True)


def quiet(message: str) -> None:
    pass
