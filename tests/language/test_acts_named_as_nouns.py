"""A person's act named as a noun ("the operator's intervention", "the crew's
mismanagement of the fuel") is that person's work as the agent, as "your PR" is; a
thing a person has ("the operator's station", "the pilot's experience") is not.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import OTHER, SYSTEM, WORK, agent_of


@pytest.mark.parametrize(
    "phrase",
    [
        "the operator's intervention",
        "the crew's mismanagement",
        "the supervisor's instruction",
        "the technician's shortcut",
        "Dana's handling",
        "the dispatcher's reaction",
    ],
)
def test_a_persons_act_named_as_a_noun_is_their_work(phrase):
    assert agent_of(phrase) == WORK


@pytest.mark.parametrize(
    "phrase",
    [
        "the operator's station",
        "the pilot's experience",
        "the engineer's laptop",
        "the nurse's signature",
        "the building's ventilation",
    ],
)
def test_what_a_person_has_or_a_things_part_is_no_act(phrase):
    assert agent_of(phrase) in (SYSTEM, OTHER)
    assert agent_of(phrase) != WORK


@pytest.mark.parametrize(
    "text",
    [
        "The operator's intervention caused the trip of the second pump.",
        "The crew's mismanagement of the fuel led to the crash on approach.",
    ],
)
def test_an_act_named_as_a_noun_tied_to_harm_blames_its_person(text):
    assert "blame_other" in {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The operator's station caught fire after the breaker failed.",
        "The engineer's investigation found the expired certificate.",
    ],
)
def test_a_thing_or_an_act_with_no_harm_blames_nobody(text):
    assert not analyze(text)
