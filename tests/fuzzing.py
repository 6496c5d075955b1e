"""How many examples a property test looks at: an everyday run, or a thorough one.

Every suite run (developers' and CI's, on each database) uses the everyday
counts, which keep each property searching for fresh failures while the whole
suite stays well under fifteen minutes. UNBLAME_HYPOTHESIS_PROFILE=thorough
looks at four times as many: for a deep run after changing a parser, an
importer or a report's SQL. tests/conftest.py loads the same profile for the
properties that keep Hypothesis's own count.
"""

from __future__ import annotations

import os

PROFILES = ("everyday", "thorough")
PROFILE = os.environ.get("UNBLAME_HYPOTHESIS_PROFILE", "everyday")
if PROFILE not in PROFILES:
    raise ValueError(f"UNBLAME_HYPOTHESIS_PROFILE must be one of {PROFILES}, not {PROFILE!r}")
THOROUGH_FACTOR = 4


def examples(everyday: int) -> int:
    """The examples a property looks at in this run: `everyday`, or four times it."""
    return everyday * THOROUGH_FACTOR if PROFILE == "thorough" else everyday
