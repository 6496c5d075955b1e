"""A portable copy of unblame's data: one JSON-lines file per table, and its import.

For moving between SQLite and PostgreSQL (or keeping a copy any future version
can read), where `dumpdata` is no use at size: it builds every object in
memory and had not finished after 500 s at 100,000 incidents.

`export_data(folder)` reads one snapshot (a deferred read transaction on
SQLite, REPEATABLE READ on PostgreSQL; writers carry on), streams every
Django model's table in primary-key order in chunks, writes each row as one
JSON object of column values, and finishes with `manifest.json`: the format
version, the migrations the data is at, and each file's row count and SHA-256.
Memory stays flat whatever the size. It writes into a hidden sibling folder
renamed to `folder` only when complete.

`import_data(folder)` checks the manifest, brings an empty database to the
export's migrations, replaces the rows migrate created (default severities,
content types, …) with the exported ones, inserting in batches inside one
transaction (foreign keys are checked at commit; any count or checksum that
does not match the manifest rolls everything back), resets sequences, and
then migrates to this version's schema.

Tables that are not Django models are left out: the task queue's (transient)
and the search index's full-text shadow tables, which their triggers rebuild
as the search entries are inserted.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from unblame import __version__
from unblame.server.backup import BackupError, BackupInputError, Progress, refuse_unless_empty

FORMAT = "unblame-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 2000


@dataclass(frozen=True)
class Summary:
    folder: Path
    tables: dict[str, int]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "seconds": round(self.seconds, 3),
            "rows": self.rows,
            "tables": self.tables,
        }


def _silent(message: str) -> None:
    pass


def copied_models() -> list[Any]:
    """Every model with a table of its own, many-to-many link tables included."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def columns(model: Any) -> list[Any]:
    return list(model._meta.local_concrete_fields)


# --- values to JSON and back ----------------------------------------------------------------


def encode(value: Any) -> Any:
    """What json cannot write itself, as text each field's to_python reads back exactly."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()  # microseconds kept (DjangoJSONEncoder drops them)
    if isinstance(value, dt.timedelta):
        from django.utils.duration import duration_iso_string

        return duration_iso_string(value)
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot export a {type(value).__name__}")


def decode(model: Any, row: dict[str, Any]) -> Any:
    """A model instance from one exported row (unknown columns refused by the constructor)."""
    values = {}
    for field in columns(model):
        if field.attname in row:
            value = row[field.attname]
            # JSON columns hold exactly what was exported; to_python would re-read strings.
            is_json = field.get_internal_type() == "JSONField"
            values[field.attname] = value if is_json or value is None else field.to_python(value)
    return model(**values)


# --- export ---------------------------------------------------------------------------------


def export_data(folder: Path, progress: Progress = _silent) -> Summary:
    """Write every table to `folder` (which must not exist yet) from one snapshot."""
    from django.db import connection

    folder = folder.absolute()
    if folder.exists():
        raise BackupInputError(f"{folder} already exists; name a new folder")
    if not folder.parent.is_dir():
        raise BackupInputError(f"{folder.parent}: no such directory")
    _require_current_schema(connection)
    started = time.monotonic()
    staging = Path(
        tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent)
    )
    try:
        with _snapshot(connection):
            tables = [_export_model(model, staging, progress) for model in copied_models()]
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "unblame": __version__,
                "engine": connection.vendor,
                "created": dt.datetime.now(dt.UTC).isoformat(),
                "migrations": _applied_migrations(connection),
                "tables": tables,
            }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = {entry["model"]: entry["rows"] for entry in tables}
    return Summary(folder, counts, time.monotonic() - started)


def _require_current_schema(connection: Any) -> None:
    """The models describe the tables only once every migration of this version is applied."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupInputError(
            "the database is not at this version's schema yet; run `unblame manage migrate` "
            "(or restart unblame serve, which migrates) and export again"
        )


@contextmanager
def _snapshot(connection: Any) -> Iterator[None]:
    """Every read inside sees the database at one moment, without blocking writers."""
    from django.db import transaction

    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    # SQLite: Django's atomic() would BEGIN IMMEDIATE and hold the write lock for the
    # whole export; a deferred transaction is a read snapshot, and writers go on (WAL).
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("COMMIT")


def _export_model(model: Any, folder: Path, progress: Progress) -> dict[str, Any]:
    label = model._meta.label_lower
    names = [field.attname for field in columns(model)]
    path = folder / f"{label}.jsonl"
    digest, rows = hashlib.sha256(), 0
    query = model._base_manager.order_by("pk").values_list(*names)
    with path.open("wb") as out:
        for values in query.iterator(chunk_size=CHUNK):
            line = json.dumps(dict(zip(names, values, strict=True)), default=encode)
            data = line.encode() + b"\n"
            out.write(data)
            digest.update(data)
            rows += 1
    progress(f"  {label}: {rows:,} rows")
    return {
        "model": label,
        "table": model._meta.db_table,
        "file": path.name,
        "rows": rows,
        "sha256": digest.hexdigest(),
    }


def _applied_migrations(connection: Any) -> dict[str, list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


# --- import ---------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an export folder, or BackupInputError saying why it is not one."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise BackupInputError(f"{folder}: no such folder")
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupInputError(f"{folder} has no {MANIFEST}; is it from unblame export?") from None
    except (ValueError, OSError) as exc:
        raise BackupInputError(f"{path} cannot be read: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupInputError(f"{path} is not an unblame export manifest")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupInputError(
            f"{folder} is export format {manifest.get('version')}; this unblame reads "
            f"format {FORMAT_VERSION} (import it with the version that made it)"
        )
    if not _well_formed(manifest):
        raise BackupInputError(f"{path} is incomplete or damaged; export again")
    return manifest


def _well_formed(manifest: dict[str, Any]) -> bool:
    """Every table entry names a model, a plain file name, its rows and checksum."""
    tables, migrations = manifest.get("tables"), manifest.get("migrations")
    if not isinstance(tables, list) or not isinstance(migrations, dict):
        return False
    shape = {"model": str, "file": str, "rows": int, "sha256": str}
    return all(
        isinstance(entry, dict)
        and all(isinstance(entry.get(key), kind) for key, kind in shape.items())
        and Path(entry["file"]).name == entry["file"]
        for entry in tables
    ) and all(
        isinstance(names, list) and all(isinstance(n, str) for n in names)
        for names in migrations.values()
    )


def import_data(folder: Path, progress: Progress = _silent) -> Summary:
    """Import an export into an empty database; all or nothing."""
    from django.apps import apps
    from django.db import DatabaseError, connection, transaction

    started = time.monotonic()
    manifest = read_manifest(folder)
    models = {}
    for entry in manifest["tables"]:
        try:
            models[entry["model"]] = apps.get_model(entry["model"])
        except LookupError:
            raise BackupInputError(
                f"{folder} holds {entry['model']}, which this unblame does not know"
            ) from None
    progress("Bringing the database to the export's migrations …")
    _migrate_to(connection, manifest["migrations"])
    refuse_unless_empty(_data_rows(), connection.settings_dict["NAME"], force=False)
    counts: dict[str, int] = {}
    try:
        with transaction.atomic():
            for model in copied_models():
                _empty(connection, model)
            for entry in manifest["tables"]:
                # Rows a trigger wrote while earlier tables came in (SQLite marks
                # insights' kept minutes stale on every rollup insert) give way to the
                # exported ones; for any other table this finds nothing to delete.
                _empty(connection, models[entry["model"]])
                counts[entry["model"]] = _import_file(folder, entry, models[entry["model"]])
                progress(f"  {entry['model']}: {counts[entry['model']]:,} rows")
            _reset_sequences(connection, list(models.values()))
    except DatabaseError as exc:
        # Foreign keys are checked at commit: a row pointing nowhere ends here.
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BackupError(
            f"the data does not fit the database, nothing was imported: {first}"
        ) from None
    return Summary(folder.absolute(), counts, time.monotonic() - started)


def _data_rows() -> dict[str, int]:
    from django.apps import apps

    user, incident = apps.get_model("accounts.user"), apps.get_model("incidents.incident")
    return {
        "accounts_user": user._base_manager.count(),
        "incidents_incident": incident._base_manager.count(),
    }


def _migrate_to(connection: Any, migrations: dict[str, list[str]]) -> None:
    """Apply (or unapply) migrations until the schema is the one the export was taken at."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    known = executor.loader.graph.nodes
    targets = []
    for app in sorted(executor.loader.migrated_apps):
        names = migrations.get(app, [])
        unknown = [name for name in names if (app, name) not in known]
        if unknown:
            raise BackupInputError(
                f"the export is at migration {app}.{unknown[-1]}, which this unblame does "
                "not have; import it with the same or a newer version"
            )
        leaves = [name for name in names if not _has_applied_child(executor, app, name, names)]
        targets += [(app, name) for name in leaves] or [(app, None)]
    plan = executor.migration_plan(targets)
    if plan:
        executor.migrate(targets, plan=plan)


def _has_applied_child(executor: Any, app: str, name: str, names: list[str]) -> bool:
    node = executor.loader.graph.node_map[(app, name)]
    return any(child.key[0] == app and child.key[1] in names for child in node.children)


def _empty(connection: Any, model: Any) -> None:
    """Delete every row (default rows migrate made), without cascading through the ORM."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")


def _import_file(folder: Path, entry: dict[str, Any], model: Any) -> int:
    from django.db import connection

    path = folder / entry["file"]
    fields = columns(model)
    digest, rows, batch = hashlib.sha256(), 0, []
    try:
        with path.open("rb") as lines:
            for line in lines:
                digest.update(line)
                batch.append(decode(model, json.loads(line)))
                rows += 1
                if len(batch) >= CHUNK:
                    _insert(connection, model, fields, batch)
                    batch = []
    except FileNotFoundError:
        raise BackupError(f"{path} is missing") from None
    except (ValueError, TypeError) as exc:
        raise BackupError(f"{path}, row {rows + 1}: {exc}") from None
    _insert(connection, model, fields, batch)
    if rows != entry["rows"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            f"{path} holds {rows:,} rows where the manifest says {entry['rows']:,}, or was "
            "changed since the export; nothing was imported"
        )
    return rows


def _insert(connection: Any, model: Any, fields: list[Any], objs: list[Any]) -> None:
    """Insert rows as they are: raw, so auto_now and defaults do not rewrite exported values."""
    size = max(1, connection.ops.bulk_batch_size(fields, objs) or len(objs))
    for start in range(0, len(objs), size):
        model._base_manager._insert(
            objs[start : start + size], fields=fields, raw=True, using=connection.alias
        )


def _reset_sequences(connection: Any, models: list[Any]) -> None:
    """PostgreSQL's id sequences continue after the imported ids (SQLite does this itself)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
