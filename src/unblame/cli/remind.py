"""`unblame remind`: email each owner a digest of their overdue and due-soon action items.

Run it daily from cron, or leave it running with --loop. Items of closed
incidents are reminded too; no item is reminded more than once a day, so
running it more often only picks up newly due items sooner.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from .server import start_django

NAME = "remind"
HELP = "Email each owner a digest of their overdue and due-soon action items."


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def _seconds(text: str) -> int:
    value = _non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError("the interval must be at least 1 second")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--due-within",
        metavar="DAYS",
        type=_non_negative,
        default=3,
        help="also remind of items due within DAYS days (default: 3; 0 means due today)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print who would get a digest; send nothing and record nothing",
    )
    parser.add_argument(
        "--loop", action="store_true", help="keep running, checking every --interval seconds"
    )
    parser.add_argument(
        "--interval",
        metavar="SECONDS",
        type=_seconds,
        default=3600,
        help="seconds between checks with --loop (default: 3600)",
    )


def run(args: argparse.Namespace) -> int:
    start_django()
    if not args.loop:
        return _once(args)
    try:
        while True:
            _once(args, stamp=True)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
        return 0


def _once(args: argparse.Namespace, stamp: bool = False) -> int:
    """One pass: send (or list) the digests and print a line per owner; 1 if a send failed."""
    from django.utils import timezone

    from unblame.actions.reminders import remind

    now = timezone.now()
    result = remind(now, due_within=args.due_within, dry_run=args.dry_run)
    if stamp:
        print(f"[{now:%Y-%m-%d %H:%M} UTC]", flush=True)
    for outcome in result.outcomes:
        print(_line(outcome, args.dry_run), flush=True)
    print(_summary(result, args.dry_run), flush=True)
    return 1 if result.failed else 0


def _line(outcome: Any, dry_run: bool) -> str:
    digest = outcome.digest
    owner = digest.owner
    who = f"{owner.username} <{owner.email}>" if owner.email else owner.username
    text = f"{who}: {digest.counts()}"
    if digest.hidden:
        text += f"; {digest.hidden} on incidents they can no longer see (reassign them)"
    if outcome.sent:
        return f"{text} — sent"
    if dry_run and digest.items:
        return f"{text} — would send"
    return f"{text} — {outcome.problem or 'not sent'}"


def _summary(result: Any, dry_run: bool) -> str:
    sent = sum(1 for outcome in result.outcomes if outcome.sent)
    items = sum(len(outcome.digest.items) for outcome in result.outcomes if outcome.sent)
    if dry_run:
        would = [outcome for outcome in result.outcomes if outcome.digest.items]
        text = f"Dry run: {len(would)} digest{'' if len(would) == 1 else 's'} would be sent."
    elif result.outcomes:
        text = f"Sent {sent} digest{'' if sent == 1 else 's'} covering {items} item"
        text += "." if items == 1 else "s."
    else:
        text = "Nothing to remind."
    if result.unowned:
        many = result.unowned != 1
        noun, verb = ("items", "have") if many else ("item", "has")
        text += f" {result.unowned} overdue {noun} {verb} no owner."
    return text
