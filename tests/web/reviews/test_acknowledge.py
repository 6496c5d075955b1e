"""Acknowledging a finding: kept with a reason, audited, shown in history, not nagged about."""

from django.urls import reverse
from django.utils.html import escape

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import FindingAcknowledgement

from .conftest import save, section

BLAME = "Dana broke checkout by pushing a bad config."
REASON = "Dana's own words, quoted from the chat log"


def _ack(client, incident, key="timeline", **data):
    url = reverse("reviews:acknowledge", args=[incident.pk, key])
    fields = {"rule": "UB101", "quote": "Dana broke", "reason": REASON}
    return client.post(url, {**fields, **data}, HTTP_HX_REQUEST="true")


def test_an_editor_acknowledges_a_finding_with_a_reason(as_editor, incident, review, editor, dana):
    save(review, "timeline", BLAME, editor)
    response = _ack(as_editor, incident, body=BLAME)
    ack = FindingAcknowledgement.objects.get()
    assert (ack.rule, ack.quote, ack.reason, ack.author) == (
        "UB101",
        "Dana broke",
        REASON,
        editor,
    )
    assert response.status_code == 200
    assert "Kept by ed: " + escape(REASON) in response.content.decode()


def test_it_is_audited(as_editor, incident, review):
    _ack(as_editor, incident)
    entry = AuditEntry.objects.get(object_type="reviews.findingacknowledgement")
    assert entry.after["reason"] == REASON


def test_a_reason_is_required(as_editor, incident, review):
    response = _ack(as_editor, incident, reason="")
    assert not FindingAcknowledgement.objects.exists()
    assert "Not kept." in response.content.decode()


def test_a_flimsy_reason_is_refused_with_the_rule(as_editor, incident, review, editor):
    save(review, "timeline", BLAME, editor)
    response = _ack(as_editor, incident, reason="ok ok ok ok ok ok ok ok", body=BLAME)
    assert not FindingAcknowledgement.objects.exists()
    assert "at least 20 characters and 4 words" in response.content.decode()


def test_a_bad_rule_code_is_rejected(as_editor, incident, review):
    _ack(as_editor, incident, rule="DROP TABLE")
    assert not FindingAcknowledgement.objects.exists()


def test_without_htmx_it_returns_to_the_editor(as_editor, incident, review):
    url = reverse("reviews:acknowledge", args=[incident.pk, "timeline"])
    response = as_editor.post(url, {"rule": "UB101", "quote": "x", "reason": "y"})
    assert response.status_code == 302
    assert response["Location"] == section(review, "timeline").edit_url()


def test_a_viewer_cannot_acknowledge(as_viewer, incident, review):
    assert _ack(as_viewer, incident).status_code == 403
    assert not FindingAcknowledgement.objects.exists()


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _ack(as_outsider, restricted).status_code == 404


def test_the_acknowledgement_is_shown_in_the_section_history(
    as_viewer, as_editor, incident, review
):
    _ack(as_editor, incident)
    url = reverse("reviews:section_history", args=[incident.pk, "timeline"])
    page = as_viewer.get(url).content.decode()
    assert "“Dana broke” kept by ed" in page
    assert escape(REASON) in page


def test_an_acknowledged_finding_no_longer_counts_on_the_review_page(
    as_editor, incident, review, editor, dana
):
    save(review, "timeline", BLAME, editor)
    page = as_editor.get(review.get_absolute_url()).content.decode()
    assert "1 finding<" in page
    _ack(as_editor, incident)
    assert "1 finding<" not in as_editor.get(review.get_absolute_url()).content.decode()
