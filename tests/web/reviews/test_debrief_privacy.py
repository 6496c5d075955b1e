"""Nothing from a private debrief reaches anyone else: no page, list, count, search, export,
API answer or audit entry, for anyone, admins included, until its author shares it.

It walks the URL configuration, so a page added later is checked as well.
"""

import json

import pytest
from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Responder, TimelineEvent
from unblame.reviews.models import Debrief

from ..routes import path_for, routes
from .conftest import section

SECRET = "zebracorn"
# Searches echo their query, so what a search must not find is the word next to it.
BESIDE = "quokkaline"
SHARED = "The dashboards were quiet for ten minutes."


# The API's routes are listed too; the login and logout pages have nothing to leak.
ROUTES = sorted({r for r in routes() if not r.startswith(("login", "logout"))})


@pytest.fixture
def debrief(dana, incident, review):
    answers = {
        "trying_to_do": f"Find the {SECRET} {BESIDE} config.",
        "seeing": f"{SHARED}\n\nI felt like a {SECRET} {BESIDE} idiot.",
        "made_sense": f"The {SECRET} {BESIDE} runbook said so.",
        "surprised": f"{SECRET} {BESIDE} everywhere.",
        "would_have_helped": f"A {SECRET} {BESIDE} alarm.",
    }
    return Debrief.objects.create(incident=incident, author=dana, **answers)


@pytest.fixture
def values(incident, review, debrief, editor):
    event = TimelineEvent.objects.create(incident=incident, text="Rolled back.")
    responder = Responder.objects.filter(incident=incident).first()
    return {
        "pk": incident.pk,
        "incident_id": incident.pk,
        "key": "timeline",
        "event_pk": event.pk,
        "responder_pk": responder.pk,
        "debrief_pk": debrief.pk,
        "template_pk": review.template_id,
    }


def _leaks(response, word=SECRET):
    if response.status_code >= 400:
        return False
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return word.encode() in body


def test_there_are_pages_to_check():
    assert len(ROUTES) >= 30


@pytest.mark.parametrize("who", ["as_admin", "as_editor", "as_viewer"])
def test_no_page_shows_someone_elses_debrief(request, values, who):
    client = request.getfixturevalue(who)
    leaks = [
        url
        for url in (path_for(route, values) for route in ROUTES)
        if _leaks(client.get(url)) or _leaks(client.get(url, {"q": SECRET}), BESIDE)
    ]
    assert leaks == []


def test_the_author_sees_it_only_on_their_debrief_page(as_dana, values):
    debrief_page = reverse("reviews:debrief", args=[values["pk"]])
    leaks = [
        url
        for url in (path_for(route, values) for route in ROUTES)
        if url != debrief_page and _leaks(as_dana.get(url))
    ]
    assert leaks == []
    assert SECRET in as_dana.get(debrief_page).content.decode()


def test_searching_for_its_words_finds_no_incident(as_admin, incident, debrief):
    page = as_admin.get("/incidents/", {"q": SECRET}).content.decode()
    assert incident.title not in page
    assert BESIDE not in page


def test_the_api_never_answers_with_it(as_admin, incident, debrief):
    for url in (
        "/api/incidents",
        f"/api/incidents/{incident.pk}",
        f"/api/incidents/{incident.pk}/review",
    ):
        assert SECRET not in as_admin.get(url).content.decode(), url


def test_writing_it_leaves_no_audit_entry(as_dana, incident):
    as_dana.post(reverse("reviews:debrief", args=[incident.pk]), {"seeing": SECRET})
    assert Debrief.objects.exists()
    assert not AuditEntry.objects.filter(object_type="reviews.debrief").exists()
    for entry in AuditEntry.objects.all():
        assert SECRET not in json.dumps([entry.before, entry.after, entry.object_repr])


def test_the_audit_page_never_shows_it(as_admin, as_dana, incident):
    as_dana.post(reverse("reviews:debrief", args=[incident.pk]), {"seeing": SECRET})
    assert SECRET not in as_admin.get(reverse("accounts:audit")).content.decode()


@pytest.mark.parametrize("who", ["as_admin", "as_editor", "as_viewer", "as_outsider"])
def test_nobody_else_reaches_its_share_or_delete_address(request, incident, debrief, who):
    client = request.getfixturevalue(who)
    for name in ("reviews:debrief_share", "reviews:debrief_delete"):
        url = reverse(name, args=[incident.pk, debrief.pk])
        assert client.get(url).status_code in (404, 405)
        assert (
            client.post(url, {"paragraphs": ["seeing:0"], "section": "timeline"}).status_code == 404
        )


def test_the_debrief_page_shows_only_your_own(as_editor, as_admin, incident, debrief):
    url = reverse("reviews:debrief", args=[incident.pk])
    assert SECRET not in as_editor.get(url).content.decode()  # ed is a responder with none yet
    assert as_admin.get(url).status_code == 403  # not a responder: no debrief page at all


def test_after_sharing_a_paragraph_only_that_paragraph_is_public(
    as_dana, as_admin, incident, review, debrief
):
    url = reverse("reviews:debrief_share", args=[incident.pk, debrief.pk])
    as_dana.post(url, {"paragraphs": ["seeing:0"], "section": "timeline"})
    assert SHARED in section(review, "timeline").body
    for page in (
        review.get_absolute_url(),
        reverse("review_markdown:markdown", args=[incident.pk]),
        reverse("review_markdown:html", args=[incident.pk]),
        f"/api/incidents/{incident.pk}/review",
        reverse("reviews:section_history", args=[incident.pk, "timeline"]),
    ):
        text = as_admin.get(page).content.decode()
        assert SHARED in text, page
        assert SECRET not in text, page
