"""Personal debriefs: each responder's own account, with kind notes, shared only by choice."""

import pytest
from django.urls import reverse

from unblame.reviews.models import Debrief

from .conftest import section

ANSWERS = {
    "trying_to_do": "Roll out the new payment timeout.",
    "seeing": "The canary dashboard was green.\n\nThe error graph lagged by five minutes.",
    "made_sense": "Config pushes had never needed a canary before.",
    "surprised": "",
    "would_have_helped": "A canary for config pushes.",
}
SELF_BLAME = "It was all my fault, I am such an idiot."


def _url(incident):
    return reverse("reviews:debrief", args=[incident.pk])


def _write(client, incident, **answers):
    # As the page sends it: with the version of the writer's debrief, once there is one.
    author = client.session.get("_auth_user_id")
    own = Debrief.objects.filter(incident=incident, author_id=author).first()
    version = {"version": own.version} if own else {}
    return client.post(_url(incident), {**ANSWERS, **answers, **version})


def _share(client, incident, debrief, paragraphs, key="timeline"):
    url = reverse("reviews:debrief_share", args=[incident.pk, debrief.pk])
    return client.post(url, {"paragraphs": paragraphs, "section": key})


def test_a_responder_opens_an_empty_debrief_with_the_prompts(as_dana, incident):
    page = as_dana.get(_url(incident)).content.decode()
    assert "What were you trying to do?" in page
    assert "What made your actions make sense at the time?" in page
    assert "Only you can read this" in page


def test_a_responder_saves_their_debrief(as_dana, incident, dana):
    response = _write(as_dana, incident)
    assert response.status_code == 302
    debrief = Debrief.objects.get()
    assert (debrief.author, debrief.incident, debrief.seeing) == (dana, incident, ANSWERS["seeing"])


def test_saving_again_updates_the_same_debrief(as_dana, incident):
    _write(as_dana, incident)
    _write(as_dana, incident, surprised="The lag.")
    assert Debrief.objects.get().surprised == "The lag."


def test_someone_not_on_the_incident_cannot_write_one(as_viewer, as_admin, incident):
    assert as_viewer.get(_url(incident)).status_code == 403
    assert _write(as_admin, incident).status_code == 403
    assert not Debrief.objects.exists()


def test_an_outsider_gets_404_on_a_restricted_incident(as_outsider, restricted):
    assert as_outsider.get(_url(restricted)).status_code == 404


def test_self_blame_is_met_with_a_kind_factual_rewrite(as_dana, incident):
    _write(as_dana, incident, made_sense=SELF_BLAME)
    page = as_dana.get(_url(incident)).content.decode()
    assert "A factual way to say it:" in page
    assert "not for someone to blame, and that includes you" in page


def test_the_live_analyzer_answers_for_one_field(as_dana, incident):
    url = reverse("reviews:debrief_analyze", args=[incident.pk])
    page = as_dana.post(url, {"field": "made_sense", "made_sense": SELF_BLAME}).content.decode()
    assert "A factual way to say it:" in page
    assert "gaps in the system" in page


def test_the_live_analyzer_flags_blame_of_others_too(as_dana, incident, editor):
    url = reverse("reviews:debrief_analyze", args=[incident.pk])
    page = as_dana.post(url, {"field": "seeing", "seeing": "ed broke checkout."}).content.decode()
    assert "person-as-cause" in page


def test_the_live_analyzer_rejects_an_unknown_field(as_dana, incident):
    url = reverse("reviews:debrief_analyze", args=[incident.pk])
    assert as_dana.post(url, {"field": "password"}).status_code == 400


def test_the_live_analyzer_is_for_responders(as_viewer, as_outsider, incident, restricted):
    assert as_viewer.post(reverse("reviews:debrief_analyze", args=[incident.pk])).status_code == 403
    url = reverse("reviews:debrief_analyze", args=[restricted.pk])
    assert as_outsider.post(url).status_code == 404


def test_sharing_chosen_paragraphs_appends_them_with_attribution(as_dana, incident, review, dana):
    _write(as_dana, incident)
    debrief = Debrief.objects.get()
    response = _share(as_dana, incident, debrief, ["seeing:1", "would_have_helped:0"])
    assert response["Location"].endswith("#section-timeline")
    timeline = section(review, "timeline")
    assert timeline.version == 2
    assert timeline.updated_by == dana
    assert "*Shared by Dana Smith from their debrief:*" in timeline.body
    assert "**What were you seeing?**\n\nThe error graph lagged by five minutes." in timeline.body
    assert "A canary for config pushes." in timeline.body
    assert "The canary dashboard was green." not in timeline.body
    assert "Roll out the new payment timeout." not in timeline.body
    assert timeline.versions.last().note == "Shared from a debrief"


def test_sharing_everything_shares_the_whole_debrief(as_dana, incident, review):
    _write(as_dana, incident)
    debrief = Debrief.objects.get()
    _share(as_dana, incident, debrief, [pid for pid, _, _ in debrief.paragraphs()], "learnings")
    body = section(review, "learnings").body
    for answer in filter(None, ANSWERS.values()):
        for paragraph in answer.split("\n\n"):
            assert paragraph in body


def test_the_debrief_remembers_what_was_shared(as_dana, incident, review):
    _write(as_dana, incident)
    debrief = Debrief.objects.get()
    _share(as_dana, incident, debrief, ["trying_to_do:0"])
    debrief.refresh_from_db()
    assert (
        debrief.shared_text
        == "**What were you trying to do?**\n\nRoll out the new payment timeout."
    )
    assert debrief.shared_at is not None


def test_sharing_nothing_changes_nothing(as_dana, incident, review):
    _write(as_dana, incident)
    _share(as_dana, incident, Debrief.objects.get(), [])
    assert section(review, "timeline").version == 1


def test_an_unknown_paragraph_is_refused(as_dana, incident, review):
    _write(as_dana, incident)
    _share(as_dana, incident, Debrief.objects.get(), ["password:0"])
    assert section(review, "timeline").version == 1


def test_without_a_review_there_is_nothing_to_share_into(as_dana, incident):
    _write(as_dana, incident)
    response = _share(as_dana, incident, Debrief.objects.get(), ["seeing:0"])
    assert response["Location"] == _url(incident)
    page = as_dana.get(_url(incident)).content.decode()
    assert "The review has not started yet." in page


def test_a_published_review_takes_no_shared_text(as_dana, incident, review):
    review.state = "published"
    review.save()
    _write(as_dana, incident)
    _share(as_dana, incident, Debrief.objects.get(), ["seeing:0"])
    assert section(review, "timeline").version == 1


@pytest.mark.parametrize("client_name", ["as_admin", "as_editor", "as_viewer"])
def test_nobody_else_can_share_or_delete_it(request, as_dana, incident, review, client_name):
    _write(as_dana, incident)
    debrief = Debrief.objects.get()
    client = request.getfixturevalue(client_name)
    assert _share(client, incident, debrief, ["seeing:0"]).status_code == 404
    delete = reverse("reviews:debrief_delete", args=[incident.pk, debrief.pk])
    assert client.post(delete).status_code == 404
    assert Debrief.objects.filter(pk=debrief.pk).exists()
    assert section(review, "timeline").version == 1


def test_a_viewer_responder_writes_privately_but_cannot_share(incident, review, viewer):
    from django.test import Client

    from unblame.incidents.models import Responder

    Responder.objects.create(incident=incident, user=viewer)
    client = Client()
    client.force_login(viewer)
    assert _write(client, incident).status_code == 302
    debrief = Debrief.objects.get(author=viewer)
    assert _share(client, incident, debrief, ["seeing:0"]).status_code == 403
    assert "Your role cannot change the review" in client.get(_url(incident)).content.decode()


def test_the_author_deletes_their_debrief_and_shared_text_stays(as_dana, incident, review):
    _write(as_dana, incident)
    debrief = Debrief.objects.get()
    _share(as_dana, incident, debrief, ["seeing:0"])
    as_dana.post(reverse("reviews:debrief_delete", args=[incident.pk, debrief.pk]))
    assert not Debrief.objects.exists()
    assert "The canary dashboard was green." in section(review, "timeline").body


def test_each_responder_has_their_own_debrief(as_dana, as_editor, incident, dana, editor):
    _write(as_dana, incident)
    _write(as_editor, incident, seeing="Ed's view.")
    assert Debrief.objects.get(author=dana).seeing == ANSWERS["seeing"]
    assert Debrief.objects.get(author=editor).seeing == "Ed's view."
    assert ANSWERS["seeing"].split("\n")[0] not in as_editor.get(_url(incident)).content.decode()
