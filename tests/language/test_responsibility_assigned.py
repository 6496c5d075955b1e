"""Responsibility for what went wrong put on a person ("the responsibility is on the
senior dev", "responsibility for the outage falls on the DBA") closes the question as
"fault" does (UB104); responsibility for a task, or a duty still to do, names an owner.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The responsibility is on the release captain, frankly.",
        "Responsibility for the data loss falls on the contractor.",
        "The responsibility for this lies squarely with Priyanka.",
    ],
)
def test_responsibility_for_what_went_wrong_is_fault_assigned(text):
    assert "UB104" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Responsibility for key rotation lies with the platform team.",
        "The responsibility lies with the on-call to page the vendor.",
        "The responsibility is on us to fix the deploy tooling.",
    ],
)
def test_ownership_of_a_task_is_no_verdict(text):
    assert "UB104" not in _rules(text)
