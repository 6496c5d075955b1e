"""Self-blame in an imported chat is shown to its author alone; blame of others is flagged."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from unblame.integrations.models import LanguageFlag, PrivateNote

from .conftest import make_user

SELF_BLAME = "sorry all, this was all on me, I should have checked the config"
CHAT = f"""[2026-03-04 13:05] dana: {SELF_BLAME}
[2026-03-04 13:07] ed: Sam broke prod by pushing without review
[2026-03-04 13:09] ed: restarted the pods
""".encode()
KIND_NOTE = "Only you can see this note."


@pytest.fixture
def dana(db):
    return make_user("dana", "editor", first_name="Dana", last_name="Smith")


@pytest.fixture
def as_dana(dana):
    client = Client()
    client.force_login(dana)
    return client


@pytest.fixture
def imported(as_editor, incident, dana):
    url = reverse("integrations:chat_import", args=[incident.pk])
    file = SimpleUploadedFile("chat.txt", CHAT)
    response = as_editor.post(url, {"file": file, "time_zone": "UTC"})
    # The uploader confirms, in the preview, that "dana" and "ed" are the people here.
    as_editor.post(response["Location"], {"attribute": ["dana", "ed"]})
    return incident


def page(client, incident):
    response = client.get(incident.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_no_private_note_goes_to_an_account_the_uploader_did_not_confirm(as_editor, incident, dana):
    url = reverse("integrations:chat_import", args=[incident.pk])
    response = as_editor.post(
        url, {"file": SimpleUploadedFile("chat.txt", CHAT), "time_zone": "UTC"}
    )
    as_editor.post(response["Location"])
    assert not PrivateNote.objects.exists()
    assert not incident.events.filter(author=dana).exists()


def test_self_blame_is_kept_as_a_private_note_for_its_author(imported, dana):
    notes = list(PrivateNote.objects.all())
    assert notes
    for note in notes:
        assert note.recipient == dana
        assert note.event.text == SELF_BLAME
        assert note.excerpt


def test_the_author_sees_the_kind_note_on_the_incident_page(imported, as_dana):
    text = page(as_dana, imported)
    assert KIND_NOTE in text
    assert "This is written about yourself" in text
    assert "Reviews look for gaps in the system" in text


def test_an_admin_never_sees_someone_elses_private_note(imported, as_admin):
    text = page(as_admin, imported)
    assert SELF_BLAME in text  # the message itself is part of the timeline
    assert KIND_NOTE not in text
    assert "written about yourself" not in text


def test_the_importer_never_sees_the_authors_private_note(imported, as_editor):
    assert KIND_NOTE not in page(as_editor, imported)


def test_a_viewer_never_sees_someone_elses_private_note(imported, as_viewer):
    assert KIND_NOTE not in page(as_viewer, imported)


def test_the_api_never_shows_a_private_note(imported, as_admin, as_dana):
    note = PrivateNote.objects.first()
    for client in (as_admin, as_dana):
        response = client.get(f"/api/incidents/{imported.pk}")
        assert response.status_code == 200
        body = response.content.decode()
        assert note.message not in body
        assert note.suggestion not in body
        assert "private" not in json.dumps(response.json()).lower()


def test_the_private_note_is_not_a_public_flag(imported):
    event = PrivateNote.objects.first().event
    assert not LanguageFlag.objects.filter(event=event).exists()


def test_blaming_someone_else_gets_a_quiet_public_flag(imported, as_viewer, as_admin):
    # One message, two findings about Sam: the blame, and the review he went without
    # (a counterfactual about another person is flagged in public too).
    flags = LanguageFlag.objects.all()
    assert {f.event.text[:14] for f in flags} == {"Sam broke prod"}
    assert sorted(f.category for f in flags) == ["blame_other", "counterfactual"]
    flag = flags.get(category="blame_other")
    for client in (as_viewer, as_admin):
        assert flag.message in page(client, imported)


def test_a_neutral_message_gets_neither(imported):
    event = imported.events.get(text="restarted the pods")
    assert not LanguageFlag.objects.filter(event=event).exists()
    assert not PrivateNote.objects.filter(event=event).exists()


def test_self_blame_by_someone_without_an_account_is_not_stored_at_all(as_editor, incident):
    url = reverse("integrations:chat_import", args=[incident.pk])
    file = SimpleUploadedFile("chat.txt", f"[2026-03-04 13:05] zed: {SELF_BLAME}".encode())
    response = as_editor.post(url, {"file": file, "time_zone": "UTC"})
    as_editor.post(response["Location"])
    assert incident.events.filter(text=SELF_BLAME).exists()
    assert not PrivateNote.objects.exists()
    assert not LanguageFlag.objects.exists()


def test_a_name_two_people_share_finds_nobody(as_editor, incident):
    make_user("dsmith1", "editor", first_name="Dana", last_name="Smith")
    make_user("dsmith2", "editor", first_name="Dana", last_name="Smith")
    url = reverse("integrations:chat_import", args=[incident.pk])
    file = SimpleUploadedFile("chat.txt", f"[2026-03-04 13:05] Dana Smith: {SELF_BLAME}".encode())
    response = as_editor.post(url, {"file": file, "time_zone": "UTC"})
    as_editor.post(response["Location"])
    assert not PrivateNote.objects.exists()


def test_the_note_follows_the_author_by_full_name(as_editor, incident, dana):
    url = reverse("integrations:chat_import", args=[incident.pk])
    file = SimpleUploadedFile("chat.txt", f"[2026-03-04 13:05] Dana Smith: {SELF_BLAME}".encode())
    response = as_editor.post(url, {"file": file, "time_zone": "UTC"})
    as_editor.post(response["Location"], {"attribute": ["Dana Smith"]})
    assert {n.recipient for n in PrivateNote.objects.all()} == {dana}


def test_the_highlight_fragment_keeps_the_note_private(imported, as_admin, as_dana):
    event = PrivateNote.objects.first().event
    url = reverse("incidents:event_highlight", args=[imported.pk, event.pk])
    data = {"version": event.version, "highlighted": "1"}
    admin_fragment = as_admin.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert KIND_NOTE not in admin_fragment
    event.refresh_from_db()
    data = {"version": event.version, "highlighted": "0"}
    dana_fragment = as_dana.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert KIND_NOTE in dana_fragment


def test_own_hindsight_alone_is_a_private_note_and_never_a_public_flag(as_editor, incident, dana):
    # "I should have…" is a counterfactual about the writer: it gets the same
    # private, kind note as self-blame, not a flag on the shared timeline.
    chat = b"[2026-03-04 13:05] dana: i should have waited for the canary before the rollout\n"
    url = reverse("integrations:chat_import", args=[incident.pk])
    response = as_editor.post(url, {"file": SimpleUploadedFile("c.txt", chat), "time_zone": "UTC"})
    as_editor.post(response["Location"], {"attribute": ["dana"]})
    (note,) = PrivateNote.objects.all()
    assert note.recipient == dana
    assert not LanguageFlag.objects.exists()
