"""Manual steps of a contributor's workflow asked of people: a passive rule ("should be
tested before merging"), a hedged request ("might wanna bump the version before
publishing"), "can we make sure we …", "please refrain from …", and a shared branch's
history kept by a rule ("must never be force pushed").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Every schema change should be tested before merging.",
        "Config edits must always be validated manually before you deploy.",
        "The develop branch must never be force pushed.",
        "You might wanna tag the release before publishing next time.",
        "You may want to check the changelog before releasing.",
        "Can we make sure you rebase before merging from now on?",
        "Can we please check the diff locally before pushing?",
        "Please refrain from merging your own PRs.",
    ],
)
def test_a_manual_workflow_step_asked_of_people_is_a_plea(text):
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Every wheel should be verified by the release job before publishing.",
        "You may want to upgrade the client before deploying the new API.",
        "Can we add a pre-push hook before the next release?",
        "The index should never be rebuilt while writes are in flight.",
        "The migration must be run before the new pods start.",
    ],
)
def test_a_gate_an_upgrade_or_an_order_of_steps_is_no_plea(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I tagged the release before the review.", "self_blame"),
        ("I published the package before CI finished.", "self_blame"),
        ("The intern uploaded the build before the checks had passed.", "blame_other"),
    ],
)
def test_a_change_let_out_ahead_of_its_check_is_one_list_of_acts(text, category):
    assert category in categories(text)


def test_a_release_after_its_check_is_no_slip():
    assert categories("I published the package after CI finished.") == []
