"""Review imports share the server's import slots with chat uploads (server.import_slots).

When other imports hold every slot, a review preview or import reads nothing,
writes nothing, and answers 503 with Retry-After; the confirm step keeps the
file and the confirmed names on the page to be sent again.
"""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from unblame.integrations import upload as chat_upload
from unblame.integrations.chat import ChatParseError
from unblame.reviews.mdio import MarkdownFormatError
from unblame.reviews.mdio import importer as importer_module
from unblame.reviews.mdio.importer import import_review, preview_import
from unblame.server import import_slots
from unblame.server.import_slots import MAX_CONCURRENT_IMPORTS, ImportsBusy, import_slot

from ..conftest import make_user
from ..slots import all_slots_taken, slots_held_by_threads

IMPORT = reverse("review_markdown:import")
FOREIGN = b"# Disk full\n\n## Summary\n\nA node filled its disk.\n"
OWN = b"""---
unblame: 1
incident:
  title: Queue backlog
  responders:
  - username: dana
    role: scribe
---

<!-- unblame:section summary -->
## Summary

The queue backed up.
"""


@pytest.fixture
def quick(monkeypatch) -> None:
    """Busy is said after 50 ms instead of the server's few seconds."""
    monkeypatch.setattr(import_slots, "IMPORT_WAIT_SECONDS", 0.05)


@pytest.fixture
def parses(monkeypatch) -> list[object]:
    """Every file the review importer began to parse."""
    seen: list[object] = []
    real = importer_module.parse_markdown

    def counted(source):
        seen.append(source)
        return real(source)

    monkeypatch.setattr(importer_module, "parse_markdown", counted)
    return seen


def preview(client, content: bytes = FOREIGN):
    return client.post(IMPORT, {"file": SimpleUploadedFile("r.md", content, "text/markdown")})


# The importer ----------------------------------------------------------------------------


@pytest.mark.parametrize("run", [import_review, preview_import])
def test_an_import_past_the_slots_reads_nothing_and_says_busy(run, editor, quick, parses):
    with all_slots_taken(), pytest.raises(ImportsBusy, match="try again in a minute"):
        run(FOREIGN, editor)
    assert parses == []


def test_a_busy_import_writes_nothing(editor, quick) -> None:
    from unblame.incidents.models import Incident

    with slots_held_by_threads(), pytest.raises(ImportsBusy):
        import_review(FOREIGN, editor)
    assert not Incident.objects.exists()


def test_chat_uploads_holding_the_slots_make_a_review_import_wait(editor, quick) -> None:
    # The chat's own way in takes the very same slots.
    with contextlib.ExitStack() as held:
        for _ in range(MAX_CONCURRENT_IMPORTS):
            held.enter_context(chat_upload.parse_slot())
        with pytest.raises(ImportsBusy):
            import_review(FOREIGN, editor)
    import_review(FOREIGN, editor)


def test_review_imports_holding_the_slots_make_a_chat_upload_wait(quick) -> None:
    with slots_held_by_threads(), pytest.raises(chat_upload.ImportsBusy) as caught:
        chat_upload.parse_chat_upload("chat.txt", b"[10:00] dana: hi\n", tz="UTC")
    # One exception for both: the chat pages catch ChatParseError, others ImportsBusy.
    assert isinstance(caught.value, ChatParseError)
    assert isinstance(caught.value, ImportsBusy)


def test_a_slot_is_given_back_after_a_refused_file(editor) -> None:
    for _ in range(MAX_CONCURRENT_IMPORTS + 2):
        with pytest.raises(MarkdownFormatError):
            import_review(b"---\ntitle: [\n---\n", editor)
    with import_slot(wait=0):
        pass


def test_a_slot_is_given_back_after_an_import_and_a_preview(editor) -> None:
    for _ in range(MAX_CONCURRENT_IMPORTS + 1):
        preview_import(FOREIGN, editor)
        import_review(FOREIGN, editor)
    with import_slot(wait=0):
        pass


def test_no_more_than_the_cap_run_at_once() -> None:
    active, most = 0, 0
    lock = threading.Lock()

    def one_import() -> None:
        nonlocal active, most
        with import_slot(wait=10):
            with lock:
                active += 1
                most = max(most, active)
            time.sleep(0.02)
            with lock:
                active -= 1

    threads = [threading.Thread(target=one_import) for _ in range(MAX_CONCURRENT_IMPORTS * 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == MAX_CONCURRENT_IMPORTS


def test_an_import_waits_for_a_slot_that_frees_in_time() -> None:
    taken = threading.Event()

    def hold_briefly() -> None:
        with all_slots_taken():
            taken.set()
            time.sleep(0.1)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    taken.wait(5)
    with pytest.raises(ImportsBusy), import_slot(wait=0):
        pass
    with import_slot(wait=5):
        pass
    holder.join()


# The pages -------------------------------------------------------------------------------


def test_the_preview_answers_503_with_retry_after_when_busy(as_editor, quick, parses) -> None:
    with all_slots_taken():
        response = preview(as_editor)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Nothing was imported: the server is reading other imports right now" in page
    assert parses == []


def test_the_confirm_step_keeps_the_file_and_choices_when_busy(as_editor, quick) -> None:
    from unblame.incidents.models import Incident

    dana = make_user("dana", "editor")
    shown = preview(as_editor, OWN)
    assert shown.status_code == 200
    form = {**shown.context["confirm"].initial, "attribute": ["dana"]}
    with all_slots_taken():
        busy = as_editor.post(IMPORT, form)
    assert busy.status_code == 503
    assert busy["Retry-After"] == "60"
    page = busy.content.decode()
    assert "Import again" in page
    assert '<input type="hidden" name="attribute" value="dana">' in page
    assert form["content"] in page
    assert not Incident.objects.exists()
    # Sent again from that page once the slots free, it imports with the same choices.
    again = as_editor.post(IMPORT, form)
    assert again.status_code == 200
    assert Incident.objects.get().responders.get().user == dana


def test_the_chat_page_still_answers_503_through_the_shared_slots(as_editor, incident, quick):
    from ..test_chat_import import upload as post_upload

    with all_slots_taken():
        response = post_upload(as_editor, incident)
    assert response.status_code == 503
    assert "try again in a minute" in response.content.decode()
