"""Attention owed and not given, read through more verbs ("did not detect", "their
failure to monitor", "did not acknowledge the alarm"), a safeguard named without an
article ("did not apply standard recovery procedures"), and a miss told in the present
of a scenario ("the backup engineer misses the alert"); a sensor or a dashboard that
misses something judges nobody.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {f.category.value for f in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The signaller did not heed the warning from the points.",
        "The cause was their failure to monitor the tank level.",
        "The duty operator did not acknowledge the high-level alarm.",
        "The driver did not apply standard braking procedures on the descent.",
        "In this scenario the secondary on-call misses the page for an hour.",
    ],
)
def test_attention_a_person_owed_and_did_not_give(text):
    assert "counterfactual" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The level sensor did not detect the overflow.",
        "The old dashboard misses the errors from the batch jobs.",
        "She misses the old runbook format.",
        "The installer did not run tests, by design.",
    ],
)
def test_a_machine_a_liking_or_a_design_is_no_attention_owed(text):
    assert "counterfactual" not in _categories(text)
