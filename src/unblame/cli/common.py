"""Helpers every subcommand shares: input errors, reading text, colour and progress."""

from __future__ import annotations

import argparse
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, TextIO

# Past this size a "review" is almost certainly a log dump or a binary by mistake.
MAX_FILE_BYTES = 20 * 1024 * 1024


class CliError(Exception):
    """A usage or input problem; `main` prints the message as one line and exits 2."""


def split_list(value: str) -> tuple[str, ...]:
    """The non-empty items of a comma-separated option value, stripped."""
    return tuple(item.strip() for item in value.split(",") if item.strip())


# Incident numbers are database keys; past this no database can hold one.
MAX_INCIDENT_NUMBER = 2**31 - 1


def incident_number(value: str) -> int:
    """An argparse type: a whole number that can be an incident's (1 .. 2^31-1)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= MAX_INCIDENT_NUMBER:
        raise argparse.ArgumentTypeError(f"{value} is not an incident number (1 or more)")
    return number


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a byte-order mark is dropped) or raise CliError saying why not."""
    data = read_bytes(path, f"files over {MAX_FILE_BYTES // 1_048_576} MB are not linted")
    return decode(data, str(path))


def read_bytes(path: Path, too_big: str) -> bytes:
    """Read a file of up to MAX_FILE_BYTES or raise CliError saying why not.

    For a larger file the message gives its size, then `too_big`.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CliError(f"{path}: file is {size / 1_048_576:.1f} MB; {too_big}")
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_stream(stream: BinaryIO, label: str = "<stdin>") -> str:
    """Read a whole binary stream (stdin) with the same size and encoding rules as files."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise CliError(f"{label}: input is over {MAX_FILE_BYTES // 1_048_576} MB; it is not linted")
    return decode(data, label)


def decode(data: bytes, label: str) -> str:
    """UTF-8 with or without a BOM; anything else is refused, naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CliError(
            f"{label}: not UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
            "save it as UTF-8 and try again"
        ) from None


def use_color(choice: str, stream: TextIO) -> bool:
    """`always`/`never` as asked; `auto` colours only a terminal, and never when NO_COLOR is set."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    # https://no-color.org: any non-empty value disables colour.
    if os.environ.get("NO_COLOR"):
        return False
    return _isatty(stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Palette:
    """ANSI styles, or empty strings when colour is off, so callers never branch."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def severity(self, level: str, text: str) -> str:
        """Colour text by a severity value: red error, yellow warning, cyan info."""
        return self._wrap({"error": "31", "warning": "33"}.get(level, "36"), text)


class Progress:
    """A one-line `[####    ] 12/40 files` bar on a terminal; silent when disabled."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO, *, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.done = 0

    @classmethod
    def for_files(cls, total: int, stream: TextIO | None = None, threshold: int = 20) -> Progress:
        """A bar only for long runs on an interactive stderr: it helps there and clutters logs."""
        stream = stream or sys.stderr
        return cls(total, stream, enabled=total > threshold and _isatty(stream))

    def step(self, count: int = 1) -> None:
        """Count `count` more files as done and redraw the bar."""
        self.done += count
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + " " * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()

    def finish(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is below it, with forward slashes."""
    try:
        return path.resolve().relative_to(_resolved(os.getcwd())).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    """`folder` with its links resolved, once per folder rather than once per file linted."""
    return Path(folder).resolve()
