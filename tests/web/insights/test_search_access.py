"""Search never returns text its reader may not read.

Restricted incidents are found by their responders and admins only; private
debriefs and private notes are never in the index at all, for anyone.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from unblame.incidents.models import Responder, TimelineEvent
from unblame.insights.models import SearchEntry
from unblame.insights.search import search
from unblame.integrations.models import PrivateNote
from unblame.reviews.models import Debrief

from ..conftest import make_user
from .conftest import PUBLIC_WORD, SECRET_WORD

URL = reverse("insights:search")


def found(client, word, **params):
    response = client.get(URL, {"q": word, **params})
    assert response.status_code == 200
    return response.content.decode().count('class="search-hit card"')


@pytest.mark.parametrize("kind", ["", "incident", "event", "section", "factor", "action_item"])
def test_a_restricted_incident_is_never_found_by_those_off_it(
    as_viewer, as_outsider, public_texts, secret_texts, kind
):
    for client in (as_viewer, as_outsider):
        assert found(client, SECRET_WORD, kind=kind) == 0
        assert found(client, "credential stuffing", kind=kind) == 0
    assert found(as_viewer, PUBLIC_WORD) == 5


def test_nothing_of_a_restricted_incident_shows_beside_a_public_hit(
    as_viewer, public_texts, secret_texts
):
    html = as_viewer.get(URL, {"q": "retries"}).content.decode()
    assert "Credential stuffing" not in html
    assert SECRET_WORD not in html
    # The public incident's item ("retries") and factor ("retry"), nothing more.
    assert html.count('class="search-hit card"') == 2


def test_its_responders_and_admins_find_it(as_editor, as_admin, public_texts, secret_texts):
    assert found(as_editor, SECRET_WORD) == 5
    assert found(as_admin, SECRET_WORD) == 5
    assert found(as_admin, "credential stuffing") == 1


def test_taking_someone_off_the_incident_hides_it_at_once(secret_texts, restricted, editor):
    client = Client()
    client.force_login(editor)
    assert found(client, SECRET_WORD) == 5
    Responder.objects.filter(incident=restricted, user=editor).delete()
    assert found(client, SECRET_WORD) == 0


def test_an_inactive_account_finds_nothing(secret_texts, public_texts, viewer):
    viewer.is_active = False
    viewer.save()
    from unblame.incidents.access import visible_incidents

    assert search(visible_incidents(viewer), PUBLIC_WORD) == []


def test_a_private_debrief_is_never_indexed_nor_found(incident, editor, public_texts):
    Debrief.objects.create(incident=incident, author=editor, seeing="The porcupine graph was flat.")
    assert not SearchEntry.objects.filter(body__contains="porcupine").exists()
    for user in (editor, make_user("root", "admin")):
        client = Client()
        client.force_login(user)
        assert found(client, "porcupine") == 0


def test_shared_debrief_text_is_found_as_review_text(incident, editor, public_texts, as_viewer):
    debrief = Debrief.objects.create(
        incident=incident, author=editor, seeing="The walrus graph was flat.\n\nKept private."
    )
    review = public_texts["review"]
    debrief.share(review.sections.get(key="timeline"), ["seeing:0"])
    assert found(as_viewer, "walrus", kind="section") == 1
    assert found(as_viewer, "private") == 0


def test_another_persons_private_note_is_never_found(incident, editor, viewer):
    event = incident.add_event(editor, text="I should have checked, sorry.")
    PrivateNote.objects.create(
        event=event,
        recipient=editor,
        rule="UB200",
        excerpt="I should have checked",
        message="A kind pelican note for you alone.",
        suggestion="Describe the pelican step factually.",
    )
    for user in (editor, viewer):
        client = Client()
        client.force_login(user)
        assert found(client, "pelican") == 0


def test_unblames_own_timeline_entries_are_not_indexed(incident, editor, as_admin):
    incident.transition_to("identified", editor)
    assert incident.events.filter(source=TimelineEvent.SYSTEM_SOURCE).exists()
    assert not SearchEntry.objects.filter(kind="event").exists()
    assert found(as_admin, "identified") == 0
