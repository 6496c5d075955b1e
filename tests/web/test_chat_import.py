from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from integrations.samples import export_files, make_zip

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import TimelineEvent
from unblame.integrations import models as integration_models
from unblame.integrations.models import CHAT_SOURCE, ChatUpload

from .conftest import NOW, make_user

TRANSCRIPT = b"""[2026-03-04 13:05] dana: checkout 5xx climbing
[2026-03-04 13:07] sam: rolling back the 12:58 deploy
  kubectl rollout undo deploy/checkout
[2026-03-04 13:15] dana: error rate back to normal
"""


def import_url(incident):
    return reverse("integrations:chat_import", args=[incident.pk])


def upload(client, incident, data=TRANSCRIPT, name="chat.txt", **fields):
    fields.setdefault("time_zone", "UTC")
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(import_url(incident), {"file": file, **fields})


def chat_events(incident):
    return incident.events.filter(source=CHAT_SOURCE)


def preview_and_confirm(client, incident, data=TRANSCRIPT, **fields):
    response = upload(client, incident, data, **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.post(response["Location"])


# -- Access ---------------------------------------------------------------------------


def test_it_requires_sign_in(client, incident):
    response = client.get(import_url(incident))
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_it_forbids_viewers(as_viewer, incident):
    assert as_viewer.get(import_url(incident)).status_code == 403
    assert upload(as_viewer, incident).status_code == 403
    assert not ChatUpload.objects.exists()


def test_a_restricted_incident_does_not_exist_for_outsiders(as_outsider, restricted):
    assert as_outsider.get(import_url(restricted)).status_code == 404
    assert upload(as_outsider, restricted).status_code == 404


def test_a_responder_can_import_into_a_restricted_incident(as_editor, restricted):
    preview_and_confirm(as_editor, restricted)
    assert chat_events(restricted).count() == 3


def test_admins_can_import(as_admin, incident):
    preview_and_confirm(as_admin, incident)
    assert chat_events(incident).count() == 3


def test_only_the_uploader_can_see_the_preview(as_editor, incident, sev2):
    response = upload(as_editor, incident)
    other = make_user("olga", "editor")
    from django.test import Client

    client = Client()
    client.force_login(other)
    assert client.get(response["Location"]).status_code == 404
    assert client.post(response["Location"]).status_code == 404
    assert not chat_events(incident).exists()


# -- The form ----------------------------------------------------------------------------


def test_the_time_zone_defaults_to_the_users_own(as_editor, editor, incident):
    editor.timezone = "Europe/Berlin"
    editor.save()
    response = as_editor.get(import_url(incident))
    assert response.status_code == 200
    assert '<option value="Europe/Berlin" selected>' in response.content.decode()


def test_it_names_the_line_it_could_not_read(as_editor, incident):
    response = upload(as_editor, incident, b"hello\n14:03 dana: hi")
    assert response.status_code == 400
    assert "line 1: is not a chat message" in response.content.decode()
    assert not ChatUpload.objects.exists()


def test_it_asks_for_a_date_when_the_transcript_has_only_times(as_editor, incident):
    response = upload(as_editor, incident, b"14:03 dana: hi")
    assert response.status_code == 400
    assert "choose the date of the transcript" in response.content.decode()


def test_it_rejects_an_unknown_time_zone(as_editor, incident):
    response = upload(as_editor, incident, time_zone="Mars/Olympus")
    assert response.status_code == 400
    assert not ChatUpload.objects.exists()


def test_it_requires_a_file(as_editor, incident):
    response = as_editor.post(import_url(incident), {"time_zone": "UTC"})
    assert response.status_code == 400


def test_it_names_the_file_of_a_broken_slack_export(as_editor, incident):
    files = export_files()
    files["incident-42/2024-05-01.json"] = b"[{"
    response = upload(as_editor, incident, make_zip(files), name="export.zip")
    assert response.status_code == 400
    assert "incident-42/2024-05-01.json, line 1 column 3" in response.content.decode()


# -- Preview -----------------------------------------------------------------------------


def test_the_preview_shows_the_messages_and_writes_nothing(as_editor, incident):
    before = incident.events.count()
    response = upload(as_editor, incident)
    page = as_editor.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "checkout 5xx climbing" in text
    assert "kubectl rollout undo" in text
    assert "3 to add" in text
    assert incident.events.count() == before


def test_the_preview_marks_messages_already_on_the_timeline(as_editor, incident):
    preview_and_confirm(as_editor, incident)
    response = upload(as_editor, incident, TRANSCRIPT + b"[2026-03-04 13:20] dana: all clear\n")
    text = as_editor.get(response["Location"]).content.decode()
    assert "1 to add" in text
    assert "3 already on the timeline" in text
    assert text.count("already there") == 3


def test_the_preview_says_when_a_date_was_inferred_across_midnight(as_editor, incident):
    data = b"23:58 dana: still failing\n00:04 sam: recovered\n"
    response = upload(as_editor, incident, data, day="2026-03-04")
    text = as_editor.get(response["Location"]).content.decode()
    assert "read as the next day, 2026-03-05" in text


def test_the_preview_shows_a_slack_export(as_editor, incident):
    response = upload(as_editor, incident, make_zip(export_files()), name="export.zip")
    text = as_editor.get(response["Location"]).content.decode()
    assert "Slack export" in text
    assert "@Dana errors &gt; 5%" in text
    assert "#incident-42" in text


# -- Confirm -----------------------------------------------------------------------------


def test_confirm_adds_the_messages_as_chat_events(as_editor, incident):
    response = preview_and_confirm(as_editor, incident)
    assert response.status_code == 302
    events = list(chat_events(incident))
    assert [e.text for e in events] == [
        "checkout 5xx climbing",
        "rolling back the 12:58 deploy\n  kubectl rollout undo deploy/checkout",
        "error rate back to normal",
    ]
    assert {e.kind for e in events} == {TimelineEvent.Kind.CHAT_MESSAGE}
    assert events[0].occurred_at == datetime(2026, 3, 4, 13, 5, tzinfo=UTC)
    assert events[0].author_name == "dana"
    assert all(e.external_id for e in events)
    assert not ChatUpload.objects.exists()


def test_confirm_says_how_many_were_added(as_editor, incident):
    response = preview_and_confirm(as_editor, incident)
    page = as_editor.get(response["Location"])
    assert "Imported 3 messages." in page.content.decode()


def test_it_reads_transcript_times_in_the_chosen_zone(as_editor, incident):
    preview_and_confirm(as_editor, incident, time_zone="Europe/Berlin")
    first = chat_events(incident).first()
    assert first.occurred_at == datetime(2026, 3, 4, 12, 5, tzinfo=UTC)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(as_editor, incident):
    preview_and_confirm(as_editor, incident)
    response = preview_and_confirm(as_editor, incident)
    assert chat_events(incident).count() == 3
    page = as_editor.get(response["Location"]).content.decode()
    assert "Imported 0 messages; 3 already on the timeline were skipped." in page


def test_importing_the_same_slack_export_twice_adds_nothing_the_second_time(as_editor, incident):
    data = make_zip(export_files())
    preview_and_confirm(as_editor, incident, data, name="export.zip")
    preview_and_confirm(as_editor, incident, data, name="export.zip")
    assert chat_events(incident).count() == 2


def test_it_imports_only_the_chosen_slack_channel(as_editor, incident):
    files = export_files()
    files["general/2024-05-01.json"] = [{"user": "U1", "text": "lunch?", "ts": "1714572100.0"}]
    preview_and_confirm(
        as_editor, incident, make_zip(files), name="export.zip", channel="incident-42"
    )
    assert "lunch?" not in [e.text for e in chat_events(incident)]
    assert chat_events(incident).count() == 2


def test_an_author_confirmed_in_the_preview_becomes_the_events_author(as_editor, incident):
    make_user("dana", "editor", first_name="Dana", last_name="Smith")
    response = upload(as_editor, incident)
    preview = as_editor.get(response["Location"]).content.decode()
    assert "“dana” is Dana Smith (dana)" in preview
    as_editor.post(response["Location"], {"attribute": ["dana"]})
    first = chat_events(incident).first()
    assert first.author.username == "dana"


def test_an_author_not_confirmed_keeps_the_chat_name_alone(as_editor, incident):
    make_user("dana", "editor", first_name="Dana", last_name="Smith")
    preview_and_confirm(as_editor, incident)
    first = chat_events(incident).first()
    assert (first.author, first.author_name) == (None, "dana")


def test_confirming_one_author_attributes_no_other(as_editor, incident):
    make_user("dana", "editor")
    make_user("sam", "editor")
    response = upload(as_editor, incident)
    as_editor.post(response["Location"], {"attribute": ["dana", "nobody"]})
    authors = {
        (e.author_name, e.author.username if e.author else None) for e in chat_events(incident)
    }
    assert authors == {("dana", "dana"), ("sam", None)}


def test_the_import_is_in_the_audit_log(as_editor, incident, editor):
    preview_and_confirm(as_editor, incident)
    entry = AuditEntry.objects.filter(action="chat_import").get()
    assert entry.actor == editor
    assert entry.after["added"] == 3


def test_a_failing_import_writes_nothing(as_editor, incident, monkeypatch):
    response = upload(as_editor, incident)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(integration_models, "_analyze_events", broken)
    before = incident.events.count()
    with pytest.raises(RuntimeError):
        as_editor.post(response["Location"])
    assert incident.events.count() == before
    assert not AuditEntry.objects.filter(action="chat_import").exists()
    # The upload is still there to try again.
    assert ChatUpload.objects.count() == 1


def test_discard_forgets_the_upload(as_editor, incident):
    response = upload(as_editor, incident)
    upload_pk = ChatUpload.objects.get().pk
    url = reverse("integrations:chat_discard", args=[incident.pk, upload_pk])
    assert as_editor.post(url).status_code == 302
    assert not ChatUpload.objects.exists()
    assert as_editor.get(response["Location"]).status_code == 404


def test_abandoned_uploads_are_deleted_a_day_later(as_editor, incident):
    with time_machine.travel(NOW, tick=False):
        upload(as_editor, incident)
    with time_machine.travel(NOW + timedelta(hours=25), tick=False):
        upload(as_editor, incident)
    assert ChatUpload.objects.count() == 1


def test_the_incident_page_links_to_the_import_for_writers_only(as_editor, as_viewer, incident):
    url = import_url(incident)
    assert url in as_editor.get(incident.get_absolute_url()).content.decode()
    assert url not in as_viewer.get(incident.get_absolute_url()).content.decode()


def test_an_upload_that_no_longer_parses_sends_you_back_to_the_form(as_editor, incident):
    response = upload(as_editor, incident)
    ChatUpload.objects.update(content=b"not a transcript")
    page = as_editor.get(response["Location"])
    assert page.status_code == 302
    assert page["Location"] == import_url(incident)
    assert not ChatUpload.objects.exists()
    assert not chat_events(incident).exists()


def test_a_file_name_with_a_nul_character_is_stored_safely(as_editor, incident):
    response = upload(as_editor, incident, name="chat\x00.txt")
    assert response.status_code == 302
    assert "\x00" not in ChatUpload.objects.get().filename


def test_an_import_racing_another_adds_nothing_and_keeps_the_upload(
    as_editor, incident, monkeypatch
):
    from django.db import IntegrityError

    response = upload(as_editor, incident)
    preview = response["Location"]

    def raced(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(ChatUpload, "import_messages", raced)
    answer = as_editor.post(preview, follow=True)
    assert answer.redirect_chain[-1][0] == preview
    assert "The timeline changed while importing; nothing was added." in answer.content.decode()
    assert not chat_events(incident).exists()
    assert ChatUpload.objects.count() == 1
