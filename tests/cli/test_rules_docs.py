"""docs/rules.md is generated from the registry and must not fall behind it."""

from __future__ import annotations

from pathlib import Path

from unblame.cli.rules import REGENERATE, render_markdown
from unblame.language import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_matches_the_rule_registry():
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert current == render_markdown(RULES), (
        f"docs/rules.md is stale: the rule registry changed. Regenerate it with `{REGENERATE}` "
        "(unblame rules --format markdown > docs/rules.md) and commit the result."
    )
