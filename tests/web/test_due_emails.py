"""Issue 9: an email to the owner when an open action item falls due, once per due date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from unblame.actions.due_emails import email_fallen_due
from unblame.actions.models import ActionItem, DueEmail
from unblame.actions.tasks import email_items_falling_due

from .actions_cast import *  # noqa: F403

TODAY = date(2026, 3, 4)  # NOW's date in UTC


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the check at `now` (NOW by default), sending what it queued for after the commit."""

    def go(now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return email_fallen_due(now or NOW)  # noqa: F405

    return go


@pytest.fixture
def owner(editor):
    editor.email = "ed@example.com"
    editor.save()
    return editor


def due(incident, owner, day=TODAY, **fields):
    fields.setdefault("title", "Alert on queue depth")
    return ActionItem.objects.create(incident=incident, owner=owner, due_date=day, **fields)


def test_the_periodic_task_emails_the_owner_once_when_an_item_falls_due(
    incident, owner, frozen, mailoutbox, django_capture_on_commit_callbacks
):
    item = due(incident, owner)
    with django_capture_on_commit_callbacks(execute=True):
        email_items_falling_due()
    [message] = mailoutbox
    assert message.to == ["ed@example.com"]
    assert message.subject == "Action item due: Alert on queue depth"
    assert f"incident #{incident.pk} fell due on 04 Mar 2026" in message.body
    assert item.get_absolute_url() in message.body
    assert "/account/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        email_items_falling_due()
    assert len(mailoutbox) == 1
    assert DueEmail.objects.filter(item=item, due_date=TODAY).count() == 1


def test_the_next_run_sends_nothing_more(incident, owner, run, mailoutbox):
    due(incident, owner)
    assert run() == 1
    assert run(NOW + timedelta(hours=1)) == 0  # noqa: F405
    assert len(mailoutbox) == 1


def test_no_email_before_the_due_date(incident, owner, run, mailoutbox):
    due(incident, owner, TODAY + timedelta(days=1))
    assert run() == 0
    assert mailoutbox == []
    assert run(NOW + timedelta(days=1)) == 1  # noqa: F405


def test_done_and_dropped_items_send_nothing(incident, owner, run, mailoutbox):
    due(incident, owner, status=ActionItem.Status.DONE)
    due(incident, owner, status=ActionItem.Status.WONT_DO)
    in_progress = due(incident, owner, status=ActionItem.Status.IN_PROGRESS)
    assert run() == 1
    assert [m.subject for m in mailoutbox] == [f"Action item due: {in_progress.title}"]


def test_an_owner_who_turned_it_off_gets_nothing(incident, owner, run, mailoutbox):
    owner.email_on_fell_due = False
    owner.save()
    due(incident, owner)
    assert run() == 0
    assert mailoutbox == []
    # Nothing recorded either: turning it back on the same day still sends.
    assert not DueEmail.objects.exists()


def test_the_digest_opt_out_does_not_turn_off_this_email(incident, owner, run, mailoutbox):
    owner.email_on_due = False
    owner.save()
    due(incident, owner)
    assert run() == 1


def test_a_changed_due_date_emails_again(incident, owner, run, mailoutbox):
    item = due(incident, owner)
    assert run() == 1
    item.due_date = TODAY + timedelta(days=2)
    item.save()
    assert run() == 0
    later = NOW + timedelta(days=2)  # noqa: F405
    assert run(later) == 1
    assert run(later) == 0
    assert len(mailoutbox) == 2
    assert "fell due on 06 Mar 2026" in mailoutbox[1].body


def test_unowned_items_and_owners_without_an_address_get_nothing(
    incident, editor, viewer, run, mailoutbox
):
    due(incident, None)
    due(incident, viewer)  # viewer has no email address
    assert run() == 0
    assert mailoutbox == []


def test_long_overdue_items_are_left_to_the_digest(incident, owner, item, run, mailoutbox):
    # `item` fell due on 1 March, three days before NOW: past the grace period.
    assert run() == 0
    assert mailoutbox == []


def test_a_worker_that_was_down_a_day_still_sends(incident, owner, run, mailoutbox):
    due(incident, owner, TODAY - timedelta(days=1))
    assert run() == 1
    assert "fell due on 03 Mar 2026" in mailoutbox[0].body


def test_the_owners_own_date_decides(incident, owner, viewer, run, mailoutbox):
    viewer.email = "vic@example.com"
    viewer.timezone = "Pacific/Auckland"  # 01:00 on 5 March at NOW
    viewer.save()
    due(incident, owner, TODAY + timedelta(days=1))
    due(incident, viewer, TODAY + timedelta(days=1))
    assert run() == 1
    assert [m.to for m in mailoutbox] == [["vic@example.com"]]


def test_a_restricted_incident_is_never_mailed_to_an_owner_who_cannot_see_it(
    restricted, outsider, run, mailoutbox
):
    outsider.email = "otto@example.com"
    outsider.save()
    due(restricted, outsider)
    assert run() == 0
    assert mailoutbox == []


def test_a_restricted_incidents_owner_who_can_see_it_is_mailed(restricted, owner, run, mailoutbox):
    due(restricted, owner, title="Rate-limit sign-in per account")
    assert run() == 1
    assert mailoutbox[0].subject == "Action item due: Rate-limit sign-in per account"


def test_the_opt_out_is_in_your_settings_and_saves(as_viewer, viewer):
    page = as_viewer.get("/account/").content.decode()
    assert "Email me on the day one of my action items falls due" in page
    as_viewer.post("/account/", {"timezone": "UTC", "email": "vic@example.com"})
    viewer.refresh_from_db()
    assert viewer.email_on_fell_due is False
    as_viewer.post(
        "/account/",
        {"timezone": "UTC", "email": "vic@example.com", "email_on_fell_due": "on"},
    )
    viewer.refresh_from_db()
    assert viewer.email_on_fell_due is True


def test_the_task_is_registered_for_workers(db):
    from huey.contrib.djhuey import HUEY

    from unblame.server import queue

    queue.load_tasks()
    names = {name.rsplit(".", 1)[-1] for name in HUEY._registry._registry}
    assert "email_items_falling_due" in names


def test_now_defaults_to_the_clock(incident, owner, frozen, django_capture_on_commit_callbacks):
    due(incident, owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert email_fallen_due() == 1
