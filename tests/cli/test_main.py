"""The `unblame` entry point: help, version, subcommand registration, the console script."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unblame import __version__
from unblame.cli import (
    COMMANDS,
    QUICK_EXIT,
    SUBCOMMANDS,
    HelpFormatter,
    build_parser,
    exit_now,
    main,
    terminal_columns,
)

from .conftest import CLEAN, SELF_BLAME


def test_help_lists_every_subcommand_with_its_description(cli):
    result = cli("--help")
    assert result.code == 0
    for path in SUBCOMMANDS:
        module = importlib.import_module(path)
        assert module.NAME in result.out
        assert module.HELP[:40] in " ".join(result.out.split())


def test_version_prints_the_package_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"unblame {__version__}"


def test_it_exits_2_with_usage_when_no_command_is_given(cli):
    result = cli()
    assert result.code == 2
    assert "usage: unblame" in result.err


def test_it_exits_2_for_an_unknown_command(cli):
    result = cli("frobnicate")
    assert result.code == 2
    assert "frobnicate" in result.err


def test_every_registered_subcommand_has_the_module_contract():
    names = []
    for path in SUBCOMMANDS:
        module = importlib.import_module(path)
        assert isinstance(module.NAME, str) and module.NAME
        assert isinstance(module.HELP, str) and "\n" not in module.HELP
        assert callable(module.add_arguments) and callable(module.run)
        names.append(module.NAME)
    assert len(names) == len(set(names))


def test_each_command_is_registered_under_its_modules_name():
    for name, path in COMMANDS.items():
        module = importlib.import_module(path)
        assert name == module.NAME, path


def test_a_subcommands_help_comes_from_its_own_parser(cli):
    result = cli("lint", "--help")
    assert result.code == 0
    assert result.out.startswith("usage: unblame lint")
    assert "--jobs" in result.out


def test_help_before_a_command_still_lists_every_command(cli):
    result = cli("--help", "lint")
    assert result.code == 0
    assert all(name in result.out for name in COMMANDS)


# What `unblame lint` loads decides its start-up time; these must stay out of it.
NOT_LOADED_BY_LINT = (
    "django",
    "unblame.language.evaluation",
    "unblame.cli.evaluate",
    "unblame.cli.serve",
    "unblame.cli.server",
    "unblame.cli.parallel",
    "concurrent.futures.process",
    "multiprocessing",
    # argparse's default formatter would import it for the terminal's width (cli.HelpFormatter).
    "shutil",
)


def test_linting_one_file_loads_no_other_command_django_or_process_pool(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    script = (
        "import sys\n"
        "from unblame.cli import main\n"
        "code = main(['lint', 'clean.md'])\n"
        f"print(sorted(m for m in {NOT_LOADED_BY_LINT!r} if m in sys.modules), code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[-1] == "[] 0"


def test_version_loads_no_command(tmp_path):
    script = (
        "import sys\n"
        "from unblame.cli import COMMANDS, main\n"
        "code = main(['--version'])\n"
        "print(sorted(m for m in COMMANDS.values() if m in sys.modules), code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == [f"unblame {__version__}", "[] 0"]


def _console_script() -> str:
    script = Path(sys.executable).with_name("unblame")
    return str(script) if script.exists() else "unblame"


def test_the_console_script_lints_stdin_and_exits_1_on_findings(tmp_path):
    done = subprocess.run(
        [_console_script(), "lint", "-", "--color", "never"],
        input=SELF_BLAME.encode(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert b"1 file" in done.stdout


def test_python_dash_m_runs_the_same_command_line(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "unblame.cli", "lint", "clean.md"],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "No findings in 1 file."


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_reader_that_goes_away_is_not_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["rules"]) == 0


def test_an_interrupt_exits_130(monkeypatch):
    def interrupted(rules):
        raise KeyboardInterrupt

    monkeypatch.setattr("unblame.cli.rules.render_table", interrupted)
    assert main(["rules"]) == 130


# The analyzer's commands end their own process without the interpreter's teardown
# (cli.QUICK_EXIT); what they print and their exit code must be exactly as before.
@pytest.mark.parametrize("command", [["rules"], ["rules", "--format", "json"]])
def test_a_quick_exit_prints_everything_the_command_wrote(tmp_path, command):
    # To a pipe stdout is block-buffered: `rules` leaves its text in the buffer,
    # so a process ended without flushing it would print nothing.
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run(
        [sys.executable, "-m", "unblame.cli", *command],
        capture_output=True,
        cwd=tmp_path,
        env=buffered,
        timeout=60,
    )
    in_process = subprocess.run(
        [sys.executable, "-c", f"from unblame.cli import main; main({command!r})"],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout and done.stdout == in_process.stdout


def test_a_quick_exit_keeps_the_exit_code_of_a_usage_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "unblame.cli", "lint", "missing.md"],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2
    assert b"missing.md" in done.stderr


class Exited(Exception):
    pass


def _record_exit(monkeypatch) -> list[int]:
    codes: list[int] = []

    def fake_exit(code: int) -> None:
        codes.append(code)
        raise Exited

    monkeypatch.setattr("unblame.cli.os._exit", fake_exit)
    return codes


def test_the_process_command_line_ends_the_process_for_the_analyzer_commands(monkeypatch):
    codes = _record_exit(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["unblame", "rules"])
    with pytest.raises(Exited):
        main()
    assert codes == [0]


def test_a_command_line_given_as_argv_returns_and_never_ends_the_process(monkeypatch):
    codes = _record_exit(monkeypatch)
    assert main(["rules"]) == 0
    assert codes == []


def test_commands_that_hold_resources_return_as_before(monkeypatch):
    codes = _record_exit(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["unblame", "--version"])
    assert main() == 0
    assert codes == []
    assert {"serve", "worker", "demo"}.isdisjoint(QUICK_EXIT)


class UnflushableStream(io.StringIO):
    def flush(self) -> None:
        raise ValueError("I/O operation on closed file")


def test_an_output_that_cannot_be_flushed_leaves_the_exit_to_the_interpreter(monkeypatch):
    codes = _record_exit(monkeypatch)
    monkeypatch.setattr(sys, "stdout", UnflushableStream())
    exit_now(3)
    assert codes == []


@pytest.mark.parametrize("columns", ["100", "45", "0", "-3", "wide", None])
def test_the_help_is_as_wide_as_argparse_makes_it(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    # What argparse's own formatter measures (it asks shutil).
    assert HelpFormatter("unblame")._width == argparse.HelpFormatter("unblame")._width
    assert terminal_columns() == shutil.get_terminal_size().columns


def test_the_help_text_is_argparses_own(monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    ours = build_parser(only="lint")
    theirs = build_parser(only="lint")
    theirs.formatter_class = argparse.HelpFormatter
    lint = ours._subparsers._group_actions[0].choices["lint"]
    lint_theirs = theirs._subparsers._group_actions[0].choices["lint"]
    lint_theirs.formatter_class = argparse.HelpFormatter
    assert ours.format_help() == theirs.format_help()
    assert lint.format_help() == lint_theirs.format_help()


def test_a_stdout_with_no_terminal_is_80_columns_wide(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", None)
    assert terminal_columns() == 80
