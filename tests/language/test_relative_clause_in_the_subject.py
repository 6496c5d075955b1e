"""A relative clause inside the subject ends where the subject's own verb comes: in
"The script that Dana wrote deleted the table" the script deleted it, not Dana; in
"An employee moving a panel that was faulty cut the power" the employee cut it.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.clause import read


def _clauses(text: str) -> list[tuple[str, str]]:
    return [(c.agent, " ".join(w.text for w in c.words)) for c in read(text, 0, len(text)).clauses]


@pytest.mark.parametrize(
    ("text", "agent", "main"),
    [
        # Made by someone, the thing is their work ("Dana's cron entry"), or the writer's own.
        ("The cron entry that Dana added wiped the cache .", "work", "wiped the cache ."),
        ("The change that I merged took the site down .", "self", "took the site down ."),
        ("The release tool that tagged the build crashed .", "system", "crashed ."),
        (
            "The admin who paged the DBA dropped the wrong index .",
            "other",
            "dropped the wrong index .",
        ),
        (
            "A technician moving a rack that was overheating unplugged the core switch .",
            "other",
            "unplugged the core switch .",
        ),
    ],
)
def test_the_main_verb_after_a_relative_clause_is_the_subjects(text, agent, main):
    last = _clauses(text)[-1]
    assert last == (agent, main)


@pytest.mark.parametrize(
    "text",
    [
        "We kept an old deploy bot that tagged every build .",
        "The job that was paused and restarted finished late .",
        "The ticket that Dana filed got closed .",
    ],
)
def test_a_verb_tied_to_the_relative_clause_or_an_object_relative_is_not_split_off(text):
    # No clause of the sentence is a bare verb phrase taken for the subject's.
    clauses = _clauses(text)
    assert all(not words.startswith(("tagged", "restarted", "closed")) for _, words in clauses)


def test_a_person_in_a_relative_clause_is_not_the_agent_of_the_things_harm():
    assert "UB101" not in codes("The migration that Dana reviewed took the billing API down.")


@pytest.mark.parametrize(
    "text",
    [
        "A technician moving a rack that was overheating likely caused the blackout.",
        "A contractor replacing a panel that was faulty likely knocked out power to the hall.",
    ],
)
def test_a_person_with_a_relative_clause_is_still_the_agent_of_their_harm(text):
    assert {"UB101", "UB102"} & codes(text)


def test_a_thing_that_is_the_object_of_a_relative_clause_is_not_the_subject():
    # UB302's "the script forgot" reads the thing as the subject; here it is the object
    # of "who wrote", and the omission is the engineer's.
    assert "UB302" in codes("The engineer who wrote the script forgot to add a dry run.")
    assert "UB302" not in codes("The script forgot to release its lock.")
