"""`unblame lint`: check Markdown and text files for blaming language."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from unblame.language import Config, ConfigError, Severity, analyze, regex_cache
from unblame.language.analyzer import CONTEXTS, remember_windows

from . import output
from .common import CliError, Progress, display_path, read_stream, read_text, split_list

NAME = "lint"
HELP = "Check Markdown or text files for blaming language."

EXTENSIONS = frozenset({".md", ".markdown", ".txt"})
# Folders a directory walk never enters: tool caches and dependencies are not the team's prose.
SKIPPED_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
STDIN = "-"
FAIL_ON = ("error", "warning", "info", "never")
CODE_PREFIX_RE = re.compile(r"^UB\d{0,3}$")
# Without --jobs, a run uses every CPU once it has this much work, counted in
# bytes of text plus FILE_COST_BYTES a file (what analysing a file costs beyond
# its text). Below it, starting worker processes costs more than they save:
# measured with bench/lint_speed.py's files on 2 CPUs, about 250 KB is where
# two processes start to win.
PARALLEL_MIN_BYTES = 250_000
FILE_COST_BYTES = 500
# With no cache folder, a run that reads less than this compiles its patterns
# as `re` does (regex_cache.compile_quickly): measured with bench/lint_speed.py's
# files, `re`'s programs cost less CPU over a whole process up to about 1-2 MB
# (5 files: 0.64 s instead of 1.58 s; 100 files, 0.48 MB: 1.73 s instead of 2.15 s).
QUICK_COMPILE_BYTES = 1_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or directories (searched for *.md, *.markdown, *.txt), or - for stdin",
    )
    parser.add_argument("--format", choices=output.FORMATS, default="text", help="output format")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="warning",
        help="exit 1 when a finding is at least this severe (default: warning)",
    )
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour text output"
    )
    parser.add_argument("--select", metavar="CODES", help="only these codes or prefixes: UB1,UB301")
    parser.add_argument("--ignore", metavar="CODES", help="skip these codes or prefixes")
    parser.add_argument("--config", metavar="FILE", type=Path, help="config file to use")
    parser.add_argument(
        "--names", metavar="NAMES", help='people\'s names, comma-separated: "Dana,Lee"'
    )
    parser.add_argument("--lint-quotes", action="store_true", help="also check quoted text")
    parser.add_argument(
        "--context",
        choices=CONTEXTS,
        default="document",
        help="where the text stands (default: document)",
    )
    parser.add_argument(
        "--stdin-filename", metavar="PATH", help="the path to report for text read from stdin"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        metavar="N",
        help="processes to lint with (default: one per CPU for many files, else 1)",
    )


def positive_int(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    config = load_config(args)
    sources = collect_paths(args.paths)
    regex_cache.use_folder(cache_folder())
    # Files of a folder share few sentences: remembering each one's matches
    # (as the editor does, see analyzer.remember_windows) would only cost memory.
    remember_windows(False)
    reports = lint_sources(sources, config, args)
    regex_cache.save()
    out = sys.stdout
    out.write(output.render(args.format, reports, color_choice=args.color, stream=out))
    out.flush()
    return exit_code(reports, args.fail_on)


def cache_folder() -> Path | None:
    """Where compiled patterns are kept between runs (see unblame.language.regex_cache).

    $UNBLAME_CACHE_DIR when set (empty: keep nothing), else the user's cache
    folder ($XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows).
    """
    chosen = os.environ.get("UNBLAME_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if base:
        return Path(base) / "unblame"
    try:
        return Path.home() / ".cache" / "unblame"
    except RuntimeError:  # no home folder to be found
        return None


def load_config(args: argparse.Namespace) -> Config:
    """The config file (given or discovered), then the command-line options on top of it."""
    try:
        if args.config is not None:
            config = Config.load(args.config)
        else:
            config, _ = Config.discover(_discovery_start(args.paths))
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    changes: dict[str, object] = {}
    if args.select is not None:
        changes["select"] = parse_codes(args.select, "--select")
    if args.ignore is not None:
        changes["ignore"] = parse_codes(args.ignore, "--ignore")
    if args.names:
        changes["names"] = (*config.names, *split_list(args.names))
    if args.lint_quotes:
        changes["lint_quotes"] = True
    return config.with_overrides(**changes) if changes else config


def _discovery_start(paths: Sequence[str]) -> Path:
    """Search for config from the first path's folder; stdin means the working directory."""
    first = next((p for p in paths if p != STDIN), None)
    if first is None:
        return Path.cwd()
    path = Path(first)
    return path if path.is_dir() else path.parent


def parse_codes(value: str, option: str) -> tuple[str, ...]:
    """Comma-separated codes or prefixes, upper-cased; a typo is an error, not a silent no-op."""
    codes = tuple(code.upper() for code in split_list(value))
    for code in codes:
        if not CODE_PREFIX_RE.match(code):
            raise CliError(f"{option}: {code!r} is not a rule code or prefix like UB1 or UB301")
    return codes


def collect_paths(paths: Sequence[str]) -> list[Path | None]:
    """Expand the arguments into files to lint, in order; None stands for stdin."""
    sources: list[Path | None] = []
    for raw in paths:
        if raw == STDIN:
            sources.append(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(walk(path))
            if not found:
                raise CliError(
                    f"{raw}: no *.md, *.markdown or *.txt files to lint in this directory"
                )
            sources.extend(found)
        elif path.exists():
            # A file named explicitly is linted whatever its extension.
            sources.append(path)
        else:
            raise CliError(f"{raw}: no such file or directory")
    return _unique(sources)


def walk(folder: Path) -> Iterator[Path]:
    """Lintable files under `folder`, skipping hidden folders, virtualenvs and node_modules."""
    for entry in folder.iterdir():
        if entry.is_dir():
            if not entry.name.startswith(".") and entry.name not in SKIPPED_DIRS:
                yield from walk(entry)
        elif entry.suffix.lower() in EXTENSIONS and entry.is_file():
            yield entry


def _unique(sources: list[Path | None]) -> list[Path | None]:
    """Drop repeats (`unblame lint docs docs/a.md`) so a file is reported once."""
    seen: set[Path | None] = set()
    unique = []
    for source in sources:
        key = source.resolve() if source is not None else None
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def lint_sources(
    sources: Sequence[Path | None], config: Config, args: argparse.Namespace
) -> list[output.FileReport]:
    """Read and analyze every source; any unreadable one stops the run before output starts.

    With more than one job the work is shared among processes; the reports,
    and the error for the first unreadable source, are the same as with one.
    """
    sizes = _sizes(sources)
    # Only where no cache folder keeps the programs (see regex_cache.compile_quickly).
    regex_cache.compile_quickly(sum(sizes) < QUICK_COMPILE_BYTES)
    jobs = choose_jobs(args.jobs, sizes)
    progress = Progress.for_files(len(sources))
    try:
        if jobs > 1:
            from .parallel import lint_in_parallel

            return lint_in_parallel(sources, sizes, jobs, config, args, progress)
        reports = []
        for source in sources:
            if source is None:
                label = args.stdin_filename or STDIN
                text = read_stream(sys.stdin.buffer, label)
            else:
                label, text = display_path(source), read_text(source)
            reports.append(lint_text(label, text, config, args.context))
            progress.step()
        return reports
    finally:
        progress.finish()
        regex_cache.compile_quickly(False)  # the default again, for a caller that goes on


def lint_text(label: str, text: str, config: Config, context: str) -> output.FileReport:
    return output.FileReport.build(label, text, analyze(text, config=config, context=context))


def _sizes(sources: Sequence[Path | None]) -> list[int]:
    """Each source's size in bytes; 0 for stdin or a file that cannot be read (yet)."""
    sizes = []
    for source in sources:
        try:
            sizes.append(source.stat().st_size if source is not None else 0)
        except OSError:
            sizes.append(0)
    return sizes


def choose_jobs(asked: int | None, sizes: Sequence[int]) -> int:
    """The processes to use: as asked, else every CPU for a big run, else one.

    Never more than there are sources, so a single file is always linted in-process.
    """
    if asked is None:
        work = sum(sizes) + FILE_COST_BYTES * len(sizes)
        asked = cpu_count() if work >= PARALLEL_MIN_BYTES else 1
    return max(1, min(asked, len(sizes)))


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS and Windows have no affinity mask
        return os.cpu_count() or 1


def exit_code(reports: Sequence[output.FileReport], fail_on: str) -> int:
    """1 when any finding is at least as severe as `fail_on`, else 0."""
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    severe = any(f.severity.rank >= threshold for r in reports for f in r.findings)
    return 1 if severe else 0
