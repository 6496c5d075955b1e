"""`unblame lint --jobs`: several processes print exactly what one prints."""

from __future__ import annotations

import multiprocessing

import pytest

from unblame.cli import lint, parallel
from unblame.cli.common import Progress

from .conftest import CLEAN, COUNTERFACTUAL, SELF_BLAME, FakeTerminal, write

TEXTS = (
    CLEAN,
    SELF_BLAME,
    f"# Review\n\n{CLEAN}\n\n{COUNTERFACTUAL}\n",
    f"# Timeline\n\n- 14:02 {CLEAN}\n- 14:05 {SELF_BLAME}\n\n## Actions\n\n- {COUNTERFACTUAL}\n",
    "",
)


@pytest.fixture
def docs(tmp_path):
    """A folder of 30 files in nested folders, clean and flagged, of different lengths."""
    for i in range(30):
        text = TEXTS[i % len(TEXTS)] * (1 + i % 4)
        write(tmp_path / "docs" / f"team-{i % 3}" / f"review-{i:02}.md", text)
    return tmp_path / "docs"


@pytest.fixture
def parallel_runs(monkeypatch):
    """Count the runs that really went to worker processes."""
    calls = []
    real = parallel.lint_in_parallel

    def counted(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "lint_in_parallel", counted)
    return calls


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_two_jobs_print_exactly_what_one_job_prints(cli, docs, parallel_runs, fmt):
    one = cli("lint", "--format", fmt, "--jobs", "1", "docs")
    two = cli("lint", "--format", fmt, "--jobs", "2", "docs")
    assert parallel_runs == [2]
    assert one.code == two.code == 1
    assert two.out == one.out
    assert two.err == one.err == ""


def test_many_jobs_for_few_files_print_the_same(cli, docs, parallel_runs):
    one = cli("lint", "-j", "1", "docs/team-0/review-00.md", "docs/team-1/review-01.md")
    many = cli("lint", "-j", "64", "docs/team-0/review-00.md", "docs/team-1/review-01.md")
    assert parallel_runs == [2]  # never more processes than files
    assert (many.code, many.out) == (one.code, one.out)


def test_jobs_keep_standard_input_in_its_place(cli, docs):
    stdin = SELF_BLAME.encode()
    one = cli("lint", "--format", "json", "-j", "1", "docs/team-0", "-", "docs", stdin=stdin)
    two = cli("lint", "--format", "json", "-j", "2", "docs/team-0", "-", "docs", stdin=stdin)
    assert (two.code, two.out) == (one.code, one.out)
    assert '"path": "-"' in two.out


def test_jobs_report_the_first_unreadable_file_as_one_job_does(cli, docs):
    write(docs / "team-1" / "review-13.md", "caf\u00e9\n", encoding="latin-1")
    write(docs / "team-2" / "review-29.md", "r\u00e9sum\u00e9\n", encoding="latin-1")
    one = cli("lint", "-j", "1", "docs")
    two = cli("lint", "-j", "2", "docs")
    assert one.code == two.code == 2
    assert one.out == two.out == ""
    assert two.err_lines == one.err_lines
    assert len(two.err_lines) == 1
    assert "review-13.md" in two.err and "not UTF-8" in two.err


def test_jobs_report_bad_standard_input_in_its_place(cli, docs):
    bad = "caf\u00e9".encode("latin-1")
    one = cli("lint", "-j", "1", "docs", "-", stdin=bad)
    two = cli("lint", "-j", "2", "docs", "-", stdin=bad)
    assert one.code == two.code == 2
    assert two.err_lines == one.err_lines
    assert "not UTF-8" in two.err


def test_spawned_workers_print_what_forked_ones_print(cli, docs, monkeypatch):
    """macOS and Windows spawn workers, which start from nothing instead of a copy."""
    forked = cli("lint", "--format", "json", "-j", "2", "docs")
    monkeypatch.setattr(parallel, "_start_context", lambda: multiprocessing.get_context("spawn"))
    spawned = cli("lint", "--format", "json", "-j", "2", "docs")
    assert (spawned.code, spawned.out, spawned.err) == (forked.code, forked.out, forked.err)


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_must_be_a_whole_number_of_one_or_more(cli, docs, value):
    result = cli("lint", f"--jobs={value}", "docs")
    assert result.code == 2
    assert result.out == ""
    assert "--jobs" in result.err
    assert "1 or more" in result.err


def test_jobs_draw_the_progress_bar_to_the_end(cli, docs, monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(
        lint.Progress, "for_files", lambda total: Progress(total, terminal, enabled=True)
    )
    result = cli("lint", "-j", "2", "docs")
    assert result.code == 1
    assert "] 30/30 files" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")


# Choosing the number of processes


def test_a_small_run_uses_one_process(monkeypatch):
    monkeypatch.setattr(lint, "cpu_count", lambda: 8)
    assert lint.choose_jobs(None, [4_000] * 5) == 1
    assert lint.choose_jobs(None, [10] * 100) == 1
    assert lint.choose_jobs(None, [lint.PARALLEL_MIN_BYTES * 2]) == 1


def test_a_big_run_uses_every_cpu(monkeypatch):
    monkeypatch.setattr(lint, "cpu_count", lambda: 8)
    assert lint.choose_jobs(None, [4_000] * 500) == 8
    assert lint.choose_jobs(None, [0] * (lint.PARALLEL_MIN_BYTES // lint.FILE_COST_BYTES)) == 8
    assert lint.choose_jobs(None, [lint.PARALLEL_MIN_BYTES // 2] * 2) == 2


def test_jobs_asked_for_are_used_up_to_one_per_file(monkeypatch):
    monkeypatch.setattr(lint, "cpu_count", lambda: 8)
    assert lint.choose_jobs(1, [1_000_000] * 100) == 1
    assert lint.choose_jobs(3, [10] * 5) == 3
    assert lint.choose_jobs(16, [10] * 5) == 5


@pytest.mark.parametrize("count", [1, 2, 7, 16, 100])
def test_runs_cover_every_file_once_in_order(count):
    sizes = [(i * 7919) % 20_000 for i in range(50)]
    runs = parallel.split_runs(sizes, count)
    assert runs[0][0] == 0 and runs[-1][1] == len(sizes)
    assert all(a < b for a, b in runs)
    assert all(runs[i][1] == runs[i + 1][0] for i in range(len(runs) - 1))
    assert len(runs) <= max(count, 1) + 1
