"""How fast `unblame lint` reads a folder of small reviews, against proselint on the same files.

    .venv/bin/python bench/lint_speed.py [--files 500] [--runs 5] [--startup-runs 15]
                                         [--keep DIR] [--baseline SRC]

Builds a folder of --files small review files (about 4 KB each, so about
2 MB) at run time, deterministically, from the project's samples/ and the
real reviews in ../shared/eval/docs (read, never stored in the project):
every file is a title and a run of consecutive sections cut from those
documents. Then, in the same run and interleaved so a busy machine slows
every tool alike, it times each tool as a whole process over that folder,
start-up included, median of --runs:

- `unblame lint --format json DIR` as a user runs it (all cores for a folder),
  after one untimed run, so its compiled patterns are in the cache as on any
  second run,
- the same with `--jobs 1` (one core), when the installed unblame has it,
- the same with no pattern cache (UNBLAME_CACHE_DIR empty): a first run, or CI
  that keeps no cache folder,
- `proselint check DIR`, the baseline, so the ratio holds on any machine.

Start-up is the median of --startup-runs of `python -c pass` (the floor),
`unblame --version` and `unblame lint` on one small file, with and without
the pattern cache. `make bench` installs proselint and runs this.

`--baseline SRC` also times another checkout's `unblame lint` (SRC is its
`src` folder: a git worktree of the commit before a change, say) in the same
interleaved runs, with a pattern cache of its own, and prints each figure as
a ratio of the baseline's, so a change is measured against what it changes.

Each tool also gets its CPU time (user and system, its children included),
which a busy machine disturbs far less than the wall clock. The tools run as
installed, with their bytecode cached: where PYTHONDONTWRITEBYTECODE is set
(which makes every run compile unblame's source again, about 40% of a
start-up), it is lifted for them and the bytecode goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED_DOCS = REPO.parent / "shared" / "eval" / "docs"
# Not reviews: a folder's description and the shared set's list of sources.
NOT_REVIEWS = frozenset({"README.md", "SOURCES.md"})
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
SECTION_RE = re.compile(r"^(?=#{2,3} )", re.MULTILINE)
TINY_REVIEW = "# Review\n\nThe deploy job failed to start, and the alert fired at 14:02.\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="unblame-bytecode-") as bytecode,
        as_installed(bytecode),
    ):
        return run(args)


def run(args: argparse.Namespace) -> int:
    sources = review_sources(args.source)
    if not sources:
        print("bench: no review files found in samples/ or --source", file=sys.stderr)
        return 2
    sections = [s for path in sources for s in split_sections(path.read_text(encoding="utf-8"))]
    unblame = unblame_entry()
    proselint = shutil.which("proselint", path=str(Path(sys.executable).parent))
    with tempfile.TemporaryDirectory(prefix="unblame-bench-") as tmp:
        folder = args.keep or Path(tmp) / "reviews"
        files, size = build_corpus(sections, folder, args.files, args.kilobytes * 1000)
        megabytes = size / 1_000_000
        print(
            f"corpus: {files} files, {megabytes:.2f} MB ({size / files / 1000:.1f} KB a file), "
            f"cut from {len(sources)} reviews in samples/ and {args.source}"
        )
        print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")

        tools = lint_tools("unblame", unblame, folder)
        if args.baseline is not None:
            tools += lint_tools("baseline", baseline_entry(), folder, baseline_env(args, tmp))
        if proselint is not None:
            tools.append(Tool("proselint check", [proselint, "check", str(folder)]))
        with OtherLoad() as load:
            time_interleaved(tools, args.runs, check=_check_unblame(files))

        header = f"{'whole process, ' + str(files) + ' files':<34} {'median':>8} {'MB/s':>8}"
        print(f"{header} {'CPU s':>8}")
        for tool in tools:
            seconds = tool.median
            print(f"{tool.label:<34} {seconds:7.2f}s {megabytes / seconds:8.2f} {tool.cpu:8.2f}")
        if proselint is None:
            print("proselint: not installed (pip install proselint); no baseline")
        else:
            baseline, cpu = tools[-1].median, tools[-1].cpu
            for tool in tools[:-1]:
                print(
                    f"ratio: {tool.label} is {baseline / tool.median:.1f}x proselint"
                    f" ({cpu / tool.cpu:.1f}x in CPU time)"
                )
        print_against_baseline(tools)
        print(load.describe())

    with tempfile.TemporaryDirectory(prefix="unblame-bench-") as tmp:
        tiny = Path(tmp) / "tiny.md"
        tiny.write_text(TINY_REVIEW, encoding="utf-8")
        startup = [Tool("python -c pass", [sys.executable, "-c", "pass"])]
        startup += startup_tools("unblame", unblame, tiny)
        if args.baseline is not None:
            startup += startup_tools("baseline", baseline_entry(), tiny, baseline_env(args, tmp))
        time_interleaved(startup, args.startup_runs)
    print(f"\n{'start-up':<34} {'median':>8} {'over python':>12} {'CPU':>8}")
    floor = startup[0].median
    for tool in startup:
        extra = "" if tool is startup[0] else f"{(tool.median - floor) * 1000:+10.0f} ms"
        print(
            f"{tool.label:<34} {tool.median * 1000:6.0f} ms {extra:>12} {tool.cpu * 1000:5.0f} ms"
        )
    print_against_baseline(startup[1:])
    return 0


def lint_tools(
    name: str, entry: list[str], folder: Path, env: dict[str, str] | None = None
) -> list[Tool]:
    """One unblame's whole-folder runs: as a user runs it, on one core, with no cache."""
    env = env or {}
    tools = [Tool(f"{name} lint --format json", [*entry, *lint_args(folder)], env)]
    if has_jobs_option(entry, env):
        tools.append(
            Tool(f"{name} lint --format json -j 1", [*entry, *lint_args(folder), "-j", "1"], env)
        )
    # The first run ever, or CI without a cached folder: every pattern compiled.
    tools.append(
        Tool(f"{name} lint, no pattern cache", [*entry, *lint_args(folder)], {**env, **NO_CACHE})
    )
    # The timed runs find the pattern cache as any second run does.
    subprocess.run(
        [*entry, *lint_args(folder)], capture_output=True, check=False, env={**os.environ, **env}
    )
    return tools


def startup_tools(
    name: str, entry: list[str], tiny: Path, env: dict[str, str] | None = None
) -> list[Tool]:
    env = env or {}
    return [
        Tool(f"{name} --version", [*entry, "--version"], env),
        Tool(f"{name} lint tiny.md", [*entry, "lint", str(tiny)], env),
        Tool(f"{name} lint tiny.md, no cache", [*entry, "lint", str(tiny)], {**env, **NO_CACHE}),
    ]


def baseline_entry() -> list[str]:
    """The baseline's command line, started as the installed `unblame` script starts."""
    return [sys.executable, "-c", "import sys; from unblame.cli import main; sys.exit(main())"]


def baseline_env(args: argparse.Namespace, tmp: str) -> dict[str, str]:
    """The baseline's source first on the path, and a pattern cache of its own."""
    return {
        "PYTHONPATH": str(args.baseline.resolve()),
        "UNBLAME_CACHE_DIR": str(Path(tmp) / "baseline-cache"),
    }


def print_against_baseline(tools: Sequence[Tool]) -> None:
    """Each unblame figure as a ratio of the baseline's same figure, when there is one."""
    by_label = {tool.label: tool for tool in tools}
    for tool in tools:
        if not tool.label.startswith("unblame"):
            continue
        base = by_label.get("baseline" + tool.label.removeprefix("unblame"))
        if base is not None:
            print(
                f"against baseline: {tool.label} takes {tool.median / base.median:.2f}x"
                f" the time ({tool.cpu / base.cpu:.2f}x the CPU time)"
            )


@contextlib.contextmanager
def as_installed(bytecode: str) -> Iterator[None]:
    """Run the tools with their bytecode cached, as an installed tool runs (see above)."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        yield
        return
    saved = {
        name: os.environ.get(name) for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    }
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = bytecode
    print("bytecode: PYTHONDONTWRITEBYTECODE lifted for the tools; cached in a temporary folder")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SHARED_DOCS, help="more reviews to cut")
    parser.add_argument("--files", type=int, default=500, help="files to generate")
    parser.add_argument("--kilobytes", type=float, default=4.0, help="mean size of a file")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool")
    parser.add_argument("--startup-runs", type=int, default=15, help="timed start-ups")
    parser.add_argument("--keep", type=Path, help="write the files here and leave them")
    parser.add_argument(
        "--baseline", type=Path, help="the src folder of another checkout to time alongside"
    )
    return parser.parse_args(argv)


def review_sources(extra: Path) -> list[Path]:
    """The project's sample reviews, then the Markdown reviews in `extra`, sorted."""
    found = sorted(SAMPLES.glob("*.md"))
    if extra.is_dir():
        found += sorted(extra.rglob("*.md"))
    return [path for path in found if path.name not in NOT_REVIEWS]


def split_sections(text: str) -> list[str]:
    """A review's `##` and `###` sections, front matter and title left out."""
    body = FRONT_MATTER_RE.sub("", text.replace("\r\n", "\n"))
    return [part.strip() + "\n" for part in SECTION_RE.split(body)[1:] if part.strip()]


def build_corpus(
    sections: Sequence[str], folder: Path, files: int, mean_bytes: float
) -> tuple[int, int]:
    """Write `files` reviews of about `mean_bytes` each into ten subfolders of `folder`.

    File i is a title and consecutive sections starting at a place drawn from
    a generator seeded with i, so the same sources always give the same files.
    """
    total = 0
    for i in range(files):
        rng = random.Random(f"unblame-bench-{i}")
        target = rng.uniform(0.25, 1.75) * mean_bytes
        at = rng.randrange(len(sections))
        parts = [f"# Review {i:03d}\n"]
        size = 0
        while size < target:
            section = sections[at % len(sections)]
            parts.append(section)
            size += len(section.encode())
            at += 1
        data = "\n".join(parts).encode()
        path = folder / f"team-{i % 10}" / f"review-{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return files, total


class OtherLoad:
    """How busy other processes kept the CPUs while the tools ran (Linux only).

    The figures are comparable between runs only on a quiet machine: a tool
    that uses every CPU slows down most when something else takes one.
    """

    def __enter__(self) -> OtherLoad:
        self.start = self._sample()
        return self

    def __exit__(self, *exc: object) -> None:
        self.end = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float] | None:
        """(CPU seconds busy on the machine, of them ours, CPU seconds that passed)."""
        try:
            import resource

            fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        except (ImportError, OSError):
            return None
        ticks = [int(value) for value in fields]
        hz = os.sysconf("SC_CLK_TCK")
        busy = (sum(ticks[:8]) - ticks[3] - ticks[4]) / hz  # all but idle and iowait
        ours = sum(
            usage.ru_utime + usage.ru_stime
            for usage in (
                resource.getrusage(resource.RUSAGE_SELF),
                resource.getrusage(resource.RUSAGE_CHILDREN),
            )
        )
        return busy, ours, sum(ticks[:8]) / hz

    def describe(self) -> str:
        if self.start is None or self.end is None:
            return "other load: unknown (no /proc/stat)"
        busy, ours, total = (b - a for a, b in zip(self.start, self.end, strict=True))
        share = max(0.0, busy - ours) / total if total else 0.0
        note = "" if share < 0.05 else "  (busy machine: the figures are not comparable)"
        return f"other processes used {share:.0%} of the CPUs during the timed runs{note}"


def unblame_entry() -> list[str]:
    script = Path(sys.executable).with_name("unblame")
    return [str(script)] if script.exists() else [sys.executable, "-m", "unblame.cli"]


def lint_args(folder: Path) -> list[str]:
    return ["lint", "--format", "json", "--fail-on", "never", str(folder)]


def has_jobs_option(unblame: list[str], env: dict[str, str] | None = None) -> bool:
    """Older versions have no --jobs; the bench still compares them."""
    done = subprocess.run(
        [*unblame, "lint", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return "--jobs" in done.stdout


def _check_unblame(files: int) -> Callable[[Tool, bytes], None]:
    """unblame (and the baseline) must have read every file, or the timing measures
    nothing, and each must print the same report on every run, with or without --jobs."""
    first: dict[str, bytes] = {}

    def check(tool: Tool, stdout: bytes) -> None:
        name = tool.label.split()[0]
        if name not in ("unblame", "baseline"):
            return
        linted = json.loads(stdout)["summary"]["files"]
        if linted != files:
            raise SystemExit(f"bench: {tool.label} linted {linted} of {files} files")
        if first.setdefault(name, stdout) != stdout:
            raise SystemExit(f"bench: {tool.label} printed a different report")

    return check


# unblame lint keeps compiled patterns in a cache folder; empty means none.
NO_CACHE = {"UNBLAME_CACHE_DIR": ""}


@dataclass
class Tool:
    label: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu(self) -> float:
        """Median CPU seconds (user and system) of a run."""
        return statistics.median(self.cpu_times)


def time_interleaved(
    tools: Sequence[Tool], runs: int, check: Callable[[Tool, bytes], None] | None = None
) -> None:
    """Time every tool `runs` times, taking turns, as whole processes, after one untimed
    run of each (which writes its bytecode where that was lifted)."""
    for tool in tools:
        env = {**os.environ, **tool.env} if tool.env else None
        subprocess.run(tool.command, capture_output=True, check=False, env=env)
    for _ in range(runs):
        for tool in tools:
            started, cpu = time.perf_counter(), _children_cpu()
            env = {**os.environ, **tool.env} if tool.env else None
            done = subprocess.run(tool.command, capture_output=True, check=False, env=env)
            tool.times.append(time.perf_counter() - started)
            tool.cpu_times.append(_children_cpu() - cpu)
            # proselint exits 1 when it has findings; anything higher is a failure.
            if done.returncode > 1:
                raise SystemExit(f"bench: {tool.label} failed: {done.stderr.decode()[-500:]}")
            if check is not None:
                check(tool, done.stdout)


def _children_cpu() -> float:
    """CPU seconds used so far by the processes this one waited for (0 where unknown)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
