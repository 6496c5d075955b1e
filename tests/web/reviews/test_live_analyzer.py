"""POST /incidents/<id>/review/analyze/: findings on text being written, as HTML or JSON."""

from django.urls import reverse

from unblame.reviews.models import FindingAcknowledgement
from unblame.reviews.views import MAX_ANALYZE_CHARS

from .conftest import section

BLAME = "Dana broke checkout by pushing a bad config."
HTMX = {"HTTP_HX_REQUEST": "true"}


def _analyze(client, incident, text, **data):
    url = reverse("reviews:analyze", args=[incident.pk])
    return client.post(url, {"body": text, **data}, **HTMX)


def test_it_marks_the_phrase_and_explains_the_rule(as_editor, incident, review, dana):
    response = _analyze(as_editor, incident, BLAME, section="timeline")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark id="mark-0" class="finding finding-error"' in page
    assert "person-as-cause" in page
    assert "A person is named as the cause of the outcome." in page  # the message
    assert "Why it matters" in page  # the rationale
    assert "Describe the action and its context instead" in page  # the suggestion


def test_the_count_is_swapped_into_the_live_region(as_editor, incident, review, dana):
    page = _analyze(as_editor, incident, BLAME, section="timeline").content.decode()
    assert '<span id="analysis-status" hx-swap-oob="innerHTML">' in page
    assert "1 finding to look at" in page


def test_clean_text_says_nothing_is_flagged(as_editor, incident, review):
    page = _analyze(as_editor, incident, "The deploy rolled back at 14:05.").content.decode()
    assert "Nothing flagged" in page
    assert "No findings to look at" in page


def test_it_stores_nothing(as_editor, incident, review, dana):
    _analyze(as_editor, incident, BLAME, section="timeline")
    assert section(review, "timeline").versions.count() == 1
    assert not FindingAcknowledgement.objects.exists()


def test_acknowledged_findings_are_shown_muted_with_their_reason(
    as_editor, incident, review, dana, editor
):
    quote = "Dana broke"
    FindingAcknowledgement.objects.create(
        section=section(review, "timeline"),
        rule="UB101",
        quote=quote,
        reason="a quote",
        author=editor,
    )
    page = _analyze(as_editor, incident, BLAME, section="timeline").content.decode()
    assert "finding-acknowledged" in page
    assert "Kept by ed: a quote" in page
    assert "No findings to look at, 1 acknowledged." in page


def test_acknowledgements_of_another_section_do_not_apply(
    as_editor, incident, review, dana, editor
):
    FindingAcknowledgement.objects.create(
        section=section(review, "summary"),
        rule="UB101",
        quote="Dana broke",
        reason="x",
        author=editor,
    )
    page = _analyze(as_editor, incident, BLAME, section="timeline").content.decode()
    assert "finding-acknowledged" not in page


def test_the_action_items_section_flags_try_harder_remedies(as_editor, incident, review):
    text = "Engineers must be more careful when deploying."
    page = _analyze(as_editor, incident, text, section="action_items").content.decode()
    assert "be-more-careful-remedy" in page


def test_it_answers_json_when_asked(as_editor, incident, review, dana):
    url = reverse("reviews:analyze", args=[incident.pk])
    response = as_editor.post(url, {"text": BLAME}, HTTP_ACCEPT="application/json")
    finding = response.json()["findings"][0]
    assert finding["rule"] == "UB101"
    assert finding["quote"] == BLAME[finding["start"] : finding["end"]]
    assert finding["rationale"]


def test_it_works_before_a_review_exists(as_editor, incident):
    url = reverse("reviews:analyze", args=[incident.pk])
    assert as_editor.post(url, {"text": "Obviously fine."}).status_code == 200


def test_text_beyond_the_limit_is_refused(as_editor, incident, review):
    response = _analyze(as_editor, incident, "a" * (MAX_ANALYZE_CHARS + 1))
    assert response.status_code == 413


def test_an_outsider_gets_404_on_a_restricted_incident(as_outsider, restricted):
    assert _analyze(as_outsider, restricted, BLAME).status_code == 404


def test_it_needs_post(as_editor, incident):
    assert as_editor.get(reverse("reviews:analyze", args=[incident.pk])).status_code == 405


def test_viewers_see_findings_but_no_acknowledge_form(as_viewer, incident, review, dana):
    page = _analyze(as_viewer, incident, BLAME, section="timeline").content.decode()
    assert "person-as-cause" in page
    assert "Keep these words" not in page
