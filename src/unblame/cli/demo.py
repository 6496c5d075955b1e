"""`unblame demo`: load a dozen realistic incidents to explore unblame with.

With `--incidents N`, three years of generated history besides, up to N
incidents in all, for trying unblame (and timing it) at a team's real size.
"""

from __future__ import annotations

import argparse
import sys
import time

from .common import CliError
from .server import start_django

NAME = "demo"
HELP = "Load the demo incidents into the web app."
# Ten times a large team's three years; more would run for hours and fill the disk.
MAX_INCIDENTS = 100_000
BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reset",
        action="store_true",
        help="delete every incident and service, then load the demo afresh",
    )
    parser.add_argument(
        "--incidents",
        type=int,
        metavar="N",
        help="generate history over three years until there are N incidents in all",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="seed of the generated history; the same seed gives the same history (default 1)",
    )


def run(args: argparse.Namespace) -> int:
    if args.incidents is not None and not 0 <= args.incidents <= MAX_INCIDENTS:
        raise CliError(f"--incidents takes a number of incidents from 0 to {MAX_INCIDENTS:,}")
    start_django()
    from unblame.incidents.demo import load_demo

    count = load_demo(reset=args.reset)
    if count:
        print(f"Loaded {count} demo incidents.")
    else:
        print("The demo incidents are already loaded; --reset reloads them.")
    if args.incidents is not None:
        _generate(args.incidents, args.seed)
    return 0


def _generate(wanted: int, seed: int) -> None:
    from unblame.incidents.history import generate_history, has_history
    from unblame.incidents.models import Incident

    if has_history():
        print("Generated history is already loaded; --reset removes it first.")
        return
    missing = wanted - Incident.objects.count()
    if missing <= 0:
        print(f"There are already {wanted:,} incidents or more; nothing generated.")
        return
    started = time.monotonic()
    generate_history(missing, seed=seed, progress=ProgressBar(started))
    elapsed = time.monotonic() - started
    print(f"\nGenerated {missing:,} incidents in {elapsed:.0f} s.")
    _index()


def _index() -> None:
    # The history is written in bulk, which sends no signals: the search
    # index is written again from the records, in a few set-based queries.
    from unblame.insights.index import rebuild

    started = time.monotonic()
    texts = sum(rebuild().values())
    print(f"Indexed {texts:,} texts for search in {time.monotonic() - started:.0f} s.")
    # Nor are the action items' findings stored (actions.findings): the
    # first lists would analyse every row they show.
    from unblame.actions.refresh import refresh_all

    started = time.monotonic()
    totals = refresh_all(progress=ProgressBar(started, "action items"))
    took = time.monotonic() - started
    print(f"\nStored the findings of {totals.refreshed:,} action items in {took:.0f} s.")
    # Nor are the insights rollups written (the published sections' findings
    # are counted on the way), which the reports read.
    from unblame.insights.rollups import rebuild

    started = time.monotonic()
    rows = sum(rebuild(progress=ProgressBar(started)).values())
    took = time.monotonic() - started
    print(f"\nWrote {rows:,} rows for the insights reports in {took:.0f} s.")


class ProgressBar:
    """A one-line progress bar of incidents (or `what`) on stderr, redrawn in place on a tty."""

    def __init__(self, started: float, what: str = "incidents") -> None:
        self.started = started
        self.what = what
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        elapsed = time.monotonic() - self.started
        line = f"[{bar}] {done:,}/{total:,} {self.what}, {elapsed:.0f} s"
        sys.stderr.write(("\r" + line) if self.tty else line + "\n")
        sys.stderr.flush()
