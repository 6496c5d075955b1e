"""`unblame manage`: Django's management commands, with unblame's settings."""

from __future__ import annotations

import argparse

from .server import start_django

NAME = "manage"
HELP = "Run a Django management command (migrate, dbshell, …)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="the command and its options")


def run(args: argparse.Namespace) -> int:
    start_django(migrate=False)
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["unblame manage", *(args.arguments or ["help"])])
    except SystemExit as exc:  # Django exits on errors and after `help`
        return exc.code if isinstance(exc.code, int) else 1
    return 0
