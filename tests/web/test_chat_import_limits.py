"""Chat uploads are read within a fixed memory budget, a few at a time.

An 18.5 KB zip holding 19 MB of JSON used to cost 250-500 MB to read; sizes
are now checked from the zip headers and again while reading, and the number
of JSON values is bounded before anything is parsed.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from integrations.samples import export_files, make_zip

from unblame.integrations import slack
from unblame.integrations.chat import ChatParseError
from unblame.integrations.models import ChatUpload
from unblame.integrations.upload import ImportsBusy, parse_chat_upload, parse_slot
from unblame.server import import_slots

from .slots import all_slots_taken, slots_held_by_threads
from .test_chat_import import TRANSCRIPT, chat_events
from .test_chat_import import upload as post_upload


def zipped(name: str, payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, payload)
    return buffer.getvalue()


def empty_objects(size: int) -> bytes:
    return b"[" + b"{}," * (size // 3) + b"{}]"


# Memory ------------------------------------------------------------------------------------


def test_a_small_zip_of_a_huge_json_file_is_refused_from_its_header():
    data = zipped("incident/2024-05-01.json", empty_objects(19 * 1024 * 1024))
    assert len(data) < 25_000
    with pytest.raises(ChatParseError, match="is larger than 5 MB"):
        parse_chat_upload("export.zip", data, tz="UTC")


def test_a_file_within_the_size_limit_but_full_of_values_is_refused_before_parsing(monkeypatch):
    parsed = []
    monkeypatch.setattr(slack.json, "loads", lambda text: parsed.append(text))
    data = zipped("incident/2024-05-01.json", empty_objects(4 * 1024 * 1024))
    with pytest.raises(ChatParseError, match="more than 300,000 JSON values"):
        parse_chat_upload("export.zip", data, tz="UTC")
    assert parsed == []


def test_users_json_is_held_to_the_same_limits():
    files = {**export_files(), "users.json": empty_objects(2 * 1024 * 1024)}
    with pytest.raises(ChatParseError, match=r"users\.json: holds more than"):
        parse_chat_upload("export.zip", make_zip(files), tz="UTC")


def test_the_files_of_one_upload_share_one_unpacked_budget(monkeypatch):
    monkeypatch.setattr(slack, "MAX_TOTAL_BYTES", 600)
    messages = [{"type": "message", "user": "U1", "text": "x" * 100, "ts": "1714572180.0"}]
    files = {f"incident/2024-05-0{day}.json": messages for day in range(1, 9)}
    with pytest.raises(ChatParseError, match="takes the export past"):
        parse_chat_upload("export.zip", make_zip(files), tz="UTC")


def test_a_real_sized_export_still_reads():
    messages = [
        {"type": "message", "user": "U1", "text": f"step {n}", "ts": f"{1714572180 + n}.000100"}
        for n in range(5_000)
    ]
    data = zipped("incident/2024-05-01.json", json.dumps(messages).encode())
    assert len(parse_chat_upload("export.zip", data, tz="UTC")) == 5_000


# Concurrency -------------------------------------------------------------------------------


@pytest.fixture
def slots_taken():
    """Every import slot held by other 'uploads' until the test ends."""
    with slots_held_by_threads():
        yield


def test_a_parse_beyond_the_slots_is_told_to_try_again(slots_taken, monkeypatch):
    monkeypatch.setattr(import_slots, "IMPORT_WAIT_SECONDS", 0.05)
    with pytest.raises(ImportsBusy, match="try again in a minute"):
        parse_chat_upload("chat.txt", TRANSCRIPT, tz="UTC", date=None)
    with pytest.raises(ImportsBusy), parse_slot(wait=0):
        pass


def test_a_slot_is_given_back_after_an_error():
    for _ in range(import_slots.MAX_CONCURRENT_IMPORTS + 2):
        with pytest.raises(ChatParseError):
            parse_chat_upload("chat.txt", b"\x00binary", tz="UTC")
    with parse_slot(wait=0):
        pass


def test_the_upload_page_answers_503_and_keeps_nothing_when_busy(
    as_editor, incident, monkeypatch, slots_taken
):
    monkeypatch.setattr(import_slots, "IMPORT_WAIT_SECONDS", 0.05)
    response = post_upload(as_editor, incident)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "try again in a minute" in response.content.decode()
    assert not ChatUpload.objects.exists()


def test_the_preview_answers_503_and_keeps_the_upload_when_busy(as_editor, incident, monkeypatch):
    response = post_upload(as_editor, incident)
    preview = response["Location"]
    monkeypatch.setattr(import_slots, "IMPORT_WAIT_SECONDS", 0.05)
    with all_slots_taken():
        busy = as_editor.get(preview)
    assert busy.status_code == 503
    assert "Show the preview again" in busy.content.decode()
    assert ChatUpload.objects.count() == 1
    assert as_editor.get(preview).status_code == 200
    as_editor.post(preview)
    assert chat_events(incident).count() == 3
