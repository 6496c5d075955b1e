"""After an analyzer change, a job brings every action item's stored findings up to date.

Stored findings are keyed by a digest of the analyzer (actions.findings), so
an upgrade makes them all stale and the first list page would analyse its
rows while the reader waits. actions.refresh walks every item in batches,
open ones first, rewriting only the stale ones; `unblame serve` queues it
once per analyzer, and `unblame refresh-findings` runs it in the foreground.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from huey.contrib import djhuey
from huey.storage import MemoryStorage

from unblame.accounts.models import AuditEntry
from unblame.actions import findings, refresh
from unblame.actions.models import ActionItem, FindingsRefresh
from unblame.actions.refresh import OPEN, REST, Cursor, Totals
from unblame.actions.tasks import refresh_stale_findings
from unblame.incidents.models import TimelineEvent
from unblame.language import Category, analyze

from .actions_cast import *  # noqa: F403

CAREFUL = "Remind engineers to be more careful when deploying"
PLAIN = "Alert on certificate expiry"
# "Pemberton" is read as a person only where the roster holds the name.
NAMED = "Tell Pemberton to double-check configs"
NEXT = "next-analyzer"


@pytest.fixture
def upgrade(monkeypatch):
    """Call to move to another analyzer: another digest, so every stored key is stale."""

    def to_next() -> None:
        monkeypatch.setattr(findings, "analyzer_digest", lambda: NEXT)
        findings._key.cache_clear()

    yield to_next
    findings._key.cache_clear()


@pytest.fixture
def queued(monkeypatch):
    """The task queue as outside the tests, in memory: tasks wait until drained."""
    huey = refresh_stale_findings.huey
    monkeypatch.setattr(huey, "_immediate", False)
    monkeypatch.setattr(huey, "storage", MemoryStorage("tests"))
    # A worker closes stale connections around a task; here that would end the test's transaction.
    monkeypatch.setattr(djhuey, "close_old_connections", lambda: None)

    def drain() -> int:
        ran = 0
        while (task := huey.dequeue()) is not None:
            huey.execute(task)
            ran += 1
        return ran

    return drain


def _analyzer(text: str, names) -> list[dict]:
    found = analyze(text, names=names, context="action_item")
    return [f.to_dict() for f in found if f.category == Category.TRY_HARDER]


def _make(incident, title: str, status: str = ActionItem.Status.OPEN) -> ActionItem:
    return ActionItem.objects.create(incident=incident, title=title, status=status)


def _stored(item: ActionItem) -> dict:
    return ActionItem.objects.get(pk=item.pk).stored_findings


def _current(item: ActionItem) -> bool:
    again = ActionItem.objects.select_related("incident").get(pk=item.pk)
    return not again.refresh_stored_findings()


def _updates(captured) -> list[str]:
    return [q["sql"] for q in captured if q["sql"].startswith('UPDATE "actions_actionitem"')]


# -- What it rewrites ----------------------------------------------------------------------


def test_it_stores_the_new_analyzers_findings_for_every_item(incident, upgrade):
    with time_machine.travel(NOW, tick=False):  # noqa: F405
        items = [_make(incident, CAREFUL), _make(incident, PLAIN, ActionItem.Status.DONE)]
    upgrade()
    assert not any(_current(item) for item in items)
    assert refresh.refresh_all() == Totals(checked=2, refreshed=2)
    assert all(_current(item) for item in items)
    assert _stored(items[0])["title"] == _analyzer(CAREFUL, items[0].roster())
    assert _stored(items[0])["title"], "the example must have a finding to compare"


def test_current_items_are_read_and_never_written(incident):
    _make(incident, CAREFUL)
    _make(incident, PLAIN)
    with CaptureQueriesContext(connection) as captured:
        totals = refresh.refresh_all()
    assert totals == Totals(checked=2, refreshed=0)
    assert _updates(captured) == []


def test_only_the_stale_rows_are_written(incident):
    current, stale = _make(incident, CAREFUL), _make(incident, PLAIN)
    # A marker only the stored copy has: still there afterwards means never rewritten.
    marker = {**_analyzer(CAREFUL, [])[0], "message": "kept as stored"}
    ActionItem.objects.filter(pk=current.pk).update(
        stored_findings={**current.stored_findings, "title": [marker]}
    )
    ActionItem.objects.filter(pk=stale.pk).update(stored_findings={"key": "an older analyzer"})
    with CaptureQueriesContext(connection) as captured:
        totals = refresh.refresh_all()
    assert totals.refreshed == 1
    [update] = _updates(captured)
    assert f"= {stale.pk})" in update and f"= {current.pk})" not in update
    assert _stored(current)["title"] == [marker]
    assert _current(stale)


def test_items_written_in_bulk_without_findings_are_filled_in(incident):
    (item,) = ActionItem.objects.bulk_create([ActionItem(incident=incident, title=CAREFUL)])
    assert _stored(item) is None
    assert refresh.refresh_all().refreshed == 1
    assert _stored(item)["title"] == _analyzer(CAREFUL, item.roster())


def test_it_is_not_an_edit_no_version_updated_at_or_history(incident, editor, upgrade):
    with time_machine.travel(NOW, tick=False):  # noqa: F405
        item = ActionItem.objects.create(incident=incident, title=CAREFUL, created_by=editor)
        item.record_creation(editor)
    before = ActionItem.objects.get(pk=item.pk)
    history = list(AuditEntry.objects.values_list("pk", flat=True))
    upgrade()
    with time_machine.travel(NOW + timedelta(days=3), tick=False):  # noqa: F405
        assert refresh.refresh_all().refreshed == 1
    after = ActionItem.objects.get(pk=item.pk)
    assert (after.version, after.updated_at) == (before.version, before.updated_at)
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == history
    assert after.stored_findings != before.stored_findings


# -- Batches ------------------------------------------------------------------------------


def test_batches_walk_open_items_first_then_the_rest(incident):
    done = _make(incident, PLAIN, ActionItem.Status.DONE)
    first, second = _make(incident, CAREFUL), _make(incident, PLAIN)
    wont = _make(incident, CAREFUL, ActionItem.Status.WONT_DO)
    third = _make(incident, PLAIN, ActionItem.Status.IN_PROGRESS)
    ActionItem.objects.update(stored_findings=None)
    steps = []
    cursor: Cursor | None = Cursor()
    while cursor is not None:
        cursor, totals = refresh.refresh_batch(cursor, size=2)
        steps.append((cursor, totals.checked))
    assert steps == [
        (Cursor(OPEN, second.pk), 2),
        (Cursor(REST, 0), 1),
        (Cursor(REST, wont.pk), 2),
        (None, 0),
    ]
    assert {first.pk, third.pk, done.pk} <= {i.pk for i in ActionItem.objects.all() if _current(i)}


def test_progress_is_told_after_each_batch(incident):
    for title in (CAREFUL, PLAIN, CAREFUL):
        _make(incident, title)
    told = []
    refresh.refresh_all(progress=lambda done, total: told.append((done, total)), size=2)
    assert told == [(2, 3), (3, 3), (3, 3)]


def test_a_run_stopped_midway_leaves_the_rest_to_the_next(incident, upgrade):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN, NAMED)]
    upgrade()
    refresh.refresh_batch(Cursor(), size=1)  # then the process stops
    assert [_current(item) for item in items] == [True, False, False]
    # The next run only reads the one already done.
    assert refresh.refresh_all() == Totals(checked=3, refreshed=2)
    assert all(_current(item) for item in items)


def test_two_runs_at_once_end_with_the_same_findings(incident, monkeypatch, upgrade):
    items = [_make(incident, CAREFUL), _make(incident, PLAIN)]
    upgrade()
    write = ActionItem.objects.bulk_update
    other_runs: list[Totals | None] = []

    def other_run_first(objs, fields):
        if not other_runs:  # the other run checks and writes between our read and our write
            other_runs.append(None)
            other_runs[0] = refresh.refresh_all()
        return write(objs, fields)

    monkeypatch.setattr(ActionItem.objects, "bulk_update", other_run_first)
    assert refresh.refresh_all().refreshed == 2
    assert other_runs == [Totals(checked=2, refreshed=2)]
    assert all(_current(item) for item in items)
    assert all(ActionItem.objects.get(pk=item.pk).version == item.version for item in items)


def test_words_saved_during_a_run_are_never_shown_with_the_old_findings(
    incident, monkeypatch, upgrade
):
    item = _make(incident, PLAIN)
    upgrade()
    write = ActionItem.objects.bulk_update

    def someone_saves_first(objs, fields):
        edited = ActionItem.objects.get(pk=item.pk)
        edited.title = CAREFUL
        edited.save()
        return write(objs, fields)

    monkeypatch.setattr(ActionItem.objects, "bulk_update", someone_saves_first)
    refresh.refresh_all()
    shown = ActionItem.objects.select_related("incident").get(pk=item.pk)
    assert shown.title == CAREFUL
    # The run wrote the old words' findings; their key names the old words, so they are not used.
    assert [f.to_dict() for f in shown.try_harder_findings()] == _analyzer(CAREFUL, shown.roster())
    assert shown.try_harder_findings()


# -- Restricted incidents -------------------------------------------------------------------


def test_a_restricted_incidents_items_are_refreshed_with_its_own_roster_only(
    incident, restricted, upgrade
):
    # Pemberton wrote in the restricted incident's chat: a person there, nowhere else.
    TimelineEvent.objects.create(
        incident=restricted,
        kind=TimelineEvent.Kind.CHAT_MESSAGE,
        author_name="Pemberton",
        text="looking",
    )
    hidden = _make(restricted, NAMED)
    public = _make(incident, NAMED)
    upgrade()
    assert refresh.refresh_all().refreshed == 2
    assert _current(hidden) and _current(public)
    assert [f["rule"] for f in _stored(hidden)["title"]] == ["UB501"]
    assert _stored(public)["title"] == []


# -- The queued task ------------------------------------------------------------------------


def test_the_task_runs_a_few_seconds_then_queues_the_rest(incident, monkeypatch, queued):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN, NAMED)]
    ActionItem.objects.update(stored_findings=None)
    monkeypatch.setattr(refresh, "BATCH", 1)
    monkeypatch.setattr(refresh, "SECONDS_PER_TASK", 0)
    refresh_stale_findings(findings.analyzer_digest())
    assert not any(_current(item) for item in items), "queued, not run yet"
    # One task per batch: three of one item, then the empty ends of the open items and the rest.
    assert queued() == 5
    assert all(_current(item) for item in items)
    record = FindingsRefresh.objects.get(analyzer=findings.analyzer_digest())
    assert record.finished_at is not None
    assert record.refreshed == 3


def test_a_stopped_worker_leaves_the_next_task_queued(incident, monkeypatch, queued):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN)]
    ActionItem.objects.update(stored_findings=None)
    monkeypatch.setattr(refresh, "BATCH", 1)
    monkeypatch.setattr(refresh, "SECONDS_PER_TASK", 0)
    huey = refresh_stale_findings.huey
    refresh_stale_findings(findings.analyzer_digest())
    huey.execute(huey.dequeue())  # one task runs, then the worker stops
    assert [_current(item) for item in items] == [True, False]
    assert huey.pending_count() == 1
    assert not FindingsRefresh.objects.filter(finished_at__isnull=False).exists()
    queued()  # the next start's worker
    assert all(_current(item) for item in items)


def test_inline_the_task_runs_to_the_end_in_one_call(incident, monkeypatch):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN, NAMED)]
    ActionItem.objects.update(stored_findings=None)
    monkeypatch.setattr(refresh, "BATCH", 1)
    monkeypatch.setattr(refresh, "SECONDS_PER_TASK", 0)
    refresh_stale_findings(findings.analyzer_digest())
    assert all(_current(item) for item in items)


def test_a_task_queued_for_another_analyzer_writes_nothing(incident, caplog):
    item = _make(incident, PLAIN)
    ActionItem.objects.update(stored_findings=None)
    refresh_stale_findings("queued-by-other-code")
    assert _stored(item) is None
    assert "runs another" in caplog.text
    assert not FindingsRefresh.objects.exists()


def test_a_refresh_stopped_hard_is_queued_again_and_carries_on(incident, monkeypatch, queued):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN, NAMED)]
    ActionItem.objects.update(stored_findings=None)
    monkeypatch.setattr(refresh, "BATCH", 1)
    monkeypatch.setattr(refresh, "SECONDS_PER_TASK", 0)
    huey = refresh_stale_findings.huey
    assert refresh.queue_refresh() is True
    huey.execute(huey.dequeue())
    huey.flush()  # killed: the next task, taken by a worker, is lost with it
    record = FindingsRefresh.objects.get()
    assert (record.finished_at, record.after, record.checked) == (None, items[0].pk, 1)
    assert refresh.queue_refresh() is True  # the next start
    queued()
    assert all(_current(item) for item in items)
    record.refresh_from_db()
    assert record.finished_at is not None
    assert (record.checked, record.refreshed) == (3, 3)


def test_of_two_runs_at_the_same_place_one_stops(incident, monkeypatch):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN)]
    ActionItem.objects.update(stored_findings=None)
    analyzer = findings.analyzer_digest()
    batch = refresh.refresh_batch
    others: list[bool | None] = []

    def another_run_moves_on_meanwhile(cursor, size=None):
        # This run has read where the refresh stands; the other one goes through first.
        if not others:
            others.append(None)
            others[0] = refresh.refresh_for(analyzer, None)
        return batch(cursor, size)

    monkeypatch.setattr(refresh, "refresh_batch", another_run_moves_on_meanwhile)
    assert refresh.refresh_for(analyzer, None) is False
    assert others == [False]
    assert all(_current(item) for item in items)
    record = FindingsRefresh.objects.get()
    # Counted once, by the run that went on.
    assert (record.checked, record.refreshed) == (2, 2)
    assert record.finished_at is not None


# -- Queued at start until it finishes, once per analyzer -----------------------------------


def test_it_is_queued_until_it_has_finished_for_the_analyzer(incident, monkeypatch, upgrade):
    calls = []
    monkeypatch.setattr(
        "unblame.actions.tasks.refresh_stale_findings", lambda analyzer: calls.append(analyzer)
    )
    assert refresh.queue_refresh() is True
    assert refresh.queue_refresh() is True, "not finished yet: queued again"
    assert refresh.refresh_for(findings.analyzer_digest(), None) is False
    assert refresh.queue_refresh() is False
    assert refresh.queue_refresh() is False
    assert calls == [findings.analyzer_digest()] * 2
    upgrade()
    assert refresh.queue_refresh() is True
    assert calls[2:] == [NEXT]


def test_queued_inline_it_refreshes_and_records_the_analyzer(incident):
    item = _make(incident, CAREFUL)
    ActionItem.objects.update(stored_findings=None)
    assert refresh.queue_refresh() is True
    assert _current(item)
    record = FindingsRefresh.objects.get()
    assert (record.analyzer, record.refreshed) == (findings.analyzer_digest(), 1)
    assert refresh.queue_refresh() is False


def test_a_foreground_run_means_the_server_queues_none(incident, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "unblame.actions.tasks.refresh_stale_findings", lambda analyzer: calls.append(analyzer)
    )
    refresh.refresh_all()
    assert refresh.queue_refresh() is False
    assert calls == []


def test_a_foreground_run_ends_a_background_one(incident, monkeypatch, queued):
    items = [_make(incident, title) for title in (CAREFUL, PLAIN)]
    ActionItem.objects.update(stored_findings=None)
    monkeypatch.setattr(refresh, "BATCH", 1)
    monkeypatch.setattr(refresh, "SECONDS_PER_TASK", 0)
    refresh.queue_refresh()
    refresh.refresh_all()
    assert queued() == 1, "the queued task finds the refresh finished and queues no more"
    assert all(_current(item) for item in items)
    assert FindingsRefresh.objects.get().refreshed == 2


def test_workers_know_the_task_by_name(db):
    from unblame.server.queue import load_tasks

    load_tasks()
    names = {name.rsplit(".", 1)[-1] for name in refresh_stale_findings.huey._registry._registry}
    assert "refresh_stale_findings" in names
