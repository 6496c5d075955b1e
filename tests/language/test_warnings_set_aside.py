"""A warning set aside in the plural needs no article ("ignored alarms for three
hours"), and "also", "still", "again" or "even" may stand before the verb.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes


@pytest.mark.parametrize(
    "text",
    [
        "The night operator ignored alarms on the boiler for an hour.",
        "The line technician disregarded instructions from the control room.",
        "The second reviewer also ignored the red build.",
        "The shift supervisor still ignored the pages.",
        "Ottoline even dismissed objections from the DBA.",
    ],
)
def test_a_person_setting_a_warning_aside_is_judged(text):
    assert "UB106" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The parser ignored comments in the file.",
        "We ignored case when comparing hostnames.",
        "The relay ignored alarms below the threshold, as designed.",
        "The on-call engineer ignored the pages because they had fired falsely all week.",
    ],
)
def test_a_thing_or_a_reason_given_is_no_verdict(text):
    assert "UB106" not in codes(text)
