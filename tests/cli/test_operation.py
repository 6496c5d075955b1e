"""The run shape shared by backup, restore, export and import (cli/operation.py)."""

from __future__ import annotations

import argparse
import json

import pytest

from unblame.cli.operation import add_format_argument, perform
from unblame.server.backup import BackupError, BackupInputError


class Done:
    rows = 3

    def as_json(self) -> dict[str, object]:
        return {"rows": self.rows}


def args(fmt: str = "text") -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_format_argument(parser)
    return parser.parse_args(["--format", fmt])


def run(fmt: str, work, after=None) -> int:
    return perform(
        args(fmt),
        "backup",
        work,
        failed="failed, nothing written",
        failures=(BackupError,),
        summary=lambda report: f"Copied {report.rows} rows.",
        after=after,
    )


def test_success_prints_progress_then_one_summary_line(capsys):
    def work(progress):
        progress("Copying 3 tables")
        return Done()

    assert run("text", work) == 0
    assert capsys.readouterr().out == "Copying 3 tables\nCopied 3 rows.\n"


def test_json_gives_the_report_and_no_progress(capsys):
    def work(progress):
        progress("Copying 3 tables")
        return Done()

    assert run("json", work) == 0
    assert json.loads(capsys.readouterr().out) == {"version": 1, "rows": 3}


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (BackupInputError("no such folder: /nope"), 2, "unblame backup: no such folder: /nope\n"),
        (BackupError("disk full"), 1, "unblame backup: failed, nothing written: disk full\n"),
    ],
)
def test_a_usage_error_exits_2_and_a_failure_exits_1_with_one_line(capsys, error, code, line):
    def work(progress):
        raise error

    ran = []
    assert run("text", work, after=lambda: ran.append(True)) == code
    captured = capsys.readouterr()
    assert captured.err == line and captured.out == ""
    assert ran == []  # nothing runs after a failed operation


def test_an_unexpected_error_is_not_swallowed():
    def work(progress):
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        run("text", work)


def test_after_runs_once_before_the_summary(capsys):
    order = []
    assert run("text", lambda progress: Done(), after=lambda: order.append("after")) == 0
    order.append(capsys.readouterr().out)
    assert order == ["after", "Copied 3 rows.\n"]
