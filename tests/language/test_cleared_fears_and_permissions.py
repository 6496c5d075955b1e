"""Three shapes that carry blame's words without blaming: a path not taken that would have
changed nothing (it clears the person), punishment named as what people fear, and a rule
about who may do what.

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
        (
            "If the on-call had acked the page sooner, it wouldn't have changed the outcome.",
            "UB303",
        ),
        ("Had the reviewer read every line, it would have made little difference.", "UB303"),
        ("Junior staff keep quiet about slips for fear of being fired.", "UB503"),
        ("Operators were afraid of disciplinary action, so near misses went unreported.", "UB503"),
        ("Honestly I shouldn't be allowed to tag releases without a second approval.", "UB202"),
        ("I should not be allowed to push to the release branch without a review.", "UB204"),
    ],
)
def test_no_finding_where_nobody_is_blamed(text, rule):
    assert rule not in _rules(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("If the on-call had acked the page sooner, the failover would have started.", "UB303"),
        ("Had the reviewer read every line, we would not have shipped the bug.", "UB303"),
        ("The contractor was disciplined for the outage.", "UB503"),
        ("Honestly I shouldn't be allowed near the billing database.", "UB202"),
        ("I pushed to the release branch without a review.", "UB204"),
    ],
)
def test_the_same_words_still_blame_where_they_judge(text, rule):
    assert rule in _rules(text)
