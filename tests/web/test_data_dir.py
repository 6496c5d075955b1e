"""The data folder and the files in it are private to the account that runs unblame."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.test import override_settings

from unblame.server import datadir

from .fresh_settings import load_settings, restore_settings_module  # noqa: F401


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def everyday_umask():
    # The usual umask, which leaves new files readable by everyone.
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_fresh_install_creates_a_private_folder_database_and_key(
    monkeypatch, tmp_path, everyday_umask
):
    data = tmp_path / "data"
    settings = load_settings(monkeypatch, data)
    assert str(settings.DATA_DIR) == str(data)
    assert _mode(data) == 0o700
    assert _mode(data / "unblame.sqlite3") == 0o600
    assert _mode(data / "secret_key") == 0o600
    assert len((data / "secret_key").read_text()) > 40


def test_sqlites_wal_and_shm_files_take_the_databases_private_mode(tmp_path, everyday_umask):
    path = datadir.create_private_file(tmp_path / "unblame.sqlite3")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    assert _mode(tmp_path / "unblame.sqlite3-wal") == 0o600
    assert _mode(tmp_path / "unblame.sqlite3-shm") == 0o600
    connection.close()


def test_an_existing_private_file_is_left_as_it_is(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("kept")
    path.chmod(0o600)
    datadir.create_private_file(path)
    assert path.read_text() == "kept"


def _old_install(root: Path) -> Path:
    data = root / "old"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    for name in ("unblame.sqlite3", "unblame.sqlite3-wal", "unblame.sqlite3-shm", "secret_key"):
        (data / name).write_text("x")
        (data / name).chmod(0o644)
    return data


def test_an_old_install_is_made_private_with_a_log_line_each(tmp_path, caplog):
    data = _old_install(tmp_path)
    with caplog.at_level(logging.WARNING, logger="unblame.server.datadir"):
        changed = datadir.tighten(data)
    assert set(changed) == {data, *data.iterdir()}
    assert _mode(data) == 0o700
    assert {_mode(path) for path in data.iterdir()} == {0o600}
    assert f"made {data / 'unblame.sqlite3'} private: mode 600, was 644" in caplog.text
    assert len(caplog.records) == 5


def test_a_private_install_is_left_alone_and_nothing_is_logged(tmp_path, caplog):
    data = _old_install(tmp_path)
    datadir.tighten(data)
    caplog.clear()
    assert datadir.tighten(data) == []
    assert caplog.records == []


def test_symlinks_and_subfolders_are_not_followed(tmp_path):
    data = _old_install(tmp_path)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not ours")
    outside.chmod(0o644)
    (data / "link").symlink_to(outside)
    (data / "backups").mkdir(mode=0o755)
    datadir.tighten(data)
    assert _mode(outside) == 0o644
    assert _mode(data / "backups") & 0o055


def test_a_missing_folder_is_nothing_to_do(tmp_path):
    assert datadir.tighten(tmp_path / "nowhere") == []


def test_the_app_tightens_the_data_folder_when_it_starts(tmp_path):
    data = _old_install(tmp_path)
    with override_settings(DATA_DIR=data):
        apps.get_app_config("server").ready()
    assert _mode(data) == 0o700
    assert _mode(data / "secret_key") == 0o600


def test_starting_unblame_on_an_old_install_fixes_it_and_says_so(tmp_path):
    data = _old_install(tmp_path)
    (data / "unblame.sqlite3").unlink()  # an empty one is made, private, at start
    (data / "unblame.sqlite3-wal").unlink()
    (data / "unblame.sqlite3-shm").unlink()
    env = {**os.environ, "UNBLAME_DATA_DIR": str(data), "UNBLAME_SECRET_KEY": "x" * 50}
    env.pop("UNBLAME_DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "unblame.cli", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"made {data} private: mode 700, was 755" in result.stderr
    assert _mode(data / "secret_key") == 0o600
    assert _mode(data / "unblame.sqlite3") == 0o600


def test_a_fresh_start_has_nothing_to_fix(tmp_path):
    # The task queue's SQLite file is made private before huey opens it too.
    data = tmp_path / "fresh"
    env = {**os.environ, "UNBLAME_DATA_DIR": str(data), "UNBLAME_SECRET_KEY": "x" * 50}
    env.pop("UNBLAME_DATABASE_URL", None)
    env.pop("UNBLAME_TASK_QUEUE", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "unblame.cli", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "private" not in result.stderr
    assert _mode(data / "tasks.sqlite3") == 0o600
