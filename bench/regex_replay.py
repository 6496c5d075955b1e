"""Where the analyzer's regular expressions spend their time, pattern by pattern.

    .venv/bin/python bench/regex_replay.py [--files 500] [--repeat 3] [--top 15] [--src SRC]

Analyses the folder bench/lint_speed.py builds (the same files) once, noting
every search, match and finditer the analyzer makes through
`unblame.language.regex_cache`, then replays those calls, one pattern at a
time, with regex_case's programs and with `re`'s own, keeping the fastest of
--repeat replays. A replay is CPU work in one process on fixed inputs, so it
is steadier than a whole lint on a busy machine: a change to regex_case shows
here first. `--src` runs another checkout's analyzer (a git worktree of the
commit before a change, say) on the same calls.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lint_speed import SHARED_DOCS, build_corpus, review_sources, split_sections

REPO = Path(__file__).resolve().parents[1]
# (method, index of the text, its other arguments), by (pattern, flags).
Calls = dict[tuple[str, int], list[tuple[str, int, tuple[Any, ...]]]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500, help="files to generate")
    parser.add_argument("--repeat", type=int, default=3, help="replays of each pattern")
    parser.add_argument("--top", type=int, default=15, help="patterns to list")
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the unblame to run")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    from unblame.language import regex_cache

    sections = [s for p in review_sources(SHARED_DOCS) for s in split_sections(p.read_text())]
    with tempfile.TemporaryDirectory(prefix="unblame-replay-") as tmp:
        build_corpus(sections, Path(tmp), args.files, 4000)
        texts = [path.read_text(encoding="utf-8") for path in sorted(Path(tmp).rglob("*.md"))]
    calls, inputs = record(regex_cache, texts)
    fast = replay(calls, inputs, lambda p, f: regex_cache._compile(p, f)[0], args.repeat)
    plain = replay(calls, inputs, re.compile, args.repeat)
    print(f"{len(texts)} files, {len(calls)} patterns, {sum(map(len, calls.values()))} calls")
    print(f"{'regex_case s':>12} {'re s':>8} {'calls':>7} {'us/call':>8}  pattern")
    for key in sorted(fast, key=fast.__getitem__, reverse=True)[: args.top]:
        count = len(calls[key])
        micro = fast[key] / count * 1e6
        print(f"{fast[key]:12.3f} {plain[key]:8.3f} {count:7d} {micro:8.1f}  {key[0][:60]!r}")
    total, reference = sum(fast.values()), sum(plain.values())
    print(f"{total:12.3f} {reference:8.3f}  all patterns: {reference / total:.2f}x re's speed")
    return 0


def record(regex_cache: Any, texts: Sequence[str]) -> tuple[Calls, list[str]]:
    """Analyse `texts`, noting each call made on a pattern from `regex_cache.compile`."""
    from unblame.language import analyzer

    calls: Calls = defaultdict(list)
    inputs: dict[str, int] = {}
    real = regex_cache.compile

    class Noted:
        def __init__(self, compiled: re.Pattern[str], key: tuple[str, int]) -> None:
            self._compiled, self._key = compiled, key

        def __getattr__(self, name: str) -> Any:
            found = getattr(self._compiled, name)
            if name not in ("search", "match", "finditer"):
                return found

            def noted(text: str, *rest: Any) -> Any:
                index = inputs.setdefault(text, len(inputs))
                calls[self._key].append((name, index, rest))
                return found(text, *rest)

            return noted

    regex_cache.compile = lambda p, f=0: Noted(real(p, f), (p, int(f)))
    try:
        analyzer.remember_windows(False)  # as `unblame lint` runs
        for text in texts:
            analyzer.analyze(text)
    finally:
        regex_cache.compile = real
    return dict(calls), list(inputs)


def replay(
    calls: Calls,
    inputs: Sequence[str],
    compile_: Callable[[str, int], re.Pattern[str]],
    repeat: int,
) -> dict[tuple[str, int], float]:
    """The fewest CPU seconds each pattern, compiled by `compile_`, took over its calls."""
    best: dict[tuple[str, int], float] = {}
    for key, made in calls.items():
        compiled = compile_(*key)
        for _ in range(repeat):
            started = time.process_time()
            for method, index, rest in made:
                if method == "finditer":
                    for _match in compiled.finditer(inputs[index], *rest):
                        pass
                else:
                    getattr(compiled, method)(inputs[index], *rest)
            spent = time.process_time() - started
            best[key] = min(best.get(key, spent), spent)
    return best


if __name__ == "__main__":
    sys.exit(main())
