"""What issue threads say to a maintainer or a contributor: care turned down by choice,
a change made without notice, and "shame on you".

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {finding.category.value for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "You chose not to revert the release that broke the installer.",
        "The maintainer decided not to warn anyone about the new default.",
        "They renamed the config keys without any notice.",
        "You dropped Python 3.9 support without a heads-up.",
        "Shame on you for tagging that build.",
        "Honestly, shame on @ferro for closing it unread.",
    ],
)
def test_blame_said_in_a_thread_is_read(text):
    assert _categories(text) & {"blame_other", "counterfactual"}


@pytest.mark.parametrize(
    "text",
    [
        "We decided not to roll back because the fix was already rolling out.",
        "The scheduler chose not to retry the job.",
        "No one could have known the vendor would rename the field without notice.",
        "The alert fired without warning anyone: the route was empty.",
    ],
)
def test_a_choice_explained_a_machine_or_nobody_to_blame_is_not(text):
    assert not _categories(text) & {"blame_other", "counterfactual"}
