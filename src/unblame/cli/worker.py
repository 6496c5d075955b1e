"""`unblame worker`: run background tasks in their own process, beside `unblame serve`.

`unblame serve` already runs a few worker threads; larger installs start it
with `--worker-threads 0` and run one or more of these instead. Exactly one
process should run the periodic jobs (overdue action items, tracker syncs):
give every other worker `--no-periodic`.
"""

from __future__ import annotations

import argparse

from .common import CliError
from .server import start_django

NAME = "worker"
HELP = "Run background tasks (webhook deliveries, Slack replies, tracker syncs)."


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("needs at least 1")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers", type=_positive, default=2, help="tasks run at once (default: 2)"
    )
    parser.add_argument(
        "--processes",
        action="store_true",
        help="run the workers as processes rather than threads",
    )
    parser.add_argument(
        "--no-periodic",
        action="store_true",
        help="leave periodic jobs to another worker (or to `unblame serve`)",
    )


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from huey.contrib.djhuey import HUEY

    from unblame.server.queue import describe, load_tasks

    if HUEY.immediate:
        raise CliError("UNBLAME_TASKS_IMMEDIATE is on: tasks run inline and need no worker")
    load_tasks()
    consumer = HUEY.create_consumer(
        workers=args.workers,
        worker_type="process" if args.processes else "thread",
        periodic=not args.no_periodic,
    )
    print(f"Running {args.workers} worker(s); queue in {describe(HUEY)}. Ctrl+C stops.")
    consumer.run()
    return 0
