"""A chat line opened by "oops" and then a step the writer left undone is a slip
told in chat ("Oops, I didn't push the revert"), as an act done is.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _codes(text: str, context: str = "chat") -> set[str]:
    return {finding.rule for finding in analyze(text, context=context)}


@pytest.mark.parametrize(
    "text",
    [
        "Oops, I didn't bump the chart version.",
        "whoops, we never tagged the hotfix",
        "Argh, I did not drain the node first.",
        "oops, didn't rebase the branch",
        "Ugh 🙈 I never merged the follow-up PR.",
    ],
)
def test_a_step_left_undone_after_oops_is_a_slip(text):
    assert "UB205" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # What did not reach the writer, and a thing that did not work.
        "Ugh, I didn't get paged at all.",
        "Oops, I didn't receive the alert.",
        "Welp, didn't work.",
        "welp, didn't help either",
        # Someone else's step.
        "Oops, Radu didn't bump the chart version.",
    ],
)
def test_what_befell_the_writer_or_someone_else_is_no_slip_of_theirs(text):
    assert "UB205" not in _codes(text)


@pytest.mark.parametrize("text", ["Welp, didn't do any good.", "ugh, didn't help the situation"])
def test_what_an_act_did_not_achieve_is_no_step_left_undone(text):
    assert "UB205" not in _codes(text)
