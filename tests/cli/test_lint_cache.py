"""`unblame lint` keeps compiled patterns between runs; the output never depends on it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from unblame.cli import lint
from unblame.language import regex_cache

from .conftest import CLEAN, COUNTERFACTUAL, SELF_BLAME, write

REVIEW = f"# Review\n\n{CLEAN}\n\n{SELF_BLAME}\n\n## Actions\n\n- {COUNTERFACTUAL}\n"


def _lint(folder: Path, cache: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """A whole `unblame lint` process, as a user runs it, with its own cache setting."""
    return subprocess.run(
        [sys.executable, "-m", "unblame.cli", "lint", "--format", "json", *extra, str(folder)],
        capture_output=True,
        text=True,
        env={"UNBLAME_CACHE_DIR": cache, "PATH": "", "HOME": str(folder)},
        check=False,
    )


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    for i in range(6):
        write(tmp_path / "reviews" / f"review-{i}.md", REVIEW * (1 + i))
    return tmp_path / "reviews"


def test_a_second_run_reads_the_cache_and_prints_the_same(tmp_path, reviews):
    cache = tmp_path / "cache"
    first = _lint(reviews, str(cache))
    (store,) = cache.glob("regex-*")  # one store: this Python's
    assert len(list(store.glob("*.marshal"))) > 10
    second = _lint(reviews, str(cache))
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert first.returncode == 1 and '"UB' in first.stdout
    uncached = _lint(reviews, "")
    assert uncached.stdout == first.stdout


def test_an_empty_cache_setting_writes_nothing(tmp_path, reviews):
    done = _lint(reviews, "")
    assert done.returncode == 1
    assert not list(tmp_path.rglob("*.marshal"))


def test_several_processes_fill_the_cache_before_they_start(tmp_path, reviews):
    cache = tmp_path / "cache"
    done = _lint(reviews, str(cache), "--jobs", "2")
    assert done.returncode == 1
    assert list(cache.glob("regex-*/*.marshal"))


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("UNBLAME_CACHE_DIR", str(tmp_path / "mine"))
    assert lint.cache_folder() == tmp_path / "mine"
    monkeypatch.setenv("UNBLAME_CACHE_DIR", "")
    assert lint.cache_folder() is None
    monkeypatch.delenv("UNBLAME_CACHE_DIR")
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert lint.cache_folder() == tmp_path / "xdg" / "unblame"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert lint.cache_folder() == tmp_path / "home" / ".cache" / "unblame"


def test_lint_in_process_uses_the_folder_the_tests_give_it(cli, isolated):
    write(isolated / "a.md", REVIEW)
    assert cli("lint", "a.md").code == 1
    assert regex_cache._folder == isolated / ".unblame-cache"


def test_a_parallel_run_leaves_nothing_for_the_next_run_to_compile(tmp_path, reviews):
    cache = tmp_path / "cache"
    assert _lint(reviews, str(cache), "--jobs", "2").returncode == 1
    (store,) = cache.glob("regex-*")
    written = {entry.name: entry.stat().st_mtime_ns for entry in store.iterdir()}
    again = _lint(reviews, str(cache), "--jobs", "1")
    assert again.returncode == 1
    # One process found every pattern stored: nothing written, nothing added.
    assert {entry.name: entry.stat().st_mtime_ns for entry in store.iterdir()} == written


PREPARED_CHECK = """
import sys
from pathlib import Path
from unblame.language import analyze, regex_cache
from unblame.language.analyzer import prepare
prepare()
before = set(regex_cache._fresh)
for path in sorted(Path(sys.argv[1]).glob("*.md")):
    analyze(path.read_text(encoding="utf-8"))
print(len(before), len(set(regex_cache._fresh) - before))
"""


def test_prepare_compiles_every_pattern_the_sample_reviews_need():
    samples = Path(__file__).resolve().parents[2] / "samples"
    done = subprocess.run(
        [sys.executable, "-c", PREPARED_CHECK, str(samples)],
        capture_output=True,
        text=True,
        env={"UNBLAME_CACHE_DIR": "", "PATH": ""},
        check=True,
    )
    prepared, compiled_later = map(int, done.stdout.split())
    assert prepared > 100
    assert compiled_later == 0


def test_lint_keeps_no_memo_of_sentences_and_prints_what_the_memo_would(cli, reviews, monkeypatch):
    from unblame.language import analyzer

    monkeypatch.setattr(analyzer, "_memo", {})
    without = cli("lint", "--format", "json", "--jobs", "1", str(reviews))
    assert analyzer._memo is None  # a folder's files share few sentences
    analyzer.remember_windows(True)
    texts = sorted(reviews.glob("*.md"))
    remembered = [analyzer.analyze(path.read_text()) for path in texts * 2]
    assert analyzer._memo
    assert without.code == 1
    reported = json.loads(without.out)
    assert sum(len(f["findings"]) for f in reported["files"]) == sum(map(len, remembered)) // 2


def _quick_settings(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every setting `unblame lint` gives regex_cache.compile_quickly, in order."""
    asked: list[bool] = []
    real = regex_cache.compile_quickly

    def spy(on: bool) -> None:
        asked.append(on)
        real(on)

    monkeypatch.setattr(regex_cache, "compile_quickly", spy)
    return asked


def test_a_small_run_compiles_quickly_and_sets_it_back(cli, reviews, monkeypatch):
    asked = _quick_settings(monkeypatch)
    assert cli("lint", "--jobs", "1", str(reviews)).code == 1
    assert asked == [True, False]
    assert regex_cache._quick is False


def test_a_run_over_the_quick_limit_builds_the_faster_programs(cli, reviews, monkeypatch):
    size = sum(path.stat().st_size for path in reviews.glob("*.md"))
    monkeypatch.setattr(lint, "QUICK_COMPILE_BYTES", size)
    asked = _quick_settings(monkeypatch)
    assert cli("lint", "--jobs", "1", str(reviews)).code == 1
    assert asked == [False, False]


def test_a_run_with_no_cache_folder_prints_the_same_whichever_way_it_compiles(tmp_path, reviews):
    quick = _lint(reviews, "")
    slow = subprocess.run(
        [sys.executable, "-c", SLOW_LINT, "--format", "json", str(reviews)],
        capture_output=True,
        text=True,
        env={"UNBLAME_CACHE_DIR": "", "PATH": "", "HOME": str(tmp_path)},
        check=False,
    )
    assert quick.returncode == slow.returncode == 1
    assert '"UB' in quick.stdout
    assert quick.stdout == slow.stdout


# `unblame lint` with the quick limit at zero: every pattern gets regex_case's program.
SLOW_LINT = """
import sys
from unblame.cli import lint, main
lint.QUICK_COMPILE_BYTES = 0
sys.argv[0] = "unblame"
sys.exit(main(["lint", *sys.argv[1:]]))
"""
