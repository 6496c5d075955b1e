"""Pleas told as a manual step made a rule ("must be run locally"), more care as the
fix ("a more thorough review"), semantic versioning asked of a maintainer, a rule of
conduct restated ("not acceptable to push … without …"), "stop pushing to main"; and
their neighbours that a gate or an instruction holds.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Integration tests must be run locally before a PR is opened.",
        "We need a more thorough review of schema changes.",
        "Stick to semver, please.",
        "It is not acceptable to merge a change without a green build on every platform.",
        "Stop force-pushing to the release branch.",
    ],
)
def test_care_asked_as_a_rule_or_a_halt_is_a_plea(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Integration tests must be run in CI before merging.",
        "Stop the service before upgrading the package.",
        "The release follows semantic versioning.",
    ],
)
def test_a_gate_an_instruction_or_a_fact_is_not(text):
    assert "try_harder" not in categories(text)
