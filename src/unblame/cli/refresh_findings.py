"""`unblame refresh-findings`: bring every action item's stored findings up to date now.

After an upgrade `unblame serve` does this in the background (actions.refresh);
this is for an operator who wants it done before people open the lists.
"""

from __future__ import annotations

import argparse
import sys
import time

from .demo import ProgressBar
from .server import start_django

NAME = "refresh-findings"
HELP = "Analyse action items whose stored findings are from an older analyzer (after upgrades)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    start_django()
    from unblame.actions.refresh import refresh_all

    started = time.monotonic()
    totals = refresh_all(progress=None if args.quiet else ProgressBar(started, "action items"))
    if not args.quiet and totals.checked:
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
    took = time.monotonic() - started
    print(
        f"Checked {totals.checked:,} action items; refreshed the findings of "
        f"{totals.refreshed:,} in {took:.0f} s."
    )
    return 0
