"""Backups under continuous writes, and backups that fail: nothing left that looks like one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import threading
from contextlib import closing
from pathlib import Path

import dj_database_url
import pytest

from unblame.server import backup as ops

from .conftest import UNBLAME, SqliteInstall

# Enough writes, committed while the backup holds its snapshot, to show it does not block them.
WRITES_DURING_SNAPSHOT = 5


class Writer(threading.Thread):
    """Inserts a session row about every 10 ms (~100 writes a second) until stopped."""

    def __init__(self, connect) -> None:
        super().__init__(daemon=True)
        self.connect, self.committed, self.errors = connect, 0, []
        self.stop, self.progress = threading.Event(), threading.Condition()

    def run(self) -> None:
        conn = self.connect()
        try:
            while not self.stop.is_set():
                conn.execute(
                    "INSERT INTO django_session (session_key, session_data, expire_date)"
                    " VALUES (%s, 'x', '2030-01-01')".replace("%s", self.placeholder),
                    (f"w{self.committed}",),
                )
                with self.progress:
                    self.committed += 1
                    self.progress.notify_all()
                self.stop.wait(0.01)
        except Exception as exc:  # reported by the test, not lost in the thread
            self.errors.append(exc)
        finally:
            conn.close()

    def wait_for(self, count: int) -> bool:
        with self.progress:
            return self.progress.wait_for(lambda: self.committed >= count or self.errors, 60)


def _holding_the_snapshot(monkeypatch, name: str, writer: Writer, seen: dict) -> None:
    """Make the backup's first row count wait, inside its snapshot, for the writer to go on."""
    real = getattr(ops, name)

    def counts(conn):
        result = real(conn)
        if "snapshot" not in seen:
            seen["snapshot"] = result
            seen["writer_went_on"] = writer.wait_for(writer.committed + WRITES_DURING_SNAPSHOT)
        return result

    monkeypatch.setattr(ops, name, counts)


@pytest.fixture
def sqlite_demo(installs) -> SqliteInstall:
    if installs.kind != "sqlite":
        pytest.skip("a SQLite file")
    return installs.demo()


def test_a_sqlite_backup_finishes_under_continuous_writes_and_holds_its_snapshot(
    sqlite_demo, tmp_path, monkeypatch
):
    writer = Writer(lambda: sqlite3.connect(sqlite_demo.path, timeout=30, isolation_level=None))
    writer.placeholder = "?"
    seen: dict = {}
    _holding_the_snapshot(monkeypatch, "sqlite_row_counts", writer, seen)
    writer.start()
    try:
        assert writer.wait_for(10)
        report = ops.backup_sqlite(sqlite_demo.path, tmp_path / "b.sqlite3")
    finally:
        writer.stop.set()
        writer.join()

    assert writer.errors == []
    assert seen["writer_went_on"], "writes were blocked while the backup held its snapshot"
    assert report.tables == seen["snapshot"]
    with closing(sqlite3.connect(tmp_path / "b.sqlite3")) as copy:
        assert ops.sqlite_row_counts(copy) == seen["snapshot"]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    live = sqlite_demo.count("django_session")
    assert live >= seen["snapshot"]["django_session"] + WRITES_DURING_SNAPSHOT


def test_a_postgres_backup_finishes_under_continuous_writes_and_holds_its_snapshot(
    installs, tmp_path, monkeypatch
):
    if installs.kind != "postgresql":
        pytest.skip("a PostgreSQL database")
    source = installs.demo()
    writer = Writer(source.connect)
    writer.placeholder = "%s"
    seen: dict = {}
    _holding_the_snapshot(monkeypatch, "pg_row_counts", writer, seen)
    writer.start()
    try:
        assert writer.wait_for(10)
        report = ops.backup_postgres(dj_database_url.parse(source.url), tmp_path / "b", print)
    finally:
        writer.stop.set()
        writer.join()

    assert writer.errors == []
    assert seen["writer_went_on"], "writes were blocked while pg_dump held its snapshot"
    assert report.tables == seen["snapshot"]
    assert ops.dump_row_counts(shutil.which("pg_restore"), tmp_path / "b") == seen["snapshot"]
    live = source.count("django_session")
    assert live >= seen["snapshot"]["public.django_session"] + WRITES_DURING_SNAPSHOT


def _files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_a_copy_that_is_not_a_database_leaves_no_file(sqlite_demo, tmp_path, monkeypatch):
    def garbage(source, temp):
        Path(temp).write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        return {"incidents_incident": 12}

    monkeypatch.setattr(ops, "copy_sqlite_snapshot", garbage)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ops.BackupError, match="the copy"):
        ops.backup_sqlite(sqlite_demo.path, out / "b.sqlite3")
    assert _files(out) == set()


def test_a_copy_missing_rows_is_refused_naming_the_table(sqlite_demo, tmp_path, monkeypatch):
    real = ops.copy_sqlite_snapshot

    def lossy(source, temp):
        counts = real(source, temp)
        with closing(sqlite3.connect(temp, isolation_level=None)) as copy:
            copy.execute(
                "DELETE FROM incidents_timelineevent"
                " WHERE id = (SELECT min(id) FROM incidents_timelineevent)"
            )
        return counts

    monkeypatch.setattr(ops, "copy_sqlite_snapshot", lossy)
    with pytest.raises(ops.BackupError) as failure:
        ops.backup_sqlite(sqlite_demo.path, tmp_path / "b.sqlite3")
    message = str(failure.value)
    assert "incidents_timelineevent" in message and "incomplete" in message
    assert _files(tmp_path) == set()


def test_a_failed_backup_leaves_the_previous_backup_as_it_was(sqlite_demo, tmp_path, monkeypatch):
    earlier = tmp_path / "b.sqlite3"
    ops.backup_sqlite(sqlite_demo.path, earlier)
    before = earlier.read_bytes()
    sqlite_demo.execute("DELETE FROM django_session")

    def interrupted(source, temp):
        Path(temp).write_bytes(b"half a copy")
        raise KeyboardInterrupt

    monkeypatch.setattr(ops, "copy_sqlite_snapshot", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ops.backup_sqlite(sqlite_demo.path, earlier)
    assert earlier.read_bytes() == before
    assert _files(tmp_path) == {"b.sqlite3"}


def test_a_backup_of_a_database_that_is_not_there_says_so(tmp_path):
    with pytest.raises(ops.BackupInputError, match="no database at"):
        ops.backup_sqlite(tmp_path / "unblame.sqlite3", tmp_path / "b")
    assert _files(tmp_path) == set()


def test_a_truncated_backup_is_not_restored(sqlite_demo, installs, tmp_path):
    ops.backup_sqlite(sqlite_demo.path, tmp_path / "b.sqlite3")
    data = (tmp_path / "b.sqlite3").read_bytes()
    (tmp_path / "b.sqlite3").write_bytes(data[: len(data) // 2])
    target = installs.empty()

    done = target.unblame("restore", str(tmp_path / "b.sqlite3"))

    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "unblame restore: failed:" in done.stderr
    assert target.count("incidents_incident") == 0 and target.count("accounts_user") == 0


@pytest.fixture
def pg_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNBLAME_")}
    # Port 1: nothing listens there, so any connection fails at once.
    return env | {
        "UNBLAME_DATA_DIR": str(tmp_path / "data"),
        "UNBLAME_SECRET_KEY": "ops-tests-only",
        "UNBLAME_DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
    }


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs pg_dump")
def test_a_postgres_backup_that_cannot_connect_exits_1_and_writes_nothing(pg_env, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [UNBLAME, "backup", str(out / "b.dump")], env=pg_env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.startswith("unblame backup: failed, no backup written: PostgreSQL:")
    assert len(done.stderr.strip().splitlines()) == 1
    assert _files(out) == set()


def test_a_postgres_backup_without_pg_dump_says_what_to_install(pg_env, tmp_path):
    done = subprocess.run(
        [UNBLAME, "backup", str(tmp_path / "b.dump")],
        env=pg_env | {"PATH": str(tmp_path / "empty")},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "pg_dump was not found on PATH" in done.stderr
    assert not (tmp_path / "b.dump").exists()


def test_a_truncated_pg_dump_archive_cannot_be_read_back(tmp_path):
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        pytest.skip("needs pg_restore")
    (tmp_path / "b.dump").write_bytes(b"PGDMP\x01\x0e\x00")
    with pytest.raises(ops.BackupError, match="cannot be read back"):
        ops.dump_row_counts(pg_restore, tmp_path / "b.dump")
