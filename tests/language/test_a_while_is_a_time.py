""" "A while" is a stretch of time, not "while" opening a clause: "I mentioned it to
Reid a while ago and forgot to file it" keeps the writer as the one who forgot.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import OTHER, SELF
from unblame.language.clause import read


def _agents(text: str) -> list[str]:
    return [clause.agent for clause in read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("I raised it with Oona a while ago and forgot to open a ticket.", SELF),
        ("The contractor paused for a while and then forgot to reset the breaker.", OTHER),
        ("Once in a while I skip the canary, and today I forgot to watch the graphs.", SELF),
    ],
)
def test_a_while_does_not_split_the_clause(text, agent):
    assert _agents(text)[-1] == agent
    assert {"UB204", "UB302"} & {finding.rule for finding in analyze(text)}


def test_while_as_a_conjunction_still_opens_a_clause():
    text = "Ines restarted the primary while the replica was still catching up."
    assert len(read(text, 0, len(text)).clauses) == 2
