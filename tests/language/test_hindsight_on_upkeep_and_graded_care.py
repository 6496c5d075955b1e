"""Hindsight in shapes the sentence model reads: a condition told after its outcome
("… would have been avoided had we run …"), upkeep nobody did ("a flag nobody removed"),
"neither" as a "none" of two, more care by people as what would have saved it ("a more
careful review would have caught this"), and merge requests merged without the steps a
change owes ("without rebasing").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents


@pytest.mark.parametrize(
    "text",
    [
        "The data loss would have been avoided had the operator read the banner.",
        "We would have caught it at 1% had we waited for the canary.",
        "The TLS cert that nobody renewed expired at midnight.",
        "Nobody updated the dashboards after the rename.",
        "Neither on-call acknowledged the page.",
        "Closer scrutiny of the diff would have spotted the missing index.",
        "Better reading of the upgrade notes could have prevented the outage.",
        "The feature branch was merged without rebasing on main.",
        "Dana shipped the chart without linting it.",
    ],
)
def test_hindsight_on_upkeep_conditions_and_graded_care(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Latency would have stayed flat had the cache been warm.",
        "Neither replica came back after the restart.",
        "Nobody deleted anything during the drill.",
        "A contract test would have caught the renamed field.",
        "More replicas would have absorbed the spike.",
        "The health requests were retried without jitter.",
    ],
)
def test_things_and_safeguards_in_the_same_shapes_are_no_hindsight(text):
    assert categories(text) == []


def test_neither_reads_as_nobody():
    assert agents.agent_of("neither reviewer") == agents.NOBODY


@pytest.mark.parametrize(
    "text",
    ["Mitigations were taken too late.", "The customer notice was posted late."],
)
def test_a_persons_step_told_as_late_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The banner was updated late in the afternoon.",
        "The alert fired late.",
        "The job was started late because the scheduler lagged.",
    ],
)
def test_a_time_of_day_or_a_things_delay_is_no_hindsight(text):
    assert categories(text) == []
