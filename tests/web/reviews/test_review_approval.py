"""A template can ask that publishing waits for an approval from someone other than the author."""

import time_machine
from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import Approval, Review, ReviewTemplate
from unblame.reviews.services import readiness

from ..conftest import NOW
from .conftest import add_factor, save, write_open_sections
from .test_review_templates import _formset_data


def _needing_approval(review):
    ReviewTemplate.objects.filter(pk=review.template_id).update(needs_approval=True)
    return Review.objects.get(pk=review.pk)


def _ready(review, incident, editor, client):
    write_open_sections(review, editor)
    add_factor(incident)
    _move(client, incident, "in_review")
    return _needing_approval(review)


def _approve(client, incident):
    return client.post(reverse("reviews:approve", args=[incident.pk]))


def _publish(client, incident):
    return _move(client, incident, "published")


def _move(client, incident, state):
    version = Review.objects.get(incident=incident).version
    url = reverse("reviews:transition", args=[incident.pk])
    return client.post(url, {"state": state, "version": version})


def test_without_the_setting_no_approval_is_asked_for(review, incident, editor, as_editor):
    review = _ready(review, incident, editor, as_editor)
    ReviewTemplate.objects.update(needs_approval=False)
    assert readiness(Review.objects.get(pk=review.pk)) == []


def test_with_the_setting_a_ready_review_waits_for_an_approval(review, incident, editor, as_editor):
    review = _ready(review, incident, editor, as_editor)
    (gap,) = readiness(review)
    assert gap.code == "needs_approval"
    assert "someone other than the review's author (ed)" in gap.message
    assert gap.url == review.get_absolute_url() + "#approval"
    _publish(as_editor, incident)
    assert Review.objects.get(pk=review.pk).state == "in_review"


def test_the_author_cannot_approve_their_own_review(review, incident, editor, as_editor):
    _ready(review, incident, editor, as_editor)
    response = _approve(as_editor, incident)
    assert not Approval.objects.exists()
    page = as_editor.get(response["Location"]).content.decode()
    assert "Only someone other than the review&#x27;s author approves it" in page


def test_another_editors_approval_lets_it_be_published(
    dana, review, incident, editor, as_editor, as_dana
):
    review = _ready(review, incident, editor, as_editor)
    _approve(as_dana, incident)
    assert Approval.objects.get().approver == dana
    assert AuditEntry.objects.filter(object_type="reviews.approval").exists()
    assert readiness(review) == []
    _publish(as_editor, incident)
    assert Review.objects.get(pk=review.pk).state == "published"


def test_a_change_after_the_approval_asks_for_a_new_one(
    as_dana, review, incident, editor, as_editor
):
    review = _ready(review, incident, editor, as_editor)
    with time_machine.travel(NOW, tick=False):
        _approve(as_dana, incident)
    with time_machine.travel(NOW.replace(hour=13), tick=False):
        save(review, "impact", "Card payments failed for 40 minutes in every region.", editor)
    assert [gap.code for gap in readiness(Review.objects.get(pk=review.pk))] == ["needs_approval"]


def test_a_viewer_cannot_approve(review, incident, editor, as_editor, as_viewer):
    _ready(review, incident, editor, as_editor)
    assert _approve(as_viewer, incident).status_code == 403


def test_the_review_page_offers_the_approval_to_others(
    review, incident, editor, as_editor, as_dana
):
    _ready(review, incident, editor, as_editor)
    page = as_dana.get(reverse("reviews:review", args=[incident.pk])).content.decode()
    assert "Approve for publishing" in page
    own = as_editor.get(reverse("reviews:review", args=[incident.pk])).content.decode()
    assert "Approve for publishing" not in own
    assert "needs an approval from someone other than the review" in own


def test_an_admin_turns_the_setting_on_for_a_template(as_admin):
    template = ReviewTemplate.objects.get(is_default=True)
    data = {**_formset_data(template), "template-needs_approval": "on"}
    as_admin.post(reverse("reviews:template_edit", args=[template.pk]), data)
    assert ReviewTemplate.objects.get(pk=template.pk).needs_approval
    entry = AuditEntry.objects.filter(object_type="reviews.reviewtemplate").last()
    assert entry.after["needs_approval"] is True
