"""The analyzer beside the writer: annotate, mark, count and the kind rewrite."""

from types import SimpleNamespace

from unblame.language import get_rule
from unblame.reviews import analysis

BLAME = "Dana broke checkout by pushing a bad config."


def _ack(rule, quote):
    return SimpleNamespace(rule=rule, quote=quote, reason="quoted from the chat")


def test_annotate_pairs_findings_with_their_rule_objects():
    items = analysis.annotate(BLAME, names=["Dana"])
    assert items
    first = items[0]
    assert first.rule is get_rule(first.finding.rule)
    assert first.quote == BLAME[first.finding.start : first.finding.end]
    assert not first.acknowledged


def test_an_acknowledgement_matches_by_rule_and_words_ignoring_case_and_spacing():
    first = analysis.annotate(BLAME, names=["Dana"])[0]
    loose = " ".join(first.quote.upper().split()).replace(" ", "  ")
    items = analysis.annotate(
        "Earlier text. " + BLAME, names=["Dana"], acknowledgements=[_ack(first.finding.rule, loose)]
    )
    assert items[0].acknowledged
    assert items[0].acknowledgement.reason == "quoted from the chat"


def test_an_acknowledgement_of_other_words_does_not_apply():
    first = analysis.annotate(BLAME, names=["Dana"])[0]
    items = analysis.annotate(
        BLAME, names=["Dana"], acknowledgements=[_ack(first.finding.rule, "something else")]
    )
    assert not items[0].acknowledged


def test_action_item_sections_are_read_as_action_items():
    assert analysis.context_for("action_items") == "action_item"
    assert analysis.context_for("timeline") == "document"


def test_marked_html_escapes_the_text_and_marks_the_finding():
    text = "<b>x</b> " + BLAME
    items = analysis.annotate(text, names=["Dana"])
    html = str(analysis.marked_html(text, items))
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert '<mark id="mark-0" class="finding finding-' in html
    assert "<b>" not in html


def test_marked_html_marks_overlapping_findings_once():
    text = "It was human error: the on-call engineer should have known."
    items = analysis.annotate(text)
    html = str(analysis.marked_html(text, items))
    assert html.count("<mark") <= len(items)
    assert html.replace("</mark>", "").count("known.") == 1


def test_acknowledged_findings_are_marked_muted():
    first = analysis.annotate(BLAME, names=["Dana"])[0]
    items = analysis.annotate(
        BLAME, names=["Dana"], acknowledgements=[_ack(first.finding.rule, first.quote)]
    )
    assert "finding-acknowledged" in str(analysis.marked_html(BLAME, items))


def test_counts_have_every_category_and_blame_total_skips_style():
    items = analysis.annotate("Obviously it was human error.")
    counts = analysis.count_by_category(item.finding for item in items)
    assert list(counts) == [c.value for c in analysis.CATEGORIES]
    assert counts["human_error"] >= 1
    assert analysis.blame_total(counts) == sum(
        n for slug, n in counts.items() if slug not in ("root_cause", "hindsight")
    )


def test_self_blame_gets_a_kind_factual_rewrite():
    items = analysis.annotate("This was all my fault, I am such an idiot.")
    self_blame = [item for item in items if item.is_self_blame]
    assert self_blame
    for item in self_blame:
        assert item.rewrite.startswith("I ")
        assert "idiot" not in item.rewrite


def test_other_findings_get_no_rewrite_frame():
    item = analysis.annotate(BLAME, names=["Dana"])[0]
    assert item.rewrite == ""


def test_to_dict_carries_the_rationale_and_acknowledgement():
    data = analysis.annotate(BLAME, names=["Dana"])[0].to_dict()
    assert data["rationale"]
    assert data["acknowledged"] is False
    assert {"rule", "category", "severity", "start", "end", "message", "suggestion"} <= set(data)
