"""Self-reports that carry the slip in an apology's noun, an idiom, a recurring
mis- verb or a lapse of attention, and their neighbours that blame no one.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "Apologies for the accidental merge into the stable branch.",
        "Sorry about the premature release, it is yanked now.",
        "sorry for the mistaken force-push, restoring the branch",
    ],
)
def test_an_apology_naming_the_act_a_slip_is_a_self_report(text):
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are sorry for the unintended downtime our customers saw.",
        "Sorry for the noise in this channel.",
        "Apologies for the late reply to the accidental-deletion thread.",
    ],
)
def test_an_apology_for_an_outcome_or_for_noise_blames_no_one(text):
    assert "self_blame" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I jumped the gun on publishing the 2.0 tag.",
        "I kind of took my eye off the certificate dates.",
    ],
)
def test_an_idiom_of_a_lapse_is_self_blame(text):
    assert "self_blame" in categories(text)


def test_a_recurring_mis_verb_is_a_self_report():
    assert "self_blame" in categories("I keep misreading the region in the prompt.")


def test_a_recurring_mis_verb_of_another_is_their_slip():
    assert "blame_other" in categories("The operator kept mistyping the hostname.")


def test_a_thing_that_keeps_mismatching_is_no_slip():
    assert not categories("The dashboard keeps mismatching the colours of the two series.")


@pytest.mark.parametrize(
    "text",
    ["I got distracted and skipped the drain step.", "I completely lost focus during the cutover."],
)
def test_a_lapse_of_attention_owned_by_the_writer_is_self_blame(text):
    assert "self_blame" in categories(text)


def test_distraction_with_its_cause_gives_the_situation():
    assert not categories("I was distracted by a second page from the billing cluster.")
