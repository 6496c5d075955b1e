"""A second predicate after "but", "and" or "yet" acts through the subject
before it, also when its verb is a regular past form that could be read as an
adjective ("but neglected to reset the relay").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.agents import OTHER, SELF
from unblame.language.clause import read


def _agents(text: str) -> list[str]:
    return [clause.agent for clause in read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The electrician swapped the fuse but neglected to reset the breaker.", OTHER),
        ("The contractor patched the switch, and neglected to shut the valve.", OTHER),
        ("I drained the node yet neglected to set the drain flag.", SELF),
        ("The technician replaced the relay but neglected to put the cover back.", OTHER),
    ],
)
def test_the_second_predicate_keeps_the_subject(text, agent):
    assert _agents(text)[-1] == agent
    assert "UB302" in codes(text) or "UB204" in codes(text) or "UB205" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # An -ed word that is no verb: not before "to", or not after a conjunction.
        "The electrician swapped the fuse, but unused breakers stayed live.",
        "The electrician swapped the fuse and neglected breakers stayed live.",
        "Neglected services to retire are listed below.",
    ],
)
def test_an_adjective_in_ed_opens_no_predicate(text):
    assert not codes(text)
