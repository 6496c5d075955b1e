"""An apology with no other object, beside the writer's act that undid work ("Sorry, I
deleted the branch", "I overwrote your changes, my apologies"), is for that act (UB205);
an apology for something else ("sorry for the late reply") beside a plain act is
etiquette, and an act that undid nothing stays the report the guide keeps.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, I removed the staging credentials.",
        "Sorry about that, I reverted your fix by accident of timing.",
        "I force-pushed over your commits, my apologies!",
        "Apologies, I closed the wrong issue.",
    ],
)
def test_a_bare_apology_beside_an_undoing_act_owns_it(text):
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for the late reply, I removed the stale preview apps.",
        "Sorry, I restarted the service at 10:00 as planned.",
        "Sorry to ping everyone, I deleted the old dashboards we agreed to drop.",
    ],
)
def test_etiquette_and_plain_acts_are_no_self_blame(text):
    assert "self_blame" not in categories(text)
