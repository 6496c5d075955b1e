"""bench/lint_speed.py compares unblame with a baseline checkout, figure by figure."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import lint_speed
from lint_speed import Tool


def _tool(label: str, seconds: float, cpu: float) -> Tool:
    return Tool(label, [], times=[seconds], cpu_times=[cpu])


def test_each_figure_is_given_as_a_ratio_of_the_baselines_same_figure(capsys):
    lint_speed.print_against_baseline(
        [
            _tool("unblame lint tiny.md", 0.09, 0.08),
            _tool("unblame --version", 0.04, 0.04),
            _tool("baseline lint tiny.md", 0.10, 0.10),
            _tool("proselint check", 1.0, 1.0),
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    # --version has no baseline figure here, so it gets no ratio.
    assert lines == [
        "against baseline: unblame lint tiny.md takes 0.90x the time (0.80x the CPU time)"
    ]


def test_the_baseline_runs_its_own_source_with_its_own_cache(tmp_path):
    args = lint_speed.parse_args(["--baseline", str(tmp_path / "src")])
    env = lint_speed.baseline_env(args, str(tmp_path))
    assert env["PYTHONPATH"] == str((tmp_path / "src").resolve())
    assert env["UNBLAME_CACHE_DIR"] == str(tmp_path / "baseline-cache")


def _report(files: int, finding: str) -> bytes:
    return json.dumps({"summary": {"files": files}, "files": [finding]}).encode()


def test_each_unblame_must_print_one_report_every_run_but_may_differ_from_the_other():
    check = lint_speed._check_unblame(2)
    check(_tool("unblame lint", 1, 1), _report(2, "UB101"))
    check(_tool("baseline lint", 1, 1), _report(2, "UB102"))  # older rules: another report
    check(_tool("baseline lint -j 1", 1, 1), _report(2, "UB102"))
    with pytest.raises(SystemExit, match="printed a different report"):
        check(_tool("baseline lint", 1, 1), _report(2, "UB101"))
    with pytest.raises(SystemExit, match="linted 1 of 2 files"):
        check(_tool("baseline lint", 1, 1), _report(1, "UB102"))
