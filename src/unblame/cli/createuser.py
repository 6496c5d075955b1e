"""`unblame createuser`: add a person, or give one a new password."""

from __future__ import annotations

import argparse
import sys

from .common import CliError
from .server import start_django

NAME = "createuser"
HELP = "Add a web app user, or give one a new password."

ROLES = ("admin", "editor", "viewer")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username")
    parser.add_argument("--role", choices=ROLES, default="viewer", help="default: viewer")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of making a random one",
    )
    parser.add_argument(
        "--reset-password",
        action="store_true",
        help="the user exists: give them a new password (their role is unchanged)",
    )


def run(args: argparse.Namespace) -> int:
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if len(password) < 10:
            raise CliError("the password must be at least 10 characters")
    start_django()
    from unblame.server.serve import set_user

    try:
        user, password, created = set_user(args.username, args.role, password, args.reset_password)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    verb = f"Created {user.role}" if created else "New password for"
    print(f"{verb} {user.username}.")
    if not args.password_stdin:
        print(f"    password: {password}")
        print("This password is shown only once.")
    return 0
