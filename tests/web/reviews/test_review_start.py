"""Starting a review: editors draft it; the incident page links to it."""

from django.urls import reverse

from unblame.reviews.models import Review


def _start(client, incident):
    return client.post(reverse("reviews:start", args=[incident.pk]))


def test_an_editor_starts_the_review_and_lands_on_it(as_editor, incident):
    response = _start(as_editor, incident)
    review = Review.objects.get(incident=incident)
    assert response.status_code == 302
    assert response["Location"] == review.get_absolute_url()


def test_starting_twice_keeps_one_review(as_editor, as_admin, incident):
    _start(as_editor, incident)
    _start(as_admin, incident)
    assert Review.objects.filter(incident=incident).count() == 1


def test_a_viewer_cannot_start_a_review(as_viewer, incident):
    assert _start(as_viewer, incident).status_code == 403
    assert not Review.objects.exists()


def test_an_outsider_cannot_start_one_on_a_restricted_incident(as_outsider, restricted):
    assert _start(as_outsider, restricted).status_code == 404


def test_starting_needs_post(as_editor, incident):
    assert as_editor.get(reverse("reviews:start", args=[incident.pk])).status_code == 405


def test_before_it_starts_the_review_page_offers_a_start_button_to_editors(as_editor, incident):
    response = as_editor.get(reverse("reviews:review", args=[incident.pk]))
    assert response.status_code == 200
    assert b"Start the review" in response.content


def test_before_it_starts_viewers_are_told_an_editor_can_start_it(as_viewer, incident):
    response = as_viewer.get(reverse("reviews:review", args=[incident.pk]))
    assert b"Start the review" not in response.content
    assert b"An editor can start it." in response.content


def test_the_incident_page_offers_to_start_the_review(as_editor, incident):
    page = as_editor.get(incident.get_absolute_url()).content.decode()
    assert reverse("reviews:start", args=[incident.pk]) in page


def test_the_incident_page_links_to_the_review_once_it_exists(as_viewer, incident, review):
    page = as_viewer.get(incident.get_absolute_url()).content.decode()
    assert reverse("reviews:review", args=[incident.pk]) in page
    assert reverse("reviews:start", args=[incident.pk]) not in page


def test_the_incident_page_links_responders_to_their_debrief(as_editor, as_viewer, incident):
    debrief = reverse("reviews:debrief", args=[incident.pk])
    assert debrief in as_editor.get(incident.get_absolute_url()).content.decode()
    assert debrief not in as_viewer.get(incident.get_absolute_url()).content.decode()
