"""`unblame lint --jobs N`: lint in worker processes, with exactly the result of one.

The sources are cut into runs of consecutive files of about equal size,
several per worker so a few long files do not leave a CPU idle; each worker
reads and analyzes a whole run and sends back its reports. They are put back
in input order, so the output is the same as with one process, and when
sources cannot be read, the first in input order is the one reported, as it
is when one process stops at it. Imported only when a run uses more than one
process: the pool machinery costs start-up time a one-file run never needs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from unblame.language import Config, regex_cache
from unblame.language.analyzer import prepare

from .common import CliError, Progress, display_path, read_stream, read_text
from .lint import FILE_COST_BYTES, lint_text
from .output import FileReport

# A file to read, text read from stdin by the parent (label, text), or why it
# could not be read (the message).
Item = Path | tuple[str, str] | str
# Runs per worker: enough to even out files of different sizes, few enough
# that handing them out costs next to nothing.
CHUNKS_PER_JOB = 8

_worker_config: tuple[Config, str] | None = None


def lint_in_parallel(
    sources: Sequence[Path | None],
    sizes: Sequence[int],
    jobs: int,
    config: Config,
    args: argparse.Namespace,
    progress: Progress,
) -> list[FileReport]:
    """Lint `sources` in `jobs` processes; the reports come back in input order."""
    items = [_stdin_item(args.stdin_filename) if s is None else s for s in sources]
    runs = split_runs(sizes, jobs * CHUNKS_PER_JOB)
    context = _start_context()
    if context.get_start_method() == "fork":
        # Compile the rules once, here: forked workers inherit them ready to use,
        # and the next run finds them in the cache.
        prepare()
        regex_cache.save()
    results: list[FileReport | None] = [None] * len(items)
    first_error: tuple[int, str] | None = None
    executor = ProcessPoolExecutor(
        max_workers=min(jobs, len(runs)),
        mp_context=context,
        initializer=_start_worker,
        initargs=(config, args.context),
    )
    try:
        futures: dict[Future[list[FileReport | str]], int] = {
            executor.submit(_lint_run, items[start:end]): start for start, end in runs
        }
        for future in as_completed(futures):
            if future.cancelled():
                continue
            start = futures[future]
            outcomes = future.result()
            for index, outcome in enumerate(outcomes, start):
                if isinstance(outcome, str):
                    if first_error is None or index < first_error[0]:
                        first_error = (index, outcome)
                else:
                    results[index] = outcome
            progress.step(len(outcomes))
            if first_error is not None and _settled(futures, first_error[0]):
                break
    finally:
        # Normally every run is done; after an error or Ctrl-C, drop what has not started.
        executor.shutdown(wait=True, cancel_futures=True)
    if first_error is not None:
        raise CliError(first_error[1])
    return [report for report in results if report is not None]


def split_runs(sizes: Sequence[int], count: int) -> list[tuple[int, int]]:
    """Cut indices 0..len(sizes) into about `count` runs of consecutive files of like cost."""
    costs = [size + FILE_COST_BYTES for size in sizes]
    target = sum(costs) / max(count, 1)
    runs, start, total = [], 0, 0.0
    for index, cost in enumerate(costs):
        total += cost
        if total >= target:
            runs.append((start, index + 1))
            start, total = index + 1, 0.0
    if start < len(costs):
        runs.append((start, len(costs)))
    return runs


def _settled(futures: dict[Future[list[FileReport | str]], int], error_index: int) -> bool:
    """True when every run that starts at or before the error has finished."""
    return all(future.done() for future, start in futures.items() if start <= error_index)


def _stdin_item(stdin_filename: str | None) -> Item:
    """Standard input is read here, once; a worker cannot read the parent's."""
    label = stdin_filename or "-"
    try:
        return (label, read_stream(sys.stdin.buffer, label))
    except CliError as exc:
        return str(exc)


def _start_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (Linux and other Unixes, not macOS), else the platform default."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start_worker(config: Config, context: str) -> None:
    """Keep the run's settings; Ctrl-C is the parent's to handle, so workers ignore it."""
    global _worker_config
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_config = (config, context)


def _lint_run(items: Sequence[Item]) -> list[FileReport | str]:
    """Reports for a run of sources, stopping at the first that cannot be read (its message)."""
    assert _worker_config is not None, "the pool's initializer sets the run's settings"
    config, context = _worker_config
    outcomes: list[FileReport | str] = []
    for item in items:
        if isinstance(item, str):
            outcomes.append(item)
            break
        try:
            if isinstance(item, tuple):
                label, text = item
            else:
                label, text = display_path(item), read_text(item)
        except CliError as exc:
            outcomes.append(str(exc))
            break
        outcomes.append(lint_text(label, text, config, context))
    # Patterns compiled only here (prepare() cannot reach every one) are kept
    # for the next run too; a run that compiled nothing writes nothing.
    regex_cache.save()
    return outcomes
