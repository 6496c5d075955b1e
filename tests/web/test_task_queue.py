"""The task queue: where it lives, the worker `unblame serve` starts, `unblame worker`."""

from __future__ import annotations

import io
import signal

import pytest
from django.core.exceptions import ImproperlyConfigured
from huey import RedisHuey, SqliteHuey

from unblame.cli import main
from unblame.server import queue, serve


@pytest.fixture
def no_queue_env(monkeypatch):
    monkeypatch.delenv("UNBLAME_TASK_QUEUE", raising=False)
    monkeypatch.delenv("UNBLAME_TASKS_IMMEDIATE", raising=False)


def test_a_sqlite_install_gets_a_queue_file_in_its_data_directory(tmp_path, no_queue_env):
    huey = queue.build_huey(tmp_path)
    assert isinstance(huey, SqliteHuey)
    assert huey.storage.filename == str(tmp_path / "tasks.sqlite3")
    assert not huey.immediate
    assert "tasks.sqlite3" in queue.describe(huey)


def test_a_redis_url_gives_a_redis_queue(tmp_path, monkeypatch, no_queue_env):
    monkeypatch.setenv("UNBLAME_TASK_QUEUE", "redis://127.0.0.1:6379/3")
    huey = queue.build_huey(tmp_path)
    assert isinstance(huey, RedisHuey)
    assert queue.describe(huey) == "Redis"


def test_a_postgresql_database_keeps_its_queue_in_the_same_database(
    tmp_path, monkeypatch, no_queue_env
):
    made = []
    monkeypatch.setattr(queue, "PostgresHuey", lambda name, **kw: made.append((name, kw)))
    queue.build_huey(tmp_path, "postgres://postgres@127.0.0.1:5432/unblame")
    assert made[0][1]["dsn"] == "postgres://postgres@127.0.0.1:5432/unblame"


def test_another_database_engine_keeps_the_queue_in_sqlite(tmp_path, no_queue_env):
    huey = queue.build_huey(tmp_path, "mysql://db/unblame")
    assert isinstance(huey, SqliteHuey)


def test_an_unknown_queue_url_stops_start_up_naming_the_variable(
    tmp_path, monkeypatch, no_queue_env
):
    monkeypatch.setenv("UNBLAME_TASK_QUEUE", "amqp://rabbit")
    with pytest.raises(ImproperlyConfigured, match="UNBLAME_TASK_QUEUE='amqp://rabbit'"):
        queue.build_huey(tmp_path)


def test_immediate_mode_runs_tasks_inline(tmp_path, monkeypatch, no_queue_env):
    monkeypatch.setenv("UNBLAME_TASKS_IMMEDIATE", "true")
    huey = queue.build_huey(tmp_path)
    assert huey.immediate
    assert queue.start_in_process(huey, threads=2) is None


def test_the_in_process_worker_runs_queued_tasks_and_leaves_signals_alone(tmp_path):
    huey = SqliteHuey("t", filename=str(tmp_path / "q.sqlite3"))
    double = huey.task()(lambda n: n * 2)
    before = signal.getsignal(signal.SIGINT)
    result = double(21)  # queued before any worker exists
    worker = queue.start_in_process(huey, threads=1)
    try:
        assert result.get(blocking=True, timeout=30) == 42
        assert signal.getsignal(signal.SIGINT) is before
    finally:
        worker.stop(graceful=True)


def test_no_threads_means_no_in_process_worker(tmp_path):
    huey = SqliteHuey("t", filename=str(tmp_path / "q.sqlite3"))
    assert queue.start_in_process(huey, threads=0) is None


def test_serve_says_when_tasks_are_left_to_separate_workers(db, monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "run_waitress", lambda host, port, out: None)
    # A queue that is not inline, as outside the tests.
    monkeypatch.setattr("huey.contrib.djhuey.HUEY", SqliteHuey("t", filename=str(tmp_path / "q")))
    out = io.StringIO()
    serve.serve("127.0.0.1", 8000, out=out, worker_threads=0)
    assert "run `unblame worker` beside it" in out.getvalue()


def test_serve_stops_its_worker_when_the_web_server_stops(db, monkeypatch):
    stopped = []

    class FakeWorker:
        def stop(self, graceful):
            stopped.append(graceful)

    def crash(host, port, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve, "run_waitress", crash)
    monkeypatch.setattr(serve, "start_worker", lambda threads, out: FakeWorker())
    with pytest.raises(KeyboardInterrupt):
        serve.serve("127.0.0.1", 8000, out=io.StringIO())
    assert stopped == [True]


def test_worker_command_refuses_when_tasks_run_inline(db, capsys):
    assert main(["worker"]) == 2
    assert "UNBLAME_TASKS_IMMEDIATE" in capsys.readouterr().err


def test_worker_command_rejects_zero_workers(capsys):
    assert main(["worker", "--workers", "0"]) == 2
    assert "needs at least 1" in capsys.readouterr().err


def test_a_sqlite_url_names_the_queue_file(tmp_path, monkeypatch, no_queue_env):
    monkeypatch.setenv("UNBLAME_TASK_QUEUE", f"sqlite:///{tmp_path}/elsewhere.db")
    huey = queue.build_huey(tmp_path / "data")
    assert isinstance(huey, SqliteHuey)
    assert huey.storage.filename == f"{tmp_path}/elsewhere.db"


def test_a_postgres_queue_url_wins_over_a_sqlite_database(tmp_path, monkeypatch, no_queue_env):
    made = []
    monkeypatch.setattr(queue, "PostgresHuey", lambda name, **kw: made.append(kw["dsn"]))
    monkeypatch.setenv("UNBLAME_TASK_QUEUE", "postgresql://q@db/queue")
    queue.build_huey(tmp_path)
    assert made == ["postgresql://q@db/queue"]


def test_every_background_task_is_registered_for_workers(db):
    from huey.contrib.djhuey import HUEY

    queue.load_tasks()
    names = {name.rsplit(".", 1)[-1] for name in HUEY._registry._registry}
    assert {
        "slack_message",
        "slack_command",
        "slack_reply",
        "deliver_webhook",
        "publish_overdue_items",
        "open_tracker_issue",
        "sync_tracker_issues",
    } <= names


def test_serve_rejects_a_negative_thread_count(capsys):
    assert main(["serve", "--worker-threads", "-1"]) == 2
    assert "negative" in capsys.readouterr().err
