"""Destructive buttons ask first, and the trash gives back what was deleted, in a browser."""

from __future__ import annotations

from playwright.sync_api import expect

from unblame.incidents.models import Incident, Responder, TimelineEvent

from .conftest import BROWSER

pytestmark = BROWSER


def test_removing_a_responder_takes_a_second_click(page, sign_in, editor, incident):
    sign_in(editor)
    page.goto(incident.get_absolute_url())
    page.get_by_label("Remove ed as incident commander").click()
    confirm = page.get_by_role("button", name="Yes, remove ed")
    expect(confirm).to_be_visible()
    assert Responder.objects.filter(incident=incident, user=editor).exists()
    confirm.click()
    expect(page.get_by_text("ed removed.")).to_be_visible()
    assert not Responder.objects.filter(incident=incident, user=editor).exists()


def test_a_deleted_event_comes_back_from_the_trash(page, sign_in, admin, incident):
    event = TimelineEvent.objects.create(incident=incident, text="Paged the database team.")
    sign_in(admin)
    page.goto(incident.get_absolute_url())
    page.get_by_role("link", name="Delete this event").click()
    page.get_by_role("button", name="Move to the trash").click()
    expect(page.get_by_text("Timeline event moved to the trash")).to_be_visible()
    expect(page.get_by_text("Paged the database team.")).to_have_count(0)
    page.goto("/settings/trash/")
    page.get_by_role("button", name="Restore").click()
    page.goto(incident.get_absolute_url())
    expect(page.get_by_text("Paged the database team.")).to_be_visible()
    assert TimelineEvent.objects.filter(pk=event.pk).exists()
    assert Incident.objects.filter(pk=incident.pk).exists()
