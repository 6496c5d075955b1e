"""`unblame export DIR` and `unblame import DIR`: a streamed, portable copy, between engines too."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from unblame.server import portable

from .conftest import AWKWARD


def _rows(folder: Path) -> dict[str, list[dict]]:
    """Every exported row, parsed (PostgreSQL's jsonb orders keys its own way)."""
    return {
        path.name: [json.loads(line) for line in path.read_text().splitlines()]
        for path in sorted(folder.glob("*.jsonl"))
    }


def test_export_then_import_into_the_other_engine_loses_nothing(installs, other_installs, tmp_path):
    target = other_installs.empty()

    installs.exported(tmp_path / "first")
    done = target.unblame("import", str(tmp_path / "first"), check=True)
    target.unblame("export", str(tmp_path / "again"), check=True)

    assert "Imported" in done.stdout
    first, again = _rows(tmp_path / "first"), _rows(tmp_path / "again")
    assert first.keys() == again.keys()
    for name, rows in first.items():
        assert again[name] == rows, name
    assert len(first["incidents.incident.jsonl"]) == 12
    # Rollup rows come across whole, hours out of working hours among them.
    responders = first["insights.responderfacts.jsonl"]
    assert responders and all("out_minutes" in row for row in responders)
    assert any(row["out_minutes"] for row in responders)
    sessions = {row["session_key"]: row for row in again["sessions.session.jsonl"]}
    assert sessions["awkward"]["session_data"] == AWKWARD
    assert sessions["awkward"]["expire_date"].startswith("2030-01-01T00:00:00.123456")


def test_the_imported_install_serves_and_takes_new_rows(installs, tmp_path):
    target = installs.empty()
    target.unblame("import", str(installs.exported(tmp_path / "e")), check=True)

    # Sequences continue after the imported ids: a new row does not collide.
    script = (
        "from unblame.incidents.models import Service\n"
        "print(Service.objects.create(name='after-import').pk)"
    )
    done = target.unblame("manage", "shell", "-c", script, check=True)
    largest = max(row["id"] for row in _rows(tmp_path / "e")["incidents.service.jsonl"])
    assert int(done.stdout.split()[-1]) > largest


def test_the_manifest_lists_every_file_with_its_rows_and_checksum(installs):
    folder = installs.demo_export()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["format"] == "unblame-export" and manifest["version"] == 1
    files = {entry["file"]: entry for entry in manifest["tables"]}
    assert set(files) == {path.name for path in folder.glob("*.jsonl")}
    assert files["incidents.incident.jsonl"]["rows"] == 12
    assert "0001_initial" in manifest["migrations"]["incidents"]
    # It holds password hashes and sessions: for its owner only.
    assert folder.stat().st_mode & 0o077 == 0


def test_import_refuses_a_database_that_holds_data(installs, tmp_path):
    target = installs.demo()
    done = target.unblame("import", str(installs.exported(tmp_path / "e")))
    assert done.returncode == 2
    assert "already holds data" in done.stderr


def test_a_file_changed_since_the_export_imports_nothing(installs, tmp_path):
    target = installs.empty()
    installs.exported(tmp_path / "e")
    events = tmp_path / "e" / "incidents.timelineevent.jsonl"
    events.write_text("".join(events.read_text().splitlines(keepends=True)[1:]))

    done = target.unblame("import", str(tmp_path / "e"))

    assert done.returncode == 1
    assert "incidents.timelineevent.jsonl holds" in done.stderr
    assert "nothing was imported" in done.stderr
    assert target.count("accounts_user") == 0 and target.count("incidents_incident") == 0


def test_a_row_pointing_nowhere_imports_nothing(installs, tmp_path):
    target = installs.empty()
    installs.exported(tmp_path / "e")
    folder = tmp_path / "e"
    (folder / "incidents.incident.jsonl").write_text("")
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["tables"]:
        if entry["model"] == "incidents.incident":
            entry["rows"], entry["sha256"] = 0, portable.hashlib.sha256(b"").hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))

    done = target.unblame("import", str(folder))

    assert done.returncode == 1
    assert "does not fit the database, nothing was imported" in done.stderr
    assert target.count("accounts_user") == 0


def test_an_export_from_a_newer_schema_is_refused(installs, tmp_path):
    target = installs.empty()
    installs.exported(tmp_path / "e")
    manifest_path = tmp_path / "e" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["migrations"]["incidents"].append("9999_from_the_future")
    manifest_path.write_text(json.dumps(manifest))

    done = target.unblame("import", str(tmp_path / "e"))

    assert done.returncode == 2
    assert "incidents.9999_from_the_future, which this unblame does not have" in done.stderr


@pytest.mark.parametrize(
    "damage",
    [
        lambda m: m.pop("tables"),
        lambda m: m["tables"][0].pop("sha256"),
        lambda m: m["tables"][0].update(file="../../etc/passwd"),
        lambda m: m["tables"][0].update(rows="12"),
        lambda m: m.update(migrations=["0001_initial"]),
    ],
    ids=["no tables", "no checksum", "a path", "rows as text", "migrations as a list"],
)
def test_a_damaged_manifest_is_refused_before_anything_changes(tmp_path, damage):
    folder = tmp_path / "e"
    folder.mkdir()
    manifest = {"format": "unblame-export", "version": 1, "migrations": {"incidents": []}}
    manifest["tables"] = [{"model": "incidents.incident", "file": "i.jsonl", "rows": 0}]
    manifest["tables"][0]["sha256"] = "0" * 64
    damage(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(portable.BackupInputError, match="incomplete or damaged"):
        portable.read_manifest(folder)


def test_a_well_formed_manifest_is_read(tmp_path):
    folder = tmp_path / "e"
    folder.mkdir()
    manifest = {"format": "unblame-export", "version": 1, "migrations": {"incidents": []}}
    manifest["tables"] = [
        {"model": "incidents.incident", "file": "i.jsonl", "rows": 0, "sha256": "0" * 64}
    ]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert portable.read_manifest(folder)["tables"][0]["file"] == "i.jsonl"


def test_import_of_a_folder_that_is_not_an_export_says_so(installs, tmp_path):
    (tmp_path / "notes").mkdir()
    done = installs.empty().unblame("import", str(tmp_path / "notes"))
    assert done.returncode == 2
    assert "has no manifest.json" in done.stderr


def test_export_refuses_a_folder_that_exists(installs, tmp_path):
    (tmp_path / "e").mkdir()
    done = installs.demo().unblame("export", str(tmp_path / "e"))
    assert done.returncode == 2
    assert "already exists" in done.stderr
    assert list((tmp_path / "e").iterdir()) == []


def test_a_failed_export_leaves_no_folder(db, tmp_path, monkeypatch):
    real, written = portable._export_model, []
    # The test already runs inside a transaction, which is snapshot enough; a
    # transactional test would flush the rows migrations made for later tests.
    monkeypatch.setattr(portable, "_snapshot", lambda connection: contextlib.nullcontext())

    def disk_fills(model, folder, progress):
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(model)
        return real(model, folder, progress)

    monkeypatch.setattr(portable, "_export_model", disk_fills)
    with pytest.raises(OSError, match="No space left"):
        portable.export_data(tmp_path / "e")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (dt.datetime(2026, 3, 4, 12, 0, 0, 123456, tzinfo=dt.UTC), "DateTimeField"),
        (dt.date(2026, 3, 4), "DateField"),
        (dt.timedelta(days=1, seconds=3, microseconds=7), "DurationField"),
        (Decimal("12.3400"), "DecimalField"),
        (uuid.UUID("12345678-1234-5678-1234-567812345678"), "UUIDField"),
        (b"\x00\xffbytes", "BinaryField"),
    ],
)
def test_values_json_cannot_hold_come_back_exactly(value, field):
    from django.db import models

    kinds = {"DecimalField": {"max_digits": 8, "decimal_places": 4}}
    column = getattr(models, field)(**kinds.get(field, {}))
    text = json.loads(json.dumps(value, default=portable.encode))
    back = column.to_python(text)
    assert (bytes(back) if field == "BinaryField" else back) == value


def test_a_value_it_cannot_write_is_refused_not_guessed():
    with pytest.raises(TypeError, match="cannot export a set"):
        portable.encode({1, 2})
