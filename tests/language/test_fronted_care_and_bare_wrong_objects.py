"""Care left undone told before the person's clause ("Without checking, he ran …",
"after failing to verify …"), a wrong object without its article ("entered incorrect
values"), CI as a safeguard an act went without, and "whoever deployed it forgot …",
where "it" is the object of the verb before, not the one who forgot.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, clause


def _agents(text: str) -> list[str]:
    return [c.agent for c in clause.read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Without checking the hostname, she restarted the primary.",
        "Without waiting for the canary, the release manager promoted the build.",
        "After failing to confirm the patient's wristband, the nurse started the infusion.",
        "The technician closed the valve after failing to verify the isolation.",
    ],
)
def test_care_left_undone_before_or_after_the_act_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Without a quorum, we could not elect a new leader.",
        "Without checking, the script rewrote every row.",
        "The sync job retried after failing to verify the upstream digest.",
        "Without a maintenance window, the upgrade waited until Sunday.",
    ],
)
def test_a_state_or_a_thing_acting_without_care_is_no_hindsight(text):
    assert categories(text) == []


def test_a_participle_after_a_subordinator_takes_the_main_clause_subject():
    assert _agents("The vendor shipped it after failing to test the firmware.") == [
        agents.OTHER,
        agents.OTHER,
    ]


def test_a_noun_in_ing_after_a_subordinator_is_still_a_subject():
    found = _agents("Dana restarted the pod after something happened to the node.")
    assert found[1] == agents.SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "The operator typed incorrect values into the console.",
        "The vendor sent wrong invoices to every customer.",
    ],
)
def test_a_wrong_object_needs_no_article(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cache returned wrong answers for a minute.",
        "She guessed wrong about the cause, then rolled back.",
        "The build was marked wrong and retried.",
    ],
)
def test_wrong_said_of_a_thing_or_a_guess_is_no_slip(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Whoever rebased it forgot to rerun the suite.",
        "Whoever wrote this forgot to handle the empty list.",
        "The contractor merged it without CI passing.",
    ],
)
def test_the_object_of_the_verb_before_does_not_make_the_act_a_things(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize("text", ["It failed to renew the lease.", "This forgot nothing."])
def test_a_thing_that_fails_is_no_omission(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Without approval, the contractor rebooted the core switch.",
        "Without a rollback plan, we upgraded the primary.",
    ],
)
def test_a_safeguard_gone_without_before_the_act_is_hindsight(text):
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Without a backup, we couldn't restore the table.",
        "Without a leader, the cluster did not accept writes.",
        # Modals whose contraction changes the stem, and the one written solid.
        "Without a snapshot, we can't roll the schema back.",
        "Without a quorum, the followers won't elect a leader.",
        "Without the old key, we cannot decrypt the archive.",
    ],
)
def test_a_safeguard_missing_before_what_could_not_be_done_is_no_hindsight(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The electrician killed the power to rack 12.",
        "A contractor killed the alarms on the loading dock.",
    ],
)
def test_a_supply_killed_by_a_person_is_harm_they_did(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text", ["Dana killed the hung worker process.", "The storm killed power to the site."]
)
def test_a_process_killed_or_a_storm_is_no_blame(text):
    assert categories(text) == []
