"""`unblame remind`: one digest per owner of overdue and due-soon items, at most daily per item.

Time is frozen at NOW (Wednesday 4 March 2026, noon UTC); `item` (owned by
ed) was due on 1 March.
"""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail

from unblame.actions.models import ActionItem
from unblame.actions.reminders import deliver, remind
from unblame.cli import main
from unblame.incidents.models import Incident

from .actions_cast import *  # noqa: F403
from .conftest import NOW, make_user


@pytest.fixture
def owner(editor):
    editor.email = "ed@example.com"
    editor.first_name = "Ed"
    editor.save()
    return editor


def _run(*args):
    return main(["remind", *args])


def test_it_sends_one_digest_per_owner(owner, incident, item, frozen, capsys):
    ActionItem.objects.create(
        incident=incident, title="Due Friday", owner=owner, due_date=date(2026, 3, 6)
    )
    assert _run() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ed@example.com"]
    assert message.subject == "[unblame] 1 overdue and 1 due soon action items"
    assert "Hello Ed," in message.body
    assert "Add a canary stage to the deploy pipeline" in message.body
    assert "(3 days ago)" in message.body and "(in 2 days)" in message.body
    assert f"http://127.0.0.1:8000/incidents/{incident.pk}/actions/#item-{item.pk}" in message.body
    out = capsys.readouterr().out
    assert "ed <ed@example.com>: 1 overdue, 1 due soon — sent" in out
    assert "Sent 1 digest covering 2 items." in out


def test_items_of_closed_incidents_are_still_reminded(owner, item, frozen):
    Incident.objects.filter(pk=item.incident_id).update(status="closed")
    remind(NOW)
    assert len(mail.outbox) == 1
    assert "(closed)" in mail.outbox[0].body


def test_done_and_wont_do_items_are_not_reminded(owner, item, frozen, capsys):
    ActionItem.objects.filter(pk=item.pk).update(status="done")
    assert _run() == 0
    assert mail.outbox == []
    assert "Nothing to remind." in capsys.readouterr().out


def test_due_within_widens_or_narrows_the_window(owner, incident, item, frozen):
    ActionItem.objects.create(
        incident=incident, title="In a week", owner=owner, due_date=date(2026, 3, 11)
    )
    assert len(remind(NOW, due_within=0).outcomes[0].digest.items) == 1
    ActionItem.objects.update(last_reminded_at=None)
    assert len(remind(NOW, due_within=7).outcomes[0].digest.items) == 2


def test_due_today_counts_as_due_soon_even_with_no_window(owner, incident, frozen):
    ActionItem.objects.create(
        incident=incident, title="Today", owner=owner, due_date=date(2026, 3, 4)
    )
    _run("--due-within", "0")
    assert "(today)" in mail.outbox[0].body


def test_an_item_is_reminded_at_most_once_a_day(owner, item, capsys):
    with time_machine.travel(NOW, tick=False):
        _run()
    with time_machine.travel(NOW + timedelta(hours=6), tick=False):
        _run()
    assert len(mail.outbox) == 1
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        _run()
    assert len(mail.outbox) == 2
    assert ActionItem.objects.get().last_reminded_at == NOW + timedelta(days=1)


def test_a_daily_cron_run_a_little_early_still_sends(owner, item):
    with time_machine.travel(NOW, tick=False):
        remind(NOW)
    earlier = NOW + timedelta(days=1) - timedelta(minutes=5)
    with time_machine.travel(earlier, tick=False):
        remind(earlier)
    assert len(mail.outbox) == 2


def test_a_dry_run_sends_and_records_nothing(owner, item, frozen, capsys):
    assert _run("--dry-run") == 0
    assert mail.outbox == []
    assert ActionItem.objects.get().last_reminded_at is None
    out = capsys.readouterr().out
    assert "ed <ed@example.com>: 1 overdue, 0 due soon — would send" in out
    assert "Dry run: 1 digest would be sent." in out


def test_an_owner_without_an_email_is_reported(editor, item, frozen, capsys):
    _run()
    assert mail.outbox == []
    assert "ed: 1 overdue, 0 due soon — not sent: no email address" in capsys.readouterr().out
    # Not recorded as reminded: once the address is added, the next run sends.
    assert ActionItem.objects.get().last_reminded_at is None


def test_a_deactivated_owner_gets_nothing(owner, item, frozen, capsys):
    owner.is_active = False
    owner.save()
    _run()
    assert mail.outbox == []
    assert "account deactivated" in capsys.readouterr().out


def test_overdue_items_without_an_owner_are_counted(incident, frozen, capsys):
    ActionItem.objects.create(incident=incident, title="Orphan", due_date=date(2026, 3, 1))
    _run()
    assert "1 overdue item has no owner." in capsys.readouterr().out


def test_items_the_owner_can_no_longer_see_are_never_mailed(
    owner, restricted, restricted_item, frozen, capsys
):
    # ed owned it as a responder, then was taken off the restricted incident.
    restricted.responders.all().delete()
    _run()
    assert mail.outbox == []
    out = capsys.readouterr().out
    assert "1 on incidents they can no longer see" in out
    assert restricted_item.title not in out


def test_overdue_is_counted_in_the_owners_time_zone(owner, incident, capsys):
    owner.timezone = "Pacific/Kiritimati"  # UTC+14: already 5 March there
    owner.save()
    ActionItem.objects.create(
        incident=incident, title="Due 4 March", owner=owner, due_date=date(2026, 3, 4)
    )
    with time_machine.travel(NOW, tick=False):
        run = remind(NOW, due_within=0)
    assert [entry.item.title for entry in run.outcomes[0].digest.overdue] == ["Due 4 March"]


def test_a_failed_send_is_retried_next_time(owner, item, frozen, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("unblame.actions.reminders.send_mail", broken)
    assert _run() == 1
    assert "failed: connection refused" in capsys.readouterr().out
    assert ActionItem.objects.get().last_reminded_at is None


def test_another_run_that_got_there_first_wins(owner, item, frozen):
    run = remind(NOW, dry_run=True)
    ActionItem.objects.update(last_reminded_at=NOW)  # a second loop sent meanwhile
    deliver(run.outcomes[0], NOW)
    assert mail.outbox == []
    assert run.outcomes[0].problem == "not sent: already reminded by another run"


def test_several_owners_get_their_own_digests(owner, incident, item, frozen, capsys):
    pia = make_user("pia", "editor", email="pia@example.com")
    ActionItem.objects.create(
        incident=incident, title="Pia's", owner=pia, due_date=date(2026, 2, 1)
    )
    _run()
    assert sorted(message.to[0] for message in mail.outbox) == ["ed@example.com", "pia@example.com"]
    assert "Pia's" not in next(m.body for m in mail.outbox if m.to == ["ed@example.com"])


def test_the_loop_runs_until_interrupted(owner, item, frozen, monkeypatch, capsys):
    naps = []

    def sleep(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("unblame.cli.remind.time.sleep", sleep)
    assert _run("--loop", "--interval", "60") == 0
    assert naps == [60, 60]
    assert len(mail.outbox) == 1  # the second pass found nothing new to send
    out = capsys.readouterr().out
    assert out.count("[2026-03-04 12:00 UTC]") == 2
    assert out.rstrip().endswith("Stopped.")


@pytest.mark.parametrize(
    "args", [["--due-within", "-1"], ["--interval", "0"], ["--due-within", "x"]]
)
def test_it_rejects_bad_numbers(args, capsys):
    assert _run(*args) == 2
