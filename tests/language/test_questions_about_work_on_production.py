"""Accusing questions about work done on production, with "they" after the auxiliary,
and an act that was going on ("why were you testing in prod?").

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import clause
from unblame.language.cues_questions import _past_act


def _sentence(text: str) -> clause.Sentence:
    return clause.read(text, 0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "Why were they editing the firewall rules in production?",
        "Why did they push the schema change straight to prod?",
        "Why do they keep tweaking settings on live?",
        "Why were you experimenting on production during the freeze?",
    ],
)
def test_work_on_production_questioned_is_an_accusation(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why do they time out in production but not in staging?",
        "Why did the deploy to production take forty minutes?",
        "Who is pushing the release to production this week?",
        "Why were they getting 502s in production?",
    ],
)
def test_a_question_about_things_or_a_rota_is_no_accusation(text):
    assert categories(text) == []


def test_an_act_going_on_then_counts_as_an_act():
    assert _past_act(_sentence("Why were you testing on the primary?"))


def test_a_state_going_on_is_read_the_same_but_needs_an_edge():
    # "were … -ing" is an act; without an edge ("in prod", "even", …) no accusation.
    assert _past_act(_sentence("Why were you waiting for the page?"))
    assert categories("Why were you waiting for the page?") == []


def test_no_act_no_past():
    assert not _past_act(_sentence("Why is the queue so long?"))
