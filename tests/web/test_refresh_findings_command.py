"""`unblame refresh-findings`, and `unblame serve` queueing the refresh after an upgrade."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from unblame.actions import findings
from unblame.actions.models import ActionItem, FindingsRefresh
from unblame.actions.refresh import refresh_for
from unblame.cli import main
from unblame.server import serve

from .actions_cast import *  # noqa: F403

CAREFUL = "Remind engineers to be more careful when deploying"


@pytest.fixture
def stale(incident, restricted):
    """Three items stored under an older analyzer, one of them on a restricted incident."""
    items = [
        ActionItem.objects.create(incident=incident, title=CAREFUL),
        ActionItem.objects.create(incident=incident, title="Alert on certificate expiry"),
        ActionItem.objects.create(incident=restricted, title="Rotate the leaked signing key"),
    ]
    ActionItem.objects.update(stored_findings={"key": "an older analyzer"})
    return items


def _current(item: ActionItem) -> bool:
    again = ActionItem.objects.select_related("incident").get(pk=item.pk)
    return not again.refresh_stored_findings()


# -- The command ----------------------------------------------------------------------------


def test_it_refreshes_every_stale_item_and_says_how_many(stale, capsys):
    assert main(["refresh-findings"]) == 0
    out, err = capsys.readouterr()
    assert "Checked 3 action items; refreshed the findings of 3 in" in out
    assert "3/3 action items" in err
    assert all(_current(item) for item in stale)


def test_a_second_run_finds_nothing_to_refresh(stale, capsys):
    main(["refresh-findings"])
    capsys.readouterr()
    assert main(["refresh-findings", "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "Checked 3 action items; refreshed the findings of 0 in" in out
    assert err == ""


def test_progress_is_a_line_per_batch_off_a_terminal(stale, capsys, monkeypatch):
    monkeypatch.setattr("unblame.actions.refresh.BATCH", 1)
    main(["refresh-findings"])
    lines = capsys.readouterr().err.splitlines()
    # Three open items one by one, the empty end of the open ones, then the rest (none).
    assert [line.split("] ")[1].split(",")[0] for line in lines] == [
        "1/3 action items",
        "2/3 action items",
        "3/3 action items",
        "3/3 action items",
        "3/3 action items",
    ]


def test_its_output_names_no_item_or_incident(stale, restricted, capsys):
    main(["refresh-findings"])
    out, err = capsys.readouterr()
    for text in ("Rotate the leaked signing key", restricted.title, CAREFUL):
        assert text not in out + err
    assert _current(stale[2])


def test_with_no_items_it_says_so_without_a_bar(db, capsys):
    assert main(["refresh-findings"]) == 0
    out, err = capsys.readouterr()
    assert "Checked 0 action items; refreshed the findings of 0" in out
    assert err == ""


def test_it_is_listed_in_the_help(capsys):
    main(["--help"])
    assert "refresh-findings" in capsys.readouterr().out


# -- Queued by `unblame serve` ----------------------------------------------------------------


@pytest.fixture
def started(monkeypatch):
    """Start `unblame serve` without serving; the task it queues is recorded and run inline."""
    queued: list[str] = []
    monkeypatch.setattr(
        "unblame.actions.tasks.refresh_stale_findings",
        _Recorder(queued, immediate=False),
    )
    monkeypatch.setattr(serve, "run_waitress", lambda host, port, out: None)
    monkeypatch.setattr(serve, "start_worker", lambda threads, out: None)

    def start() -> str:
        out = io.StringIO()
        serve.serve("127.0.0.1", 8000, out=out)
        return out.getvalue()

    start.queued = queued  # type: ignore[attr-defined]
    return start


class _Recorder:
    """Stands in for the task: records the analyzer it was queued for, and runs it to the end."""

    def __init__(self, calls: list[str], immediate: bool) -> None:
        self.calls = calls
        self.huey = SimpleNamespace(immediate=immediate)

    def __call__(self, analyzer: str) -> None:
        self.calls.append(analyzer)
        refresh_for(analyzer, None)


def test_serve_queues_the_refresh_once_per_analyzer(stale, started, monkeypatch):
    first = started()
    assert "refreshed for this analyzer in the background" in first
    assert started.queued == [findings.analyzer_digest()]
    assert all(_current(item) for item in stale)
    again = started()
    assert "in the background" not in again
    assert started.queued == [findings.analyzer_digest()]
    # An upgrade: queued once more, for the new analyzer.
    findings._key.cache_clear()
    monkeypatch.setattr(findings, "analyzer_digest", lambda: "after-the-upgrade")
    try:
        started()
        started()
    finally:
        findings._key.cache_clear()
    assert started.queued[1:] == ["after-the-upgrade"]


def test_serve_queues_none_after_a_foreground_refresh(stale, started, capsys):
    main(["refresh-findings", "--quiet"])
    assert "in the background" not in started()
    assert started.queued == []


def test_serve_leaves_it_to_the_pages_when_tasks_run_inline(stale, started, monkeypatch):
    # Inline, the refresh would run before the server answers anyone.
    monkeypatch.setattr(
        "unblame.actions.tasks.refresh_stale_findings", _Recorder(started.queued, immediate=True)
    )
    assert "in the background" not in started()
    assert started.queued == []
    assert not FindingsRefresh.objects.exists()
    assert not _current(stale[0])


# -- Generated history ----------------------------------------------------------------------


def test_generated_history_comes_with_its_findings_stored(db, capsys):
    assert main(["demo", "--incidents", "30"]) == 0
    out, err = capsys.readouterr()
    items = list(ActionItem.objects.select_related("incident"))
    assert len(items) > 12, "generated items besides the demo's"
    assert not any(item.refresh_stored_findings() for item in items)
    assert "Stored the findings of" in out
    assert f"{len(items)}/{len(items)} action items" in err
    assert FindingsRefresh.objects.get().finished_at is not None
