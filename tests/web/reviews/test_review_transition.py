"""Review states: draft → in review → published, with who moved it and when."""

import time_machine
from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import Review, StateChange

from ..conftest import NOW
from .conftest import add_factor, save, write_open_sections


def _move(client, incident, state, note=""):
    url = reverse("reviews:transition", args=[incident.pk])
    # As the page sends it: with the review's version when it was shown.
    version = Review.objects.get(incident=incident).version
    return client.post(url, {"state": state, "note": note, "version": version})


def _state(review):
    return Review.objects.get(pk=review.pk).state


def test_an_editor_sends_the_draft_for_review(as_editor, incident, review, editor):
    with time_machine.travel(NOW, tick=False):
        response = _move(as_editor, incident, "in_review", "ready for eyes")
    assert response.status_code == 302
    assert _state(review) == "in_review"
    change = StateChange.objects.get(review=review, to_state="in_review")
    assert (change.from_state, change.to_state, change.actor, change.at, change.note) == (
        "draft",
        "in_review",
        editor,
        NOW,
        "ready for eyes",
    )
    assert AuditEntry.objects.filter(object_type="reviews.review", action="state").exists()


def test_publishing_with_gaps_is_refused_and_shows_them(as_editor, incident, review, editor):
    write_open_sections(review, editor)
    _move(as_editor, incident, "in_review")
    response = _move(as_editor, incident, "published")
    assert response["Location"] == reverse("reviews:readiness", args=[incident.pk])
    assert _state(review) == "in_review"
    page = as_editor.get(response["Location"]).content.decode()
    assert "Not published: 1 gap to close." in page
    assert "No contributing factor is recorded" in page


def test_a_ready_review_is_published_with_its_time(as_editor, incident, review, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    _move(as_editor, incident, "in_review")
    with time_machine.travel(NOW, tick=False):
        _move(as_editor, incident, "published")
    review.refresh_from_db()
    assert (review.state, review.published_at) == ("published", NOW)


def test_a_draft_cannot_be_published_directly(as_editor, incident, review, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    _move(as_editor, incident, "published")
    assert _state(review) == "draft"


def test_a_published_review_can_be_reopened_for_review(as_editor, incident, review, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    _move(as_editor, incident, "in_review")
    _move(as_editor, incident, "published")
    _move(as_editor, incident, "in_review")
    assert _state(review) == "in_review"
    assert Review.objects.get(pk=review.pk).published_at is not None


def test_in_review_can_go_back_to_draft(as_editor, incident, review):
    _move(as_editor, incident, "in_review")
    _move(as_editor, incident, "draft")
    assert _state(review) == "draft"


def test_an_unknown_state_is_refused(as_editor, incident, review):
    _move(as_editor, incident, "archived")
    assert _state(review) == "draft"


def test_a_viewer_cannot_move_the_review(as_viewer, incident, review):
    assert _move(as_viewer, incident, "in_review").status_code == 403
    assert _state(review) == "draft"


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _move(as_outsider, restricted, "in_review").status_code == 404


def test_the_page_shows_who_moved_it_and_when(as_viewer, as_editor, incident, review):
    with time_machine.travel(NOW, tick=False):
        _move(as_editor, incident, "in_review")
    page = as_viewer.get(review.get_absolute_url()).content.decode()
    assert "04 Mar 2026, 12:00 UTC: Draft → In review by ed" in page


def test_an_error_finding_blocks_publication_until_fixed(as_editor, dana, incident, review, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "Dana broke checkout.", editor)
    _move(as_editor, incident, "in_review")
    _move(as_editor, incident, "published")
    assert _state(review) == "in_review"
    save(review, "timeline", "A config push reached checkout without a canary.", editor)
    _move(as_editor, incident, "published")
    assert _state(review) == "published"


def test_an_unwritten_section_stops_publication_and_says_where(as_editor, incident, review):
    add_factor(incident)
    _move(as_editor, incident, "in_review")
    response = _move(as_editor, incident, "published")
    assert _state(review) == "in_review"
    page = as_editor.get(response["Location"]).content.decode()
    assert "Not published: 3 gaps to close." in page
    impact = review.sections.get(key="impact")
    assert "<strong>Impact</strong>: Not written yet." in page
    assert f'href="{impact.edit_url()}"' in page
