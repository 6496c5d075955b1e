"""The public post-incident documents in ../shared/eval/docs, read at run time, never copied here.

A module that tests them sets `pytestmark = NEEDS_EVAL_DOCS`, so its tests
skip where the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

EVAL_DOCS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "docs"
FILES = sorted(EVAL_DOCS.glob("[0-9]*.md")) if EVAL_DOCS.is_dir() else []
NEEDS_EVAL_DOCS = pytest.mark.skipif(not FILES, reason="../shared/eval/docs is not here")
