"""The rule codes the analyzer finds in a text: what most analyzer tests assert on."""

from __future__ import annotations

from unblame.language import analyze


def codes(text: str, context: str = "document") -> set[str]:
    """The codes (UB101, …) of every finding in `text` read in `context`."""
    return {finding.rule for finding in analyze(text, context=context)}
