"""A long imported chat: the timeline pages, filters by kind and folds chat runs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from unblame.incidents.models import TimelineEvent
from unblame.incidents.timeline import CHAT_RUN_FOLD, PAGE_SIZE, ChatRun, fold_chat

from .conftest import NOW

CHAT = TimelineEvent.Kind.CHAT_MESSAGE
NOTE = TimelineEvent.Kind.NOTE
HALF = PAGE_SIZE // 2


def chat(incident, count, start=0, **extra):
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            incident=incident,
            occurred_at=NOW + timedelta(seconds=start + n),
            kind=CHAT,
            author_name=f"person{n % 3}",
            text=f"message number {start + n}",
            source="chat-import",
            external_id=f"m{start + n}",
            **extra,
        )
        for n in range(count)
    )


def shown(page: str) -> list[str]:
    return re.findall(r"message number (\d+)", page)


@pytest.fixture
def long_chat(incident):
    chat(incident, PAGE_SIZE * 2 + HALF)
    TimelineEvent.objects.create(
        incident=incident,
        occurred_at=NOW + timedelta(seconds=5, milliseconds=500),
        kind=NOTE,
        text="Rolled back the deploy.",
    )
    return incident


def test_the_first_page_shows_one_page_of_events(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url()).content.decode()
    assert len(shown(page)) == PAGE_SIZE - 1  # the note takes one place
    assert f"Events 1–{PAGE_SIZE} of {PAGE_SIZE * 2 + HALF + 1}" in page
    assert "?page=2#timeline" in page
    assert "Earlier" not in page


def test_later_pages_follow_on(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url(), {"page": 3}).content.decode()
    assert shown(page)[0] == str(PAGE_SIZE * 2 - 1)
    assert shown(page)[-1] == str(PAGE_SIZE * 2 + HALF - 1)
    assert "Later" not in page
    assert "?page=2#timeline" in page


def test_a_page_past_the_end_shows_the_last(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url(), {"page": 99}).content.decode()
    assert shown(page)[-1] == str(PAGE_SIZE * 2 + HALF - 1)


def test_chat_runs_are_folded_with_their_size_and_authors(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url()).content.decode()
    # Six messages before the note, then the rest of the page after it.
    assert "<summary>6 chat messages" in page
    assert f"<summary>{PAGE_SIZE - 7} chat messages" in page
    assert "from person0, person1, person2" in page
    assert page.index("<summary>6 chat messages") < page.index("Rolled back the deploy.")


def test_filtering_by_kind_keeps_only_that_kind(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url(), {"kind": NOTE}).content.decode()
    assert "Rolled back the deploy." in page
    assert shown(page) == []
    assert 'aria-current="true">Note (1)' in page


def test_the_chat_filter_shows_messages_unfolded_and_pages_keep_it(as_viewer, long_chat):
    page = as_viewer.get(long_chat.get_absolute_url(), {"kind": CHAT}).content.decode()
    assert "chat-run" not in page
    assert len(shown(page)) == PAGE_SIZE
    assert "?kind=chat_message&amp;page=2#timeline" in page


def test_an_unknown_kind_says_so_and_shows_everything(as_viewer, long_chat):
    response = as_viewer.get(long_chat.get_absolute_url(), {"kind": "gossip"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is no kind of event called &#x27;gossip&#x27;" in page
    assert "Rolled back the deploy." in page


def test_a_restricted_incident_stays_hidden_whatever_the_filter(as_outsider, restricted):
    chat(restricted, 3)
    url = restricted.get_absolute_url()
    assert as_outsider.get(url, {"kind": CHAT, "page": 2}).status_code == 404


def test_short_runs_and_highlighted_messages_are_not_folded(incident):
    chat(incident, CHAT_RUN_FOLD)
    chat(incident, CHAT_RUN_FOLD + 1, start=100, highlighted=True)
    rows = fold_chat(list(incident.events.order_by("occurred_at")))
    assert not any(isinstance(row, ChatRun) for row in rows)


def test_a_long_run_is_one_row(incident):
    chat(incident, CHAT_RUN_FOLD + 1)
    [run] = fold_chat(list(incident.events.order_by("occurred_at")))
    assert isinstance(run, ChatRun)
    assert len(run.events) == CHAT_RUN_FOLD + 1
    assert run.first.text == "message number 0"


def test_an_event_added_over_htmx_is_shown_on_the_last_page(as_editor, long_chat):
    response = as_editor.post(
        f"/incidents/{long_chat.pk}/events/",
        {"occurred_at": "2026-03-05T09:00", "kind": NOTE, "text": "Postmortem booked."},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "Postmortem booked." in page
    assert f"of {PAGE_SIZE * 2 + HALF + 2}" in page
