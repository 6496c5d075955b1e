"""A rule set aside in the passive ("Despite the freeze, the release was shipped"), a
step wished for after the fact ("Having a second reviewer would have been nice"), a
past act of operating graded ("it was a bad idea to deploy …"), and a slip at the
keys told in the passive with what followed ("was mistyped …, causing …").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "Despite the policy requiring two approvals, the schema change was merged directly.",
        "In spite of the change freeze, the new build was shipped on Friday night.",
        "Despite repeated warnings, the primary was rebooted during peak hours.",
    ],
)
def test_a_rule_set_aside_in_the_passive_is_hindsight(text):
    assert "UB307" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Despite the alert, the queue drained on its own.",
        "Despite the policy, the bot refused the merge.",
    ],
)
def test_a_thing_going_its_own_way_despite_a_rule_is_no_hindsight(text):
    assert "UB307" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Having a second reviewer on the PR would have been nice.",
        "Waiting for the nightly run would have been wiser.",
        "It was a bad idea to deploy four services in one window.",
        "It was a poor decision to skip the load test.",
    ],
)
def test_a_step_wished_for_or_graded_after_the_fact_is_hindsight(text):
    assert "UB306" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Adding a canary stage to the rollout would have been great.",
        "It was a bad idea to store prices as floats, and the schema now uses decimals.",
        "Everything would have been fine on a quieter day.",
    ],
)
def test_a_system_change_wished_for_or_a_design_graded_is_not_flagged(text):
    assert "UB306" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the proxy config, an upstream was mistyped as api-intrnal, causing 502s.",
        "The purge command was issued with a typo, removing every cached object.",
    ],
)
def test_a_slip_at_the_keys_with_what_followed_is_a_human_error_cause(text):
    assert "UB402" in codes(text)


def test_a_misspelling_with_no_consequence_is_no_cause():
    assert "UB402" not in codes("The flag name was misspelled in the README.")
