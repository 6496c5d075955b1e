"""Three more ways real writing puts a lapse on a person: a failure named with "his" or
"her", an act told as a habit ahead of the check ("you're merging before CI has
finished"), and an accusing question without its auxiliary ("Why you deleted it?").

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _rules(text: str) -> set[str]:
    return {finding.rule for finding in analyze(text)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Her failure to run the pre-shift checklist left the valve open.", "UB302"),
        ("His failure to verify the backup meant the restore had nothing to restore.", "UB302"),
        ("You keep pushing before the integration suite has finished.", "UB102"),
        ("He is merging before the checks pass.", "UB102"),
        ("Why you force-pushed over the release branch?", "UB105"),
        ("Why he reverted my fix without a word?", "UB105"),
    ],
)
def test_a_lapse_put_on_a_person(text, rule):
    assert rule in _rules(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Its failure to start tripped the low-pressure alarm.", "UB302"),
        ("The pipeline deploys before the canary finishes only when the flag is off.", "UB102"),
        ("Why you need the admin role is in the access request.", "UB105"),
        ("Why you proceed with the upgrade first?", "UB105"),
    ],
)
def test_things_and_plain_questions_are_not_blame(text, rule):
    assert rule not in _rules(text)
