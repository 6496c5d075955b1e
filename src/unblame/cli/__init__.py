"""The `unblame` command line.

Each subcommand is one module in this package exposing:

    NAME: str                                   # the word typed after `unblame`
    HELP: str                                   # one line, shown by `unblame --help`
    def add_arguments(parser) -> None           # declares its options
    def run(args) -> int                        # does the work, returns the exit code

and is listed once in COMMANDS below, under its NAME. When the command line
names a subcommand, only that module is imported (`unblame lint` never loads
the evaluation code or the web app's helpers); `unblame --help` imports them
all to list them. A subcommand that needs something heavy (Django for
`serve`) imports it inside `run`, keeping `unblame --help` fast too.

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

# Order here is the order in `unblame --help`. Add NAME: module path to register a
# subcommand; the key must be the module's NAME (a test checks).
COMMANDS: dict[str, str] = {
    "lint": "unblame.cli.lint",
    "rules": "unblame.cli.rules",
    "eval": "unblame.cli.evaluate",
    # The web app; these import Django only when run.
    "serve": "unblame.cli.serve",
    "createuser": "unblame.cli.createuser",
    "demo": "unblame.cli.demo",
    "review": "unblame.cli.review",
    "remind": "unblame.cli.remind",
    "worker": "unblame.cli.worker",
    "backup": "unblame.cli.backup",
    "restore": "unblame.cli.restore",
    "refresh-findings": "unblame.cli.refresh_findings",
    "export": "unblame.cli.export",
    "import": "unblame.cli.import_data",
    "manage": "unblame.cli.manage",
}
SUBCOMMANDS: list[str] = list(COMMANDS.values())
# Commands that hold nothing to release when they end (no server, database or
# open file): run as the process's own command line, they end it without the
# interpreter's teardown, which freeing every module's objects made 7% of the
# instructions of `unblame lint` on one small file (callgrind 368M -> 342M) and
# about 11% of its CPU time.
QUICK_EXIT = frozenset({"lint", "rules", "eval"})

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand attached, or just `only`.

    `only=""` attaches none, for `--version`.
    """
    parser = argparse.ArgumentParser(
        prog="unblame",
        description="Keep incident reviews about the system, not about people.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"unblame {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, path in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(path)
        command = sub.add_parser(
            module.NAME, help=module.HELP, description=module.HELP, formatter_class=HelpFormatter
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, as wide as argparse makes it, found without shutil.

    argparse imports shutil (and bz2, lzma and fnmatch with it) for the terminal's
    width whenever a parser is built, which every command line is: about 2% of
    the instructions of `unblame lint` on one small file.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; never raises SystemExit itself.

    Called with no `argv` (the console script, `python -m unblame.cli`), a
    command in QUICK_EXIT ends the process once its output is flushed, with
    that exit code, rather than return it.
    """
    own_process = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    command = _named_command(argv)
    code = _run(argv, command)
    if own_process and command in QUICK_EXIT:
        exit_now(code)
    return code


def exit_now(code: int) -> None:
    """End the process with `code` after flushing stdout and stderr, skipping the
    interpreter's teardown; return instead when a stream cannot be flushed, so
    the interpreter's own exit reports that as it always has."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _run(argv: list[str], command: str | None) -> int:
    parser = build_parser(only=command)
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


def _named_command(argv: Sequence[str]) -> str | None:
    """The registered subcommand the command line names, if any ("" for none at all).

    The top-level parser's only options (--help, --version) take no value, so
    the first argument that is not an option is the subcommand. Anything else
    (top-level help, no command, a misspelt one) gets the full parser, whose
    usage and help list every command.
    """
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
        if arg == "--version":
            return ""  # prints the version before any command is looked at: load none
        if arg in ("-h", "--help"):
            return None
    return None


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        # A captured stdout (tests) has no real descriptor to replace.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
