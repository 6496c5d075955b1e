"""Shared texts and a runner for the command-line tests.

The texts are chosen so the tests hold whatever the exact rule wording: the
first two must always be flagged, the third never. Codes are looked up from
the analyzer rather than written down.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from unblame.cli import main
from unblame.language import analyze

SELF_BLAME = "It was my fault, I am so sorry."
COUNTERFACTUAL = "The on-call engineer should have caught it."
CLEAN = "The deploy job failed to start."


def codes_in(text: str, **kwargs: object) -> set[str]:
    """The rule codes the analyzer reports for `text`."""
    return {f.rule for f in analyze(text, **kwargs)}


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in an empty folder, with no colour preference from the environment
    and a cache of compiled patterns of its own (never the user's)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("UNBLAME_CACHE_DIR", str(tmp_path / ".unblame-cache"))
    return tmp_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call `main` in-process; `stdin=` feeds bytes to standard input."""

    def run(*argv: str, stdin: bytes | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
