"""Acting against a warning, told in the shapes the eighth set showed (learned on
shapes-train8): "was told … and went ahead anyway", "knew … and started … anyway",
"went ahead regardless", and the warning standing before the one who set it aside
("Even after QA flagged …, Lars pushed …", "In spite of the red canary, …").

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import cues


@pytest.mark.parametrize(
    "text",
    [
        "Brannoc was told the standby was still syncing and went ahead with the switchover anyway.",
        "Ingeborg knew the snapshot had not completed and began the volume wipe anyway.",
        "Ferdia had been warned about the open transactions and restarted the primary regardless.",
        "We asked Oriel to hold the rollout; he went ahead regardless and the API fell over.",
        "Even after support flagged the duplicate charges, Caspar kept the retry job running.",
        "Even though the reviewers objected, Thirza merged the schema change.",
        "In spite of the failing smoke tests, Dov promoted the build to every region.",
        "Despite repeated warnings from the DBAs, Marit dropped the old partitions at noon.",
        "Lisandro was asked to wait for the freeze to lift and shipped the patch all the same.",
    ],
)
def test_acting_against_a_warning_is_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A circumstance, not a warning.
        "Despite the late hour, Brannoc finished the switchover cleanly.",
        "Even after Ingeborg restarted the pod, the errors continued.",
        # A system acting against the signal is the system's gap.
        "Even though the dashboard went red, the scheduler kept running the jobs.",
        # The person did not know: nothing was set aside.
        "Ferdia did not know the standby was behind and started the switchover anyway.",
        # Told, and waited: no defiance.
        "Oriel was told the replica was behind and waited for it to catch up.",
        # The reason given beside it is the local rationality a review wants.
        "Thirza went ahead anyway because the runbook allows stale locks to be cleared.",
    ],
)
def test_no_blame_without_a_warning_set_aside(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_the_span_of_a_warning_before_the_subject_is_the_warning() -> None:
    from unblame.language import clause

    text = "Even after QA flagged the crash, Lars pushed the build."
    sentence = clause.read(text, 0, len(text))
    spans = [cues.CUES["disregard"](sentence, c) for c in sentence.clauses]
    found = [s for s in spans if s is not None]
    assert found
    start, end = found[0]
    assert text[start:end].startswith("Even after QA flagged")
