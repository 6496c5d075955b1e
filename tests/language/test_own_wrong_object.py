"""The writer's own act on the wrong or a flawed object ("I restarted the wrong node"),
which the slip frame already reads for other people, and object pronouns after a
preposition ("to me", "for us"), which name no one who acts.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, analyze, clause


def _agents(text: str) -> list[str]:
    return [c.agent for c in clause.read(text, 0, len(text)).clauses]


def _rules(text: str) -> set[str]:
    return {f.rule for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I failed over to the wrong region during the drill.",
        "I had the wrong profile selected in the cloud console.",
        "I applied the firewall change to the primary instead of the standby.",
        "I deployed an untested playbook to the bastion hosts.",
        "I typed the purge command in the wrong shell.",
    ],
)
def test_the_writers_act_on_the_wrong_object_is_a_slip_report(text):
    assert "UB205" in _rules(text)
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # What came next is told: the sequence of the response, kept as it is.
        "I restarted the wrong pod first and then the right one a minute later.",
        "I opened the wrong runbook until Sam linked the correct page.",
        # An act set aside for another: a choice to explain.
        "I drained the node instead of rebooting it, to keep the sessions.",
        # Hindsight has its own rule.
        "I should have paged the DBA instead of waiting.",
        # A belief that proved wrong is the local rationality the guide asks for.
        "I made an incorrect assumption about which hash to deploy.",
        # Plain reports with no slip in the object.
        "I restarted the payments pod at 10:02.",
        # A fix that makes the slip harder: the wrong object is the one guarded against.
        "I changed the wrapper to make it harder to run against the wrong cluster.",
    ],
)
def test_own_acts_told_with_their_correction_or_as_choices_are_no_slip(text):
    assert "UB205" not in _rules(text)


def test_another_persons_wrong_object_is_still_their_slip():
    assert "UB102" in _rules("The operator failed over to the wrong region during the drill.")


@pytest.mark.parametrize(
    "text",
    [
        "To me, the rollout used the wrong image.",
        "Honestly a config problem to me, the job read the wrong bucket.",
        "For us, the migration picked the wrong shard.",
    ],
)
def test_an_object_pronoun_after_a_preposition_is_not_the_agent(text):
    assert agents.SELF not in _agents(text)
    assert agents.GROUP not in _agents(text)
    assert "self_blame" not in categories(text)


def test_a_quantified_group_still_acts():
    assert _agents("None of us noticed the expired certificate.")[0] == agents.GROUP


@pytest.mark.parametrize(
    "text",
    [
        "I pasted the new token into the vault at 10:02.",
        "The SRE copied the API key into the secrets manager.",
    ],
)
def test_a_secret_put_where_secrets_belong_is_no_leak(text):
    assert categories(text) == []


def test_fearing_to_be_the_one_who_did_it_is_no_admission():
    assert "self_blame" not in categories("I always feared I would be the one that did that.")


@pytest.mark.parametrize(
    "text",
    [
        'Slips look trivial ("I restarted the node in the wrong region") but hint at deeper gaps.',
        'The ticket just said "I accidentally dropped the staging schema, sorry" and nothing else.',
    ],
)
def test_a_first_person_slip_inside_quotes_is_whoever_is_quoted(text):
    assert "self_blame" not in categories(text)
