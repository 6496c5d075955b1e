"""Importing a chat transcript: upload, preview, confirm, and nothing twice."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import BROWSER

pytestmark = BROWSER

TRANSCRIPT = b"""[2026-03-04 13:05] dana: checkout 5xx climbing
[2026-03-04 13:07] sam: rolling back the 12:58 deploy
  kubectl rollout undo deploy/checkout
[2026-03-04 13:15] dana: error rate back to normal
"""


def upload(page: Page, incident, data: bytes = TRANSCRIPT) -> None:
    page.goto(incident.get_absolute_url())
    page.get_by_role("link", name="Import chat").click()
    page.get_by_label("Chat file").set_input_files(
        {"name": "war-room.txt", "mimeType": "text/plain", "buffer": data}
    )
    page.get_by_label("Time zone of the transcript").select_option("UTC")
    page.get_by_role("button", name="Preview").click()


def test_an_editor_previews_a_transcript_and_imports_it_into_the_timeline(
    page, sign_in, editor, incident, screenshot
):
    sign_in(editor)
    upload(page, incident)

    expect(page.get_by_role("heading", name="Preview: war-room.txt")).to_be_visible()
    rows = page.locator("table.chat-preview tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("kubectl rollout undo deploy/checkout")
    expect(page.locator(".lede")).to_contain_text("3 to add")
    screenshot("preview")
    page.get_by_role("button", name="Import 3 messages").click()

    expect(page.get_by_text("Imported 3 messages.")).to_be_visible()
    timeline = page.locator("#timeline .event.kind-chat_message")
    expect(timeline).to_have_count(3)
    expect(timeline.first).to_contain_text("dana")
    expect(timeline.first).to_contain_text("checkout 5xx climbing")
    screenshot("imported")


def test_importing_the_same_transcript_again_adds_nothing(page, sign_in, editor, incident):
    sign_in(editor)
    upload(page, incident)
    page.get_by_role("button", name="Import 3 messages").click()
    expect(page.get_by_text("Imported 3 messages.")).to_be_visible()

    upload(page, incident)
    expect(page.locator(".lede")).to_contain_text("0 to add, 3 already on the timeline")
    expect(page.get_by_role("button", name="Import", exact=False)).to_have_count(0)
    page.get_by_role("button", name="Discard").click()

    expect(page.get_by_text("Nothing was imported.")).to_be_visible()
    expect(page.locator("#timeline .event.kind-chat_message")).to_have_count(3)


def test_a_file_that_is_not_a_transcript_is_refused_on_the_form(page, sign_in, editor, incident):
    sign_in(editor)
    upload(page, incident, data=b"no timestamps in here at all\n")

    expect(page.locator(".field.has-error .error")).to_be_visible()
    expect(page.get_by_role("heading", name="Import chat into the timeline")).to_be_visible()
