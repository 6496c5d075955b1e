"""Backups and restores of unblame's database, consistent while the server runs.

Contract of `backup(dest)`: when it returns, `dest` holds a copy of the whole
database as it was at one moment, and that copy has been checked: it passes
the engine's own integrity check and holds, table by table, exactly the rows
the database held at that moment. When it raises, `dest` is untouched and no
file that looks like a backup was written: the copy is made in a hidden
`.NAME.*.partial` file beside `dest` and renamed over it only after the check.

SQLite: one read transaction takes the row counts and then copies every page
with SQLite's online backup API in a single step, so the counts and the copy
see the same snapshot. Writers carry on meanwhile (the database is in WAL
mode). `VACUUM INTO` copies as fast but refuses to run inside a transaction,
so its copy could not be tied to counts taken at the same moment; the
stepwise `sqlite3 .backup` restarts whenever someone writes, and under steady
writes never finishes.

PostgreSQL: a REPEATABLE READ transaction exports its snapshot, counts rows in
it, and `pg_dump --snapshot` dumps exactly that snapshot (custom format). The
check lists the archive with `pg_restore` and counts the rows of every table
in its data.

`restore(source)` puts such a file back into an empty database (or, forced,
over one that holds data) and checks the restored row counts.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unblame.server import datadir

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Seconds a connection of ours waits for SQLite's locks, as the server's do.
SQLITE_TIMEOUT = 30
# Tables Django fills by itself on migrate; rows there do not make a database "in use".
# What does: anyone having signed up, or any incident.
DATA_TABLES = ("accounts_user", "incidents_incident")
# libpq connection options that may appear in OPTIONS and mean the same to pg_dump.
LIBPQ_OPTIONS = (
    "sslmode",
    "sslcert",
    "sslkey",
    "sslrootcert",
    "sslcrl",
    "connect_timeout",
    "options",
    "application_name",
    "target_session_attrs",
    "passfile",
    "service",
)

Progress = Callable[[str], None]


class BackupError(Exception):
    """The backup or restore failed; the message says why, in one line."""


class BackupInputError(BackupError):
    """The request itself cannot be carried out (no such folder, not a backup file, …)."""


@dataclass(frozen=True)
class Report:
    """What a finished backup or restore wrote and checked."""

    path: Path
    engine: str
    tables: dict[str, int]
    seconds: float
    size: int

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "bytes": self.size,
            "rows": self.rows,
            "tables": self.tables,
            "verified": True,
        }


def _silent(message: str) -> None:
    pass


# --- entry points ---------------------------------------------------------------------------


def backup(dest: Path, progress: Progress = _silent) -> Report:
    """Back up the configured database to `dest` (see the module docstring)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return backup_sqlite(Path(connection.settings_dict["NAME"]), dest, progress)
    if connection.vendor == "postgresql":
        return backup_postgres(connection.settings_dict, dest, progress)
    raise BackupInputError(f"backups of {connection.vendor} databases are not supported")


def restore(source: Path, force: bool = False, progress: Progress = _silent) -> Report:
    """Restore `source` into the configured database, which must be empty unless `force`."""
    from django.db import connection

    kind = backup_kind(source)
    if kind != connection.vendor:
        raise BackupInputError(
            f"{source} is a {ENGINES[kind]} backup but this unblame uses "
            f"{ENGINES.get(connection.vendor, connection.vendor)}; restore it into a "
            f"{ENGINES[kind]} install (UNBLAME_DATABASE_URL decides which)"
        )
    if kind == "sqlite":
        return restore_sqlite(source, Path(connection.settings_dict["NAME"]), force, progress)
    return restore_postgres(source, connection.settings_dict, force, progress)


def backup_kind(path: Path) -> str:
    """ "sqlite" or "postgresql" from the file's first bytes, or BackupInputError."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise BackupInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BackupInputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise BackupInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupInputError(
        f"{path} is not an unblame backup (neither a SQLite database nor a pg_dump archive)"
    )


# --- the file that becomes the backup only once checked --------------------------------------


@contextmanager
def staged(dest: Path) -> Iterator[Path]:
    """A new private file beside `dest`, renamed over it if the block ends without error.

    On any error (or interruption) the file is removed, so a failed backup never
    leaves anything under the name the caller asked for. It is created mode 600:
    a backup holds password hashes and session keys.
    """
    dest = dest.absolute()
    if dest.is_dir():
        raise BackupInputError(f"{dest} is a directory; name the backup file inside it")
    if not dest.parent.is_dir():
        raise BackupInputError(f"{dest.parent}: no such directory")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    except OSError as exc:
        raise BackupInputError(f"cannot write in {dest.parent}: {exc.strerror or exc}") from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, dest)
        _fsync(dest.parent)
    finally:
        temp.unlink(missing_ok=True)
        # SQLite's rollback journal for the copy, should a failure interrupt it.
        Path(f"{temp}-journal").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Flush a file or a folder's entries to disk, so a power cut keeps the rename and data."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mismatch(expected: dict[str, int], found: dict[str, int]) -> str | None:
    """One line naming the first table whose count differs, or None when all agree."""
    for table in sorted(expected.keys() | found.keys()):
        want, got = expected.get(table), found.get(table)
        if want != got:
            return (
                f"table {table} has {'no' if got is None else got} rows in the copy, "
                f"{'none' if want is None else want} in the database at the moment of the copy"
            )
    return None


def _report(path: Path, engine: str, tables: dict[str, int], started: float) -> Report:
    return Report(path.absolute(), engine, tables, time.monotonic() - started, path.stat().st_size)


# --- SQLite ---------------------------------------------------------------------------------


def backup_sqlite(source: Path, dest: Path, progress: Progress = _silent) -> Report:
    """Copy the SQLite file `source` to `dest` from one snapshot, checked before the rename."""
    if not source.is_file():
        raise BackupInputError(f"no database at {source} (is UNBLAME_DATA_DIR set as for serve?)")
    started = time.monotonic()
    with staged(dest) as temp:
        progress(f"Copying {source} …")
        try:
            snapshot = copy_sqlite_snapshot(source, temp)
        except sqlite3.Error as exc:
            raise BackupError(f"SQLite: {exc}") from None
        progress(f"Checking the copy ({sum(snapshot.values()):,} rows) …")
        check_sqlite_copy(temp, snapshot)
    return _report(dest, "sqlite", snapshot, started)


def copy_sqlite_snapshot(source: Path, temp: Path) -> dict[str, int]:
    """Copy `source` into `temp`; return the row counts of the snapshot that was copied."""
    with closing(sqlite3.connect(source, timeout=SQLITE_TIMEOUT, isolation_level=None)) as src:
        # A deferred transaction: its first read fixes the snapshot, and the backup
        # API reads inside a transaction the source connection already has open.
        src.execute("BEGIN")
        counts = sqlite_row_counts(src)
        with closing(sqlite3.connect(temp)) as dst:
            src.backup(dst)  # every page in one step: no restart when someone writes
            # A self-contained file: no -wal or -shm beside it when it is opened later.
            dst.execute("PRAGMA journal_mode=DELETE")
        src.execute("COMMIT")
    return counts


def check_sqlite_copy(path: Path, expected: dict[str, int]) -> None:
    """Raise BackupError unless `path` passes integrity_check and holds `expected` rows."""
    if problem := _mismatch(expected, read_sqlite_backup(path, "the copy")):
        raise BackupError(f"the copy is incomplete: {problem}")


def read_sqlite_backup(path: Path, label: str) -> dict[str, int]:
    """The row counts of a SQLite file that passes integrity_check, else BackupError."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                raise BackupError(f"{label} failed SQLite's integrity check: {verdict[0]}")
            return sqlite_row_counts(db)
    except sqlite3.Error as exc:
        raise BackupError(f"{label} cannot be read: {exc}") from None


def sqlite_row_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (SQLite's own sqlite_* tables left out), read on `db`'s snapshot."""
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return {
        name: db.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0] for name in tables
    }


def _quoted(name: str) -> str:
    """An SQL identifier, quoted (table names come from the database's own catalogue)."""
    return '"' + name.replace('"', '""') + '"'


def restore_sqlite(source: Path, target: Path, force: bool, progress: Progress) -> Report:
    """Check the backup `source`, then copy it over the SQLite database `target`."""
    started = time.monotonic()
    progress(f"Checking {source} …")
    expected = read_sqlite_backup(source, str(source))
    if target.exists():
        try:
            with closing(sqlite3.connect(target, timeout=SQLITE_TIMEOUT)) as db:
                rows = _sqlite_data_rows(db)
        except sqlite3.Error as exc:
            raise BackupError(f"the database at {target} cannot be read: {exc}") from None
        refuse_unless_empty(rows, target, force)
    else:
        # Private before SQLite opens it: it will hold password hashes.
        datadir.create_private_file(target)
    progress(f"Restoring into {target} …")
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(target, timeout=SQLITE_TIMEOUT)) as dst,
        ):
            src.backup(dst)
            found = sqlite_row_counts(dst)
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite: {exc}") from None
    if problem := _mismatch(expected, found):
        raise BackupError(f"the restored database differs from the backup: {problem}")
    return _report(target, "sqlite", found, started)


def _sqlite_data_rows(db: sqlite3.Connection) -> dict[str, int]:
    present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in DATA_TABLES
        if table in present
    }


def refuse_unless_empty(rows: dict[str, int], where: object, force: bool) -> None:
    """BackupInputError if `rows` (users, incidents) shows the database in use, unless forced."""
    if force or not any(rows.values()):
        return
    users, incidents = rows.get("accounts_user", 0), rows.get("incidents_incident", 0)
    raise BackupInputError(
        f"the database at {where} already holds data ({users} users, {incidents} incidents); "
        "restore into an empty database, or add --force to replace everything in it"
    )


# --- PostgreSQL -----------------------------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupInputError(
            f"{name} was not found on PATH; install the PostgreSQL client tools "
            f"(e.g. apt install postgresql-client) in the version of your server or newer"
        )
    return path


@dataclass(frozen=True)
class PgTarget:
    """How to reach the database: a libpq conninfo (no password) and the environment to pass."""

    conninfo: str
    env: dict[str, str]

    @classmethod
    def from_settings(cls, settings_dict: dict[str, Any]) -> PgTarget:
        from psycopg.conninfo import make_conninfo

        options = settings_dict.get("OPTIONS") or {}
        params = {key: str(options[key]) for key in LIBPQ_OPTIONS if key in options}
        for key, setting in (("dbname", "NAME"), ("user", "USER"), ("host", "HOST")):
            if settings_dict.get(setting):
                params[key] = str(settings_dict[setting])
        if settings_dict.get("PORT"):
            params["port"] = str(settings_dict["PORT"])
        env = dict(os.environ)
        # In the environment, not on the command line, where `ps` would show it.
        if settings_dict.get("PASSWORD"):
            env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
        return cls(make_conninfo("", **params), env)

    def connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.conninfo, password=self.env.get("PGPASSWORD"))

    def run(self, args: list[str]) -> None:
        done = subprocess.run(args, env=self.env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
            raise BackupError(f"{Path(args[0]).name} failed: {lines[-1]}")


def backup_postgres(settings_dict: dict[str, Any], dest: Path, progress: Progress) -> Report:
    """pg_dump the database's snapshot to `dest`, checked against counts from that snapshot."""
    target = PgTarget.from_settings(settings_dict)
    pg_dump, pg_restore = _tool("pg_dump"), _tool("pg_restore")
    started = time.monotonic()
    with staged(dest) as temp:
        progress(f"Dumping {settings_dict['NAME']} with pg_dump …")
        snapshot = _dump_snapshot(target, pg_dump, temp)
        progress(f"Checking the dump ({sum(snapshot.values()):,} rows) …")
        if problem := _mismatch(snapshot, dump_row_counts(pg_restore, temp)):
            raise BackupError(f"the dump is incomplete: {problem}")
    return _report(dest, "postgresql", snapshot, started)


def _dump_snapshot(target: PgTarget, pg_dump: str, path: Path) -> dict[str, int]:
    """Run pg_dump on a snapshot exported by a transaction that also counts its rows."""
    try:
        with target.connect() as conn:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            (snapshot,) = conn.execute("SELECT pg_export_snapshot()").fetchone()
            counts = pg_row_counts(conn)
            # The exporting transaction stays open until pg_dump has finished with it.
            options = ["--format=custom", "--no-password", f"--snapshot={snapshot}"]
            target.run([pg_dump, *options, f"--file={path}", f"--dbname={target.conninfo}"])
            conn.rollback()
    except OSError as exc:
        raise BackupError(f"cannot run pg_dump: {exc.strerror or exc}") from None
    except _psycopg_error() as exc:
        raise BackupError(f"PostgreSQL: {str(exc).strip().splitlines()[0]}") from None
    return counts


def _psycopg_error() -> type[Exception]:
    import psycopg

    return psycopg.Error


def pg_row_counts(conn: Any) -> dict[str, int]:
    """Rows per user table, keyed as pg_dump names them (schema.table, quoted as needed)."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
        )
    ]
    return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in tables}


def dump_row_counts(pg_restore: str, path: Path) -> dict[str, int]:
    """Rows per table in a custom-format archive, counted by streaming its data as COPY text.

    COPY's text format escapes line breaks inside values, so each row is one line.
    """
    counts: dict[str, int] = {}
    table: str | None = None
    args = [pg_restore, "--data-only", "--file=-", str(path)]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            if table is not None:
                if line == b"\\.\n":
                    table = None
                else:
                    counts[table] += 1
            elif line.startswith(b"COPY ") and line.rstrip().endswith(b"FROM stdin;"):
                table = line[5:].split(b" (", 1)[0].split(b" FROM", 1)[0].decode()
                counts[table] = 0
        error = proc.stderr.read().decode(errors="replace").strip()
    if proc.returncode != 0:
        reason = error.splitlines()[-1] if error else f"exit status {proc.returncode}"
        raise BackupError(f"the archive cannot be read back: {reason}")
    return counts


def restore_postgres(
    source: Path, settings_dict: dict[str, Any], force: bool, progress: Progress
) -> Report:
    """pg_restore `source` in one transaction, after checking the archive and the target."""
    target = PgTarget.from_settings(settings_dict)
    pg_restore = _tool("pg_restore")
    started = time.monotonic()
    progress(f"Checking {source} …")
    expected = dump_row_counts(pg_restore, source)
    try:
        with target.connect() as conn:
            rows = _pg_data_rows(conn)
            has_tables = bool(pg_row_counts(conn))
    except _psycopg_error() as exc:
        raise BackupError(f"PostgreSQL: {str(exc).strip().splitlines()[0]}") from None
    refuse_unless_empty(rows, settings_dict["NAME"], force)
    progress(f"Restoring into {settings_dict['NAME']} with pg_restore …")
    args = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    # Tables a migrate made (or forced-over data) are dropped and recreated from the archive.
    args += ["--clean", "--if-exists"] if has_tables else []
    target.run([*args, "--no-password", f"--dbname={target.conninfo}", str(source)])
    with target.connect() as conn:
        found = {table: count for table, count in pg_row_counts(conn).items() if table in expected}
    if problem := _mismatch(expected, found):
        raise BackupError(f"the restored database differs from the backup: {problem}")
    return _report(source, "postgresql", found, started)


def _pg_data_rows(conn: Any) -> dict[str, int]:
    present = {
        name
        for (name,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    }
    return {
        table: conn.execute(f"SELECT count(*) FROM public.{table}").fetchone()[0]
        for table in DATA_TABLES
        if table in present
    }
