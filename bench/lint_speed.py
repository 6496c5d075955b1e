"""How fast `unblame lint` reads whole reviews, against proselint on the same files.

    .venv/bin/python bench/lint_speed.py [--source DIR] [--megabytes 4] [--runs 3]

Builds a corpus of at least --megabytes by copying the Markdown files of
--source (default: ../shared/eval/docs next to the repository; read at run
time, never stored in the project) into a temporary folder, then times each
tool as a whole process over that folder: wall clock, start-up included, best
of --runs. The proselint run is the baseline, measured in the same run, so the
ratio holds on any machine. `make bench` installs proselint and runs this.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "eval" / "docs"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sources = sorted(args.source.rglob("*.md"))
    if not sources:
        print(f"bench: no *.md files in {args.source}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="unblame-bench-") as tmp:
        corpus = Path(tmp)
        files, size = build_corpus(sources, corpus, args.megabytes * 1_000_000)
        megabytes = size / 1_000_000
        print(f"corpus: {files} files, {megabytes:.2f} MB, copied from {args.source}")
        ours = best_time(unblame_command(corpus), args.runs, check=_check_unblame(files))
        report("unblame lint --format json", ours, megabytes)
        proselint = shutil.which("proselint", path=str(Path(sys.executable).parent))
        if proselint is None:
            print("proselint: not installed (pip install proselint); no baseline")
            return 0
        theirs = best_time([proselint, "check", str(corpus)], args.runs)
        report("proselint check", theirs, megabytes)
        print(f"ratio: unblame is {theirs / ours:.2f}x the speed of proselint")
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args(argv)


def build_corpus(sources: Sequence[Path], folder: Path, min_bytes: float) -> tuple[int, int]:
    """Copy the sources round after round until the copies reach `min_bytes`."""
    texts = [(path.name, path.read_bytes()) for path in sources]
    files = size = 0
    round_no = 0
    while size < min_bytes:
        for name, data in texts:
            (folder / f"{round_no:04d}-{name}").write_bytes(data)
            files, size = files + 1, size + len(data)
        round_no += 1
    return files, size


def unblame_command(corpus: Path) -> list[str]:
    script = Path(sys.executable).with_name("unblame")
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "unblame.cli"]
    return [*entry, "lint", "--format", "json", "--fail-on", "never", str(corpus)]


def _check_unblame(files: int):
    """unblame must have read every file, or the timing measures nothing."""

    def check(stdout: bytes) -> None:
        linted = json.loads(stdout)["summary"]["files"]
        if linted != files:
            raise SystemExit(f"bench: unblame linted {linted} of {files} files")

    return check


def best_time(command: list[str], runs: int, check=None) -> float:
    """The fastest of `runs` wall-clock timings of the whole process."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        # proselint exits 1 when it has findings; anything higher is a failure.
        if done.returncode > 1:
            raise SystemExit(f"bench: {command[0]} failed: {done.stderr.decode()[-500:]}")
        if check is not None:
            check(done.stdout)
        best = min(best, elapsed)
    return best


def report(label: str, seconds: float, megabytes: float) -> None:
    print(f"{label:<28} {seconds:7.2f} s  {megabytes / seconds:7.2f} MB/s")


if __name__ == "__main__":
    sys.exit(main())
