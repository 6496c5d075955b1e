"""The `unblame` command line.

Each subcommand is one module in this package exposing:

    NAME: str                                   # the word typed after `unblame`
    HELP: str                                   # one line, shown by `unblame --help`
    def add_arguments(parser) -> None           # declares its options
    def run(args) -> int                        # does the work, returns the exit code

and is listed once in SUBCOMMANDS below. Modules are imported while the parser
is built, so a subcommand that needs something heavy (Django for `serve`)
imports it inside `run`, keeping `unblame lint` and `unblame --help` fast.

Exit codes are shared by every subcommand: 0 success, 1 the check found what
it looks for (findings, scores under a threshold), 2 a usage or input error,
reported as one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from unblame import __version__

from .common import CliError

# Order here is the order in `unblame --help`. Add a module path to register a subcommand.
SUBCOMMANDS: list[str] = [
    "unblame.cli.lint",
    "unblame.cli.rules",
    "unblame.cli.evaluate",
    # The web app; these import Django only when run.
    "unblame.cli.serve",
    "unblame.cli.createuser",
    "unblame.cli.demo",
    "unblame.cli.review",
    "unblame.cli.remind",
    "unblame.cli.manage",
]

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand attached."""
    parser = argparse.ArgumentParser(
        prog="unblame",
        description="Keep incident reviews about the system, not about people.",
    )
    parser.add_argument("--version", action="version", version=f"unblame {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for path in SUBCOMMANDS:
        module = importlib.import_module(path)
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; never raises SystemExit itself."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits for --help, --version and bad usage
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except CliError as exc:
        print(f"unblame {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `unblame lint … | head`: the reader left; that is not an error of ours.
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        # A captured stdout (tests) has no real descriptor to replace.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
