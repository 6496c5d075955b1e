"""An act done without its step of care reads alike whoever did it and however it is
told: by a person ("merged it without running the tests"), in a thing's passive ("the
hotfix was shipped without running the migration") or as a gerund subject ("Deploying
without running the migration broke the wiki"). A bare "without warning" says how
suddenly something happened, and "running out of" is no step.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The 3.1 hotfix was shipped without running the schema migration.",
        "The config change was merged without running the integration suite.",
        "Tagging without running the release checklist left the wheels unsigned.",
        "Restarting the brokers without first draining them dropped in-flight orders.",
        "Merging without a review is how the typo reached production.",
    ],
)
def test_an_act_done_without_its_step(text):
    assert "counterfactual" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The spot instance was reclaimed without warning.",
        "The batch was resized without running out of memory.",
        "Retrying without backoff overloaded the payments API.",
        "Nothing without a review reaches the release branch.",
        "Caching without an expiry kept stale prices for a day.",
    ],
)
def test_suddenness_a_thing_and_a_design_stay_clean(text):
    assert "counterfactual" not in _categories(text)
