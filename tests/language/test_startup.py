"""What `unblame lint` pays before its first file: no pattern compiled at import, no
Markdown parser for plain text. Each test runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_importing_the_analyzer_compiles_none_of_its_own_patterns():
    out = run_fresh(
        """
        from unblame.language import analyzer, surroundings
        from unblame.language.clause import _Lazy
        values = [*vars(analyzer).values(), *vars(surroundings).values()]
        lazy = [v for v in values if isinstance(v, _Lazy)]
        print(len(lazy), sum("regex" in vars(v) for v in lazy))
        """
    )
    count, compiled = map(int, out.split())
    assert count >= 5
    assert compiled == 0


def test_the_analyzer_patterns_compile_on_first_use():
    out = run_fresh(
        """
        from unblame.language import analyze, analyzer, surroundings
        from unblame.language.clause import _Lazy
        analyze("It was not Dana's fault. The 'genius' admin. Due to a 'human error'.")
        values = [*vars(analyzer).values(), *vars(surroundings).values()]
        lazy = [v for v in values if isinstance(v, _Lazy)]
        print(sum("regex" in vars(v) for v in lazy))
        """
    )
    assert int(out) >= 3


def test_a_plain_review_is_linted_without_loading_markdown_it():
    out = run_fresh(
        """
        import sys
        from unblame.language import analyze
        found = analyze("# Review\\n\\nThe on-call engineer should have caught it.\\n\\n- one\\n")
        print(len(found), "markdown_it" in sys.modules)
        """
    )
    count, loaded = out.split()
    assert int(count) >= 1
    assert loaded == "False"


def test_a_table_loads_markdown_it_when_it_is_needed():
    out = run_fresh(
        """
        import sys
        from unblame.language import analyze
        analyze("| a | b |\\n|---|---|\\n| c | d |\\n")
        print("markdown_it" in sys.modules)
        """
    )
    assert out == "True"


def test_linting_loads_neither_importlib_resources_nor_tempfile():
    # importlib.resources (and tempfile, which it imports) cost every run about
    # 25 ms of CPU; the given names are read beside the module instead.
    out = run_fresh(
        """
        import sys
        from unblame.language import analyze
        from unblame.language.lexicon import GIVEN_NAMES
        found = analyze("Priya should have checked the config before deploying.")
        heavy = [m for m in ("importlib.resources", "tempfile") if m in sys.modules]
        print(len(found), len(GIVEN_NAMES), ",".join(heavy) or "-")
        """
    )
    found, names, heavy = out.split()
    assert int(found) >= 1
    assert int(names) > 500
    assert heavy == "-"
