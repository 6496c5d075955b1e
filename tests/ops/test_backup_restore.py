"""`unblame backup` and `unblame restore`, run as a self-hoster runs them, on both engines."""

from __future__ import annotations

import json

from .conftest import AWKWARD


def test_a_round_trip_through_backup_and_restore_loses_nothing(installs):
    source, backup, printed = installs.demo_backup()
    target = installs.empty()

    restored = target.unblame("restore", str(backup), check=True)

    assert "row counts match" in printed and "row counts match" in restored.stdout
    before, after = source.contents(), target.contents()
    assert before.keys() == after.keys()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert len(before["incidents_incident"]) == 12
    assert any(AWKWARD in row for row in after["django_session"])


def test_the_json_report_lists_every_table_with_its_rows(installs, tmp_path):
    source = installs.demo()
    done = source.unblame("backup", str(tmp_path / "b"), "--format", "json", check=True)
    report = json.loads(done.stdout)
    assert report["version"] == 1 and report["verified"] is True
    assert report["engine"] == source.kind
    counts = {table.split(".")[-1]: n for table, n in report["tables"].items()}
    assert counts["incidents_incident"] == 12
    assert report["rows"] == sum(report["tables"].values())
    assert report["bytes"] == (tmp_path / "b").stat().st_size


def test_a_backup_file_is_private_to_its_owner(installs):
    _, backup, _ = installs.demo_backup()
    assert backup.stat().st_mode & 0o077 == 0


def test_restore_refuses_a_database_that_holds_data(installs):
    _, backup, _ = installs.demo_backup()
    target = installs.demo()
    target.execute("DELETE FROM django_session")

    done = target.unblame("restore", str(backup))

    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "already holds data (7 users, 12 incidents)" in done.stderr
    assert "--force" in done.stderr
    assert target.count("django_session") == 0  # untouched


def test_restore_with_force_replaces_what_was_there(installs):
    source, backup, _ = installs.demo_backup()
    target = installs.demo()
    target.execute("UPDATE incidents_incident SET title = 'changed after the backup'")

    target.unblame("restore", "--force", str(backup), check=True)

    assert target.contents()["incidents_incident"] == source.contents()["incidents_incident"]


def test_restore_refuses_a_file_that_is_not_a_backup(installs, tmp_path):
    target = installs.empty()
    (tmp_path / "notes.txt").write_text("not a database")
    done = target.unblame("restore", str(tmp_path / "notes.txt"))
    assert done.returncode == 2
    assert "is not an unblame backup" in done.stderr


def test_restore_names_a_missing_file(installs, tmp_path):
    done = installs.empty().unblame("restore", str(tmp_path / "nowhere.backup"))
    assert done.returncode == 2
    assert "no such file" in done.stderr


def test_backup_names_a_missing_folder_and_writes_nothing(installs, tmp_path):
    done = installs.demo().unblame("backup", str(tmp_path / "missing" / "b"))
    assert done.returncode == 2
    assert "no such directory" in done.stderr
    assert not (tmp_path / "missing").exists()
