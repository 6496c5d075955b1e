"""The pieces of backup and restore that need no database: staging, checks, file kinds, libpq."""

from __future__ import annotations

import pytest

from unblame.server import backup as ops


def test_a_staged_file_becomes_the_destination_only_when_the_block_succeeds(tmp_path):
    with ops.staged(tmp_path / "b") as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".b.")
        assert temp.name.endswith(".partial")
        assert temp.stat().st_mode & 0o777 == 0o600
        temp.write_bytes(b"checked copy")
    assert (tmp_path / "b").read_bytes() == b"checked copy"
    assert [p.name for p in tmp_path.iterdir()] == ["b"]


def test_a_staged_file_is_removed_with_its_journal_when_the_block_fails(tmp_path):
    with pytest.raises(ops.BackupError), ops.staged(tmp_path / "b") as temp:
        temp.write_bytes(b"half")
        (tmp_path / f"{temp.name}-journal").write_bytes(b"journal")
        raise ops.BackupError("the copy is incomplete")
    assert list(tmp_path.iterdir()) == []


def test_staging_refuses_a_folder_as_destination(tmp_path):
    with pytest.raises(ops.BackupInputError, match="is a directory"), ops.staged(tmp_path):
        pass


def test_the_first_differing_table_is_named_with_both_counts():
    message = ops._mismatch({"a": 1, "b": 5}, {"a": 1, "b": 4})
    assert message == (
        "table b has 4 rows in the copy, 5 in the database at the moment of the copy"
    )
    assert ops._mismatch({"a": 1}, {"a": 1}) is None
    assert "has no rows in the copy" in ops._mismatch({"a": 1}, {})


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"SQLite format 3\x00rest", "sqlite"), (b"PGDMP\x01\x0e\x00rest", "postgresql")],
)
def test_a_backup_is_recognised_by_its_first_bytes(tmp_path, head, kind):
    (tmp_path / "b").write_bytes(head)
    assert ops.backup_kind(tmp_path / "b") == kind


def test_anything_else_is_not_a_backup(tmp_path):
    (tmp_path / "b").write_bytes(b"-- PostgreSQL database dump (plain SQL)")
    with pytest.raises(ops.BackupInputError, match="is not an unblame backup"):
        ops.backup_kind(tmp_path / "b")
    with pytest.raises(ops.BackupInputError, match="is a directory"):
        ops.backup_kind(tmp_path)


def test_the_password_goes_to_pg_tools_in_the_environment_not_the_command_line():
    target = ops.PgTarget.from_settings(
        {
            "NAME": "unblame",
            "USER": "app",
            "PASSWORD": "s3cret word",
            "HOST": "db.internal",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "require", "pool": {"min_size": 2}},
        }
    )
    assert "s3cret" not in target.conninfo
    assert target.env["PGPASSWORD"] == "s3cret word"
    for part in ("dbname=unblame", "user=app", "host=db.internal", "port=5433", "sslmode=require"):
        assert part in target.conninfo
    assert "pool" not in target.conninfo  # Django's own option, not libpq's


def test_a_failing_pg_tool_is_reported_by_its_last_line(tmp_path):
    target = ops.PgTarget("dbname=x", {"PATH": "/usr/bin:/bin"})
    script = tmp_path / "pg_dump"
    script.write_text("#!/bin/sh\necho 'detail' >&2\necho 'server version mismatch' >&2\nexit 1\n")
    script.chmod(0o755)
    with pytest.raises(ops.BackupError, match=r"^pg_dump failed: server version mismatch$"):
        target.run([str(script)])


def test_restore_refuses_a_database_in_use_unless_forced():
    with pytest.raises(ops.BackupInputError, match=r"holds data \(2 users, 0 incidents\)"):
        ops.refuse_unless_empty({"accounts_user": 2, "incidents_incident": 0}, "db", False)
    ops.refuse_unless_empty({"accounts_user": 2}, "db", True)
    ops.refuse_unless_empty({"accounts_user": 0, "incidents_incident": 0}, "db", False)
