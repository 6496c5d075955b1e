"""An act done without the leave it needed ("without authorization", "without a
permit") is care left undone, as "without approval" was; chat's interjections
("Ack", "Gah", "Oof") open a line without being read as a name.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language.agents import SELF
from unblame.language.clause import read


@pytest.mark.parametrize(
    "text",
    [
        "The fitter opened the gas main without authorization.",
        "A technician bypassed the interlock without permission from the control room.",
        "The crew excavated the verge without a permit and cut the duct.",
    ],
)
def test_an_act_without_leave_is_care_left_undone(text):
    assert "UB302" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The job deletes stale files without permission checks.",
        "Users can read the status page without authorization.",
    ],
)
def test_a_thing_without_a_check_is_no_ones_omission(text):
    assert "UB302" not in codes(text)


@pytest.mark.parametrize("opener", ["Ack", "Gah", "Oof", "Jeez", "Darn"])
def test_a_chat_interjection_is_no_name(opener):
    text = f"{opener}, sorry, I pushed the tag from my fork."
    assert read(text, 0, len(text)).clauses[0].agent == SELF
