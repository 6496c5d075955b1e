"""A review leaves as Markdown and comes back: export from the review page,
edit the file as one would in a repository, import it, read the change."""

from __future__ import annotations

from pathlib import Path

from cast import make_user
from playwright.sync_api import Page, expect

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident
from unblame.reviews.services import draft_review

from .conftest import BROWSER, arrive

pytestmark = BROWSER

BEFORE = "The rollback script worked first time."
AFTER = "The rollback script worked first time, and the canary caught the retry."


def export_from_the_review_page(page: Page, incident) -> str:
    page.goto(f"/incidents/{incident.pk}/review/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export Markdown").click()
    download = download_info.value
    assert download.suggested_filename == f"incident-{incident.pk}-review.md"
    return Path(download.path()).read_text(encoding="utf-8")


def upload(page: Page, name: str, text: str) -> None:
    page.goto("/incidents/")
    page.get_by_role("link", name="Import review").click()
    arrive(page, "Import a review from Markdown")
    page.get_by_label("Review file").set_input_files(
        {"name": name, "mimeType": "text/markdown", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name=f"Preview: {name}")).to_be_visible()
    expect(page.get_by_text("Nothing is written until you import")).to_be_visible()
    page.locator("main form button.primary").click()


def review_with_a_section(incident, editor) -> None:
    review = draft_review(incident, editor)
    section = review.sections.get(key="what_went_well")
    section.save_body(editor, BEFORE, section.version, "")


def edit_and_import_again(page: Page, incident, text: str) -> None:
    assert text.startswith("---\n")
    assert "## What went well" in text
    assert BEFORE in text
    upload(page, f"incident-{incident.pk}-review.md", text.replace(BEFORE, AFTER))
    expect(page.get_by_role("heading", name=f"Updated incident #{incident.pk}")).to_be_visible()
    page.get_by_role("link", name="Open the review").click()
    expect(page.locator("#section-what_went_well")).to_contain_text(AFTER)
    assert Incident.objects.count() == 1


def test_a_review_exported_from_its_page_edited_and_imported_again_updates_its_incident(
    page, sign_in, editor, incident
):
    review_with_a_section(incident, editor)
    sign_in(editor)
    edit_and_import_again(page, incident, export_from_the_review_page(page, incident))


def test_a_review_written_elsewhere_becomes_a_new_incident(page, sign_in, editor, incident):
    sign_in(editor)
    upload(
        page,
        "queue-backlog.md",
        "# Queue backlog on Monday\n\n## Summary\n\nThe email queue backed up for an hour.\n\n"
        "## What went well\n\nThe backlog alert fired within five minutes.\n",
    )

    expect(page.get_by_role("heading", name="Created incident")).to_contain_text(
        "Queue backlog on Monday"
    )
    page.get_by_role("link", name="Open the review").click()
    expect(page.locator("#section-summary")).to_contain_text("email queue backed up")
    expect(page.locator("#section-what_went_well")).to_contain_text("backlog alert fired")


def test_the_preview_of_an_edited_export_says_what_will_change_and_cancel_keeps_it(
    page, sign_in, editor, incident
):
    review_with_a_section(incident, editor)
    sign_in(editor)
    text = export_from_the_review_page(page, incident).replace(BEFORE, AFTER)
    page.goto("/incidents/import/")
    page.get_by_label("Review file").set_input_files(
        {"name": "edited.md", "mimeType": "text/markdown", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text(f"This file will update incident #{incident.pk}")).to_be_visible()
    expect(page.locator(".import-summary")).to_contain_text("1 section(s) of the review changed")
    page.get_by_role("link", name="Cancel").click()
    section = incident.review.sections.get(key="what_went_well")
    assert section.body == BEFORE


def test_a_slack_export_is_turned_away_towards_chat_import(page, sign_in, editor):
    sign_in(editor)
    page.goto("/incidents/import/")
    page.get_by_label("Review file").set_input_files(
        {"name": "general.json", "mimeType": "application/json", "buffer": b'[{"ts": "1.0"}]'}
    )
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("this is JSON, not a review in Markdown")).to_be_visible()
    assert not Incident.objects.exists()


PEOPLE_FILE = """---
unblame: 1
incident:
  title: Queue backlog
  responders:
  - username: dana
    role: scribe
action_items:
- title: Alert on queue age
  owner: sam
---

<!-- unblame:section summary -->
## Summary

The queue backed up.
"""


def test_the_people_a_file_names_are_confirmed_in_the_preview(page, sign_in, editor):
    dana = make_user("dana", "editor", first_name="Dana", last_name="Smith")
    make_user("sam", "editor")
    sign_in(editor)
    page.goto("/incidents/import/")
    page.get_by_label("Review file").set_input_files(
        {"name": "people.md", "mimeType": "text/markdown", "buffer": PEOPLE_FILE.encode()}
    )
    page.get_by_role("button", name="Preview the import").click()
    group = page.get_by_role("group", name="Who are the people the file names?")
    expect(group).to_contain_text("“dana” is Dana Smith (dana): responder (scribe)")
    expect(group).to_contain_text("owner of action item 'Alert on queue age'")
    # Sam is not the sam who owns the item here: untick, then import.
    group.get_by_role("checkbox", name="“sam” is sam (sam)").uncheck()
    page.locator("main form button.primary").click()
    expect(page.get_by_role("heading", name="Created incident")).to_be_visible()
    incident = Incident.objects.get(title="Queue backlog")
    assert incident.responders.get().user == dana
    item = ActionItem.objects.get(incident=incident)
    assert item.owner is None
    assert "Owner in the imported file: sam" in item.description
