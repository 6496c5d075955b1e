"""Comments on a section, with @mentions of people who can see the incident."""

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import Comment, Mention


def _comment(client, incident, body, key="timeline"):
    url = reverse("reviews:comment_add", args=[incident.pk, key])
    return client.post(url, {"body": body})


def test_an_editor_comments_on_a_section(as_editor, incident, review, editor):
    response = _comment(as_editor, incident, "Can we add the dashboard link?")
    comment = Comment.objects.get()
    assert (comment.section.key, comment.author, comment.body) == (
        "timeline",
        editor,
        "Can we add the dashboard link?",
    )
    assert response["Location"] == comment.get_absolute_url()
    assert AuditEntry.objects.filter(object_type="reviews.comment").exists()


def test_comments_show_under_their_section(as_viewer, as_editor, incident, review):
    _comment(as_editor, incident, "Needs the <b>graph</b>.")
    page = as_viewer.get(review.get_absolute_url()).content.decode()
    assert "Needs the &lt;b&gt;graph&lt;/b&gt;." in page
    assert "1 comment<" in page


def test_a_mention_is_recorded_and_linked(as_editor, incident, review, viewer):
    viewer.email = "vic@example.com"
    viewer.save()
    _comment(as_editor, incident, "@vic, could you check this?")
    mention = Mention.objects.get()
    assert mention.user == viewer
    page = as_editor.get(review.get_absolute_url()).content.decode()
    assert '<strong class="mention" title="vic">@vic</strong>' in page


def test_a_mention_does_not_show_the_persons_email_address(as_editor, incident, review, viewer):
    viewer.email = "vic@example.com"
    viewer.first_name, viewer.last_name = "Vic", "Tor"
    viewer.save()
    _comment(as_editor, incident, "@vic, could you check this?")
    page = as_editor.get(review.get_absolute_url()).content.decode()
    assert '<strong class="mention" title="Vic Tor">@vic</strong>' in page
    assert "vic@example.com" not in page
    assert "mailto:" not in page


def test_a_trailing_full_stop_is_not_part_of_the_name(as_editor, incident, review, viewer):
    _comment(as_editor, incident, "Thanks @vic.")
    assert Mention.objects.get().user == viewer


def test_unknown_names_and_email_addresses_are_not_mentions(as_editor, incident, review, viewer):
    _comment(as_editor, incident, "Ask @nobody or mail vic@example.com")
    assert not Mention.objects.exists()


def test_people_who_cannot_see_the_incident_are_not_told(
    as_editor, restricted, restricted_review, outsider
):
    _comment(as_editor, restricted, "@otto have a look")
    assert not Mention.objects.exists()


def test_mentioning_yourself_records_nothing(as_editor, incident, review):
    _comment(as_editor, incident, "note to @ed: follow up")
    assert not Mention.objects.exists()


def test_the_mentions_page_lists_them_and_marks_them_seen(as_editor, as_viewer, incident, review):
    _comment(as_editor, incident, "@vic please check the timeline")
    page = as_viewer.get(reverse("reviews:mentions")).content.decode()
    assert "please check the timeline" in page
    assert ">New</span>" in page
    assert Mention.objects.get().seen_at is not None
    assert ">New</span>" not in as_viewer.get(reverse("reviews:mentions")).content.decode()


def test_mentions_on_an_incident_that_became_restricted_disappear(
    as_editor, as_viewer, incident, review
):
    _comment(as_editor, incident, "@vic please check the timeline")
    incident.restricted = True
    incident.save()
    page = as_viewer.get(reverse("reviews:mentions")).content.decode()
    assert "please check the timeline" not in page


def test_an_empty_comment_is_refused(as_editor, incident, review):
    _comment(as_editor, incident, "")
    assert not Comment.objects.exists()


def test_a_viewer_cannot_comment(as_viewer, incident, review):
    assert _comment(as_viewer, incident, "hi").status_code == 403
    assert not Comment.objects.exists()


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _comment(as_outsider, restricted, "hi").status_code == 404


def test_the_mentions_page_needs_sign_in(client):
    assert client.get(reverse("reviews:mentions")).status_code == 302


def test_the_header_counts_unseen_mentions_until_the_page_is_opened(
    as_editor, as_viewer, incident, review
):
    _comment(as_editor, incident, "@vic please check the timeline")
    assert (
        '1<span class="visually-hidden"> new</span>'
        in as_viewer.get("/incidents/").content.decode()
    )
    as_viewer.get(reverse("reviews:mentions"))
    assert 'visually-hidden"> new' not in as_viewer.get("/incidents/").content.decode()
