"""Human error, self-blame and try-harder remedies in the shapes the eleventh set
showed (learned on shapes-train11): driver or crew error, "the human factor", a lapse
of concentration, a protocol not followed, a mis-click; no excuse for oneself, the
blame resting with me, "like a total amateur", shame over one's own act; awareness,
zero tolerance, personal sign-off, recertification, courses, signs, "we have spoken
to the individuals concerned", "be held accountable".

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The tram collision was put down to driver error.",
        "Inspectors blamed crew error for the fuel imbalance.",
        "In the end the delay came down to the human factor, not the signalling.",
        "The wrong pump was isolated after a momentary lapse of concentration by the fitter.",
        "The leak resulted from a contractor's failure to follow the permit process.",
        "The duplicate invoices were caused by a mis-click in the billing console.",
        "Orders failed for an hour due to an incorrectly copied webhook secret.",
    ],
)
def test_slips_named_as_causes(text: str) -> None:
    assert "human_error" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have no excuse for skipping the dry run.",
        "Shipping without the feature flag was inexcusable on my part.",
        "The blame for the broken 3.2 tag rests with me.",
        "I tagged it from my fork like a complete amateur.",
        "silly me, pushed the docs to the release branch again",
        "I'm mortified that my cleanup job emptied the archive bucket.",
        "apparently I can't even be trusted to rotate a key",
    ],
)
def test_self_blame_in_confessions(text: str) -> None:
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Corrective action: heightened awareness among drivers of the new speed limits.",
        "Action: raise awareness of the dangers of running scripts against prod.",
        "We are adopting a zero-tolerance policy on unreviewed changes.",
        "The shift lead must personally verify each restore before it runs.",
        "Both dispatchers must be re-certified before returning to the desk.",
        "Enrol every new starter in the safe-deploys workshop.",
        "Put a bright sign above the console reading 'IS THIS PROD?'.",
        "We have spoken to the engineers involved.",
        "Leadership has had words with the contractor responsible.",
        "Anyone who skips review will be held accountable.",
        "Operators are asked to pause before confirming any delete.",
    ],
)
def test_try_harder_remedies(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Descriptions, not remedies or confessions.
        "The heightened awareness of the on-call after the first page shortened the outage.",
        "The canary raised awareness of the regression within minutes.",
        "The error came from a controller in the storage array.",
        "Our excuse-free retros focus on the pipeline, not on people.",
        "The console now shows a banner when the target is production.",
        "The driver software was updated to follow the new protocol.",
    ],
)
def test_descriptions_are_not_findings(text: str) -> None:
    found = categories(text)
    assert not {"human_error", "self_blame", "try_harder"} & set(found)
