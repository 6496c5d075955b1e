"""The one registry of rules. Codes are never reused; retired codes stay listed in RETIRED."""

from __future__ import annotations

from .rule import Rule
from .rules import (
    blame_other,
    blame_verdicts,
    counterfactual,
    hindsight,
    human_error,
    self_blame,
    self_blame_acts,
    try_harder,
    try_harder_vigilance,
)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *blame_other.RULES,
            *blame_verdicts.RULES,
            *self_blame.RULES,
            *self_blame_acts.RULES,
            *counterfactual.RULES,
            *human_error.RULES,
            *try_harder.RULES,
            *try_harder_vigilance.RULES,
            *hindsight.RULES,
        ),
        key=lambda r: r.code,
    )
)

# Codes that once existed and must never be given to a new rule.
RETIRED: frozenset[str] = frozenset()

_BY_KEY = {**{r.code: r for r in RULES}, **{r.name: r for r in RULES}}


def get_rule(code_or_name: str) -> Rule:
    """Look a rule up by code (`UB101`, any case) or by name; KeyError when unknown."""
    key = code_or_name.strip()
    rule = _BY_KEY.get(key.upper()) or _BY_KEY.get(key.lower())
    if rule is None:
        raise KeyError(code_or_name)
    return rule
