"""Text typed with typographic apostrophes reads as text typed with plain ones,
and a remedy named inside a short quotation is talked about, not asked for.

None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from rule_codes import codes

from unblame.language import analyze
from unblame.language.prose import parse


@pytest.mark.parametrize(
    "plain",
    [
        "Why didn't you run the smoke tests first?",
        "Why didn't you watch the canary before you shipped it?",
        "Maren's migration broke the billing exports.",
        "Tobias shouldn't have restarted the primary by hand.",
        "That outage was my fault, I didn't test the hotfix.",
        "Ugh, I'm an idiot, I rotated the wrong key.",
    ],
)
def test_a_typographic_apostrophe_reads_as_the_plain_one(plain):
    curly = plain.replace("'", "\u2019")
    plain_findings = [(f.rule, f.start, f.end) for f in analyze(plain)]
    assert plain_findings, "each sentence is a finding with a plain apostrophe"
    assert [(f.rule, f.start, f.end) for f in analyze(curly)] == plain_findings


def test_the_modifier_letter_apostrophe_reads_as_the_plain_one_too():
    plain = "Why didn't you run the smoke tests first?"
    assert codes(plain.replace("'", "\u02bc")) == codes(plain)


def test_only_the_masked_copy_changes_and_offsets_stay():
    source = "Why didn\u2019t you ask Dana\u2019s team?"
    doc = parse(source)
    assert doc.source == source
    assert doc.masked == "Why didn't you ask Dana's team?"
    finding = analyze(source)[0]
    assert source[finding.start : finding.end].startswith("Why didn\u2019t")


@pytest.mark.parametrize(
    ("source", "masked"),
    [
        # Closing quotation marks have no letter after them.
        ("They \u2018fixed\u2019 it.", "They \u2018fixed\u2019 it."),
        ("the engineers\u2019 runbook", "the engineers\u2019 runbook"),
        ("\u2019Twas fine.", "\u2019Twas fine."),
    ],
)
def test_a_quotation_mark_is_not_an_apostrophe(source, masked):
    assert parse(source).masked == masked


@pytest.mark.parametrize(
    "text",
    [
        "If the fix you propose is, \u201cdon\u2019t do that\u201d, start again.",
        'If the fix you propose is, "don\'t do that", start again.',
        "The lesson is not \u201cdon\u2019t do that\u201d.",
        'Action items like "Be more careful" get sent back.',
        "We retired the \u201cjust be careful\u201d item from the template.",
    ],
)
def test_a_remedy_named_in_a_short_quotation_is_a_mention(text):
    assert not codes(text) & {"UB501", "UB502", "UB503", "UB504"}


@pytest.mark.parametrize(
    "text",
    [
        "Going forward, please be more careful when deploying.",
        "Everyone, don\u2019t force-push to main again.",
        # A long quotation states the advice itself.
        "Our one action item: \u201cbe more careful with every production migration"
        " and double-check the target host before you press enter\u201d.",
    ],
)
def test_a_remedy_asked_for_is_still_found(text):
    assert codes(text) & {"UB501", "UB502", "UB503", "UB504"}
