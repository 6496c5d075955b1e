"""The readiness check keeps its promise: blame anywhere in what is published blocks it.

The scenario is the one issue 9 reproduced: contributing factors and action
items that blame people, published anyway, and a shared debrief excerpt that
still read as "no gaps" after the review was reopened.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from unblame.reviews.models import Debrief, FindingAcknowledgement, Review
from unblame.reviews.services import NotAcknowledged, acknowledge, readiness

from .conftest import add_action, add_factor, save, section, write_open_sections

REASON = "The words of the runbook this quotes, kept as they were written"


def _blaming(review, incident, editor):
    """A review whose own sections are clean but whose factors and actions blame people."""
    write_open_sections(review, editor)
    config = add_factor(incident, "X should have checked the config.")
    alert = add_factor(incident, "The on-call engineer failed to notice the alert.")
    careful = add_action(incident, "Be more careful", config)
    retrain = add_action(incident, "Add a config check", alert)
    retrain.description = "Retrain the engineer."
    retrain.save()
    return config, alert, careful, retrain


def _move(client, incident, state):
    version = Review.objects.get(incident=incident).version
    url = reverse("reviews:transition", args=[incident.pk])
    return client.post(url, {"state": state, "version": version})


def _finding_gaps(review):
    return [gap for gap in readiness(review) if gap.rule]


def test_each_blaming_factor_and_action_item_is_a_gap_naming_where_it_is(review, incident, editor):
    config, _, _, retrain = _blaming(review, incident, editor)
    gaps = _finding_gaps(review)
    assert [(g.section, g.kind, g.rule) for g in gaps] == [
        ("Contributing factor 1 (Change management)", "factor_description", "UB301"),
        ("Contributing factor 2 (Change management)", "factor_description", "UB302"),
        ("Action item 1, title", "action_item_title", "UB501"),
        ("Action item 2, description", "action_item_description", "UB502"),
    ]
    edit_factor = reverse("actions:factor_edit", args=[incident.pk, config.pk])
    edit_item = reverse("actions:item_edit", args=[incident.pk, retrain.pk])
    assert gaps[0].url == edit_factor
    assert gaps[3].url == edit_item
    assert "“X should have checked”" in gaps[0].message


def test_publishing_the_blaming_review_is_refused(as_editor, review, incident, editor):
    _blaming(review, incident, editor)
    _move(as_editor, incident, "in_review")
    response = _move(as_editor, incident, "published")
    assert response["Location"] == reverse("reviews:readiness", args=[incident.pk])
    assert Review.objects.get(pk=review.pk).state == "in_review"
    page = as_editor.get(response["Location"]).content.decode()
    assert "Not published: 4 gaps to close." in page
    assert escape("“Be more careful”") in page


def test_a_substantial_acknowledgement_clears_a_finding(review, incident, editor):
    config, *_ = _blaming(review, incident, editor)
    name = f"factor:{config.pk}:description"
    acknowledge(review, name, "UB301", "X should have checked", REASON, editor)
    assert [gap.section for gap in _finding_gaps(review)] == [
        "Contributing factor 2 (Change management)",
        "Action item 1, title",
        "Action item 2, description",
    ]


def test_a_flimsy_acknowledgement_does_not_clear_it(review, incident, editor):
    config, *_ = _blaming(review, incident, editor)
    # Stored before the rule existed, or around the form: the check judges the reason itself.
    FindingAcknowledgement.objects.create(
        review=review,
        target=f"factor:{config.pk}:description",
        rule="UB301",
        quote="X should have checked",
        reason="ok",
    )
    gap = _finding_gaps(review)[0]
    assert gap.section == "Contributing factor 1 (Change management)"
    assert "acknowledged with “ok”, which is too thin" in gap.message


def test_a_flimsy_reason_is_refused_when_acknowledging(review, incident, editor):
    config, *_ = _blaming(review, incident, editor)
    name = f"factor:{config.pk}:description"
    for reason in ("fine", "aaaaaaaaaaaaaaaaaaaaaaaa", "yes yes yes yes yes yes yes"):
        with pytest.raises(NotAcknowledged, match="at least 20 characters and 4 words"):
            acknowledge(review, name, "UB301", "X should have checked", reason, editor)
    assert not FindingAcknowledgement.objects.exists()


def test_text_changed_after_an_acknowledgement_is_checked_again(review, incident, editor):
    config, *_ = _blaming(review, incident, editor)
    name = f"factor:{config.pk}:description"
    acknowledge(review, name, "UB301", "X should have checked", REASON, editor)
    assert len(_finding_gaps(review)) == 3
    config.description = "X should have checked the config, and the deploy, and the logs."
    config.save()
    gaps = _finding_gaps(review)
    assert len(gaps) == 4
    assert gaps[0].section == "Contributing factor 1 (Change management)"


def test_a_section_acknowledgement_lapses_when_its_line_changes(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "The on-call engineer should have checked the dashboard.", editor)
    rule, quote = "UB301", "The on-call engineer should have checked"
    acknowledge(review, "timeline", rule, quote, REASON, editor)
    assert readiness(review) == []
    save(review, "timeline", f"{quote} the dashboard twice.", editor)
    assert [gap.rule for gap in readiness(review)] == ["UB301"]


def test_a_shared_debrief_excerpt_blocks_publishing_after_reopening(
    as_editor, as_dana, review, incident, editor, dana
):
    write_open_sections(review, editor)
    add_factor(incident)
    _move(as_editor, incident, "in_review")
    assert _move(as_editor, incident, "published")["Location"] == review.get_absolute_url()
    _move(as_editor, incident, "in_review")
    debrief = Debrief.objects.create(
        incident=incident, author=dana, surprised="It was all my fault, I'm so stupid."
    )
    debrief.share(section(review, "what_surprised_us"), ["surprised:0"])
    gaps = readiness(review)
    assert [(g.kind, g.section, g.rule) for g in gaps] == [
        ("shared_debrief_excerpt", "What surprised us, shared by Dana Smith from a debrief", r)
        for r in ("UB201", "UB202")
    ]
    page = as_editor.get(reverse("reviews:readiness", args=[incident.pk])).content.decode()
    assert "Ready to publish: no gaps" not in page
    assert _move(as_editor, incident, "published")["Location"].endswith("/readiness/")
    assert Review.objects.get(pk=review.pk).state == "in_review"


def test_acknowledgements_are_listed_with_reasons_and_authors_for_viewers(
    as_editor, as_viewer, review, incident, editor
):
    config, *_ = _blaming(review, incident, editor)
    url = reverse("reviews:acknowledge_gap", args=[incident.pk])
    data = {
        "target": f"factor:{config.pk}:description",
        "rule": "UB301",
        "quote": "X should have checked",
        "reason": REASON,
    }
    as_editor.post(url, data)
    ack = FindingAcknowledgement.objects.get()
    assert (ack.author, ack.context) == (editor, "X should have checked the config.")
    page = as_viewer.get(reverse("reviews:readiness", args=[incident.pk])).content.decode()
    assert "kept by ed" in page
    assert escape(REASON) in page


def test_a_viewer_cannot_acknowledge_from_the_readiness_page(as_viewer, review, incident):
    url = reverse("reviews:acknowledge_gap", args=[incident.pk])
    data = {"target": "timeline", "rule": "UB301", "quote": "x", "reason": REASON}
    assert as_viewer.post(url, data).status_code == 403


def test_a_published_review_says_how_many_findings_were_acknowledged(
    as_editor, review, incident, editor
):
    config, alert, careful, retrain = _blaming(review, incident, editor)
    targets = [
        (f"factor:{config.pk}:description", "UB301", "X should have checked"),
        (f"factor:{alert.pk}:description", "UB302", "The on-call engineer failed to"),
        (f"action:{careful.pk}:title", "UB501", "Be more careful"),
        (f"action:{retrain.pk}:description", "UB502", "Retrain the engineer"),
    ]
    for name, rule, quote in targets:
        acknowledge(review, name, rule, quote, REASON, editor)
    _move(as_editor, incident, "in_review")
    _move(as_editor, incident, "published")
    assert Review.objects.get(pk=review.pk).state == "published"
    page = as_editor.get(review.get_absolute_url()).content.decode()
    assert "4 findings acknowledged in what was published" in page
