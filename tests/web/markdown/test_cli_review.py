"""`unblame review import` and `unblame review export`, run in-process and once for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from unblame.cli import main
from unblame.incidents.models import Incident
from unblame.reviews.mdio.export import export_review

FOREIGN = "# DNS record vanished\n\n## Summary\n\nBuilds failed.\n\n## Next steps\n\n- Pin TTLs.\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_import_prints_each_id_and_what_went_where(db, tmp_path, capsys) -> None:
    first = write(tmp_path, "a.md", FOREIGN)
    second = write(tmp_path, "b.md", FOREIGN.replace("DNS record vanished", "Disk full"))
    assert main(["review", "import", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    ids = [line.split("\t")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert ids == [str(i.pk) for i in Incident.objects.order_by("pk")]
    assert f"\tcreated\t{first}\tDNS record vanished" in out
    assert "    line 7 'Next steps' → action_items" in out


def test_import_quietly_prints_only_the_ids(db, tmp_path, capsys) -> None:
    assert main(["review", "import", "-q", str(write(tmp_path, "a.md", FOREIGN))]) == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_export_writes_the_review_to_stdout_or_a_file(written, incident, tmp_path, capsys):
    assert main(["review", "export", str(incident.pk)]) == 0
    assert capsys.readouterr().out == export_review(written)
    target = tmp_path / "review.md"
    assert main(["review", "export", str(incident.pk), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == export_review(written)


def test_export_as_html(written, incident, capsys) -> None:
    assert main(["review", "export", str(incident.pk), "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!doctype html>")


def test_an_export_imported_back_changes_nothing(written, incident, tmp_path, capsys) -> None:
    path = tmp_path / "review.md"
    assert main(["review", "export", str(incident.pk), "-o", str(path)]) == 0
    assert main(["review", "import", str(path)]) == 0
    assert f"{incident.pk}\tupdated\t{path}" in capsys.readouterr().out
    assert export_review(incident.review) == path.read_text(encoding="utf-8")


def test_a_missing_file_is_one_line_and_exit_2(db, tmp_path, capsys) -> None:
    assert main(["review", "import", str(tmp_path / "nope.md")]) == 2
    assert (
        capsys.readouterr().err
        == f"unblame review: {tmp_path / 'nope.md'}: no such file or directory\n"
    )


def test_a_malformed_file_stops_the_whole_batch(db, tmp_path, capsys) -> None:
    good = write(tmp_path, "good.md", FOREIGN)
    bad = write(tmp_path, "bad.md", "+++\ntitle = \n+++\n")
    assert main(["review", "import", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"unblame review: {bad}: line 2: front matter is not valid TOML")
    assert err.count("\n") == 1
    assert not Incident.objects.exists()


def test_a_refused_import_rolls_back_the_files_before_it(db, tmp_path, capsys) -> None:
    good = write(tmp_path, "good.md", FOREIGN)
    bad = write(tmp_path, "bad.md", "---\nunblame: 1\nincident:\n  status: finished\n---\n")
    assert main(["review", "import", str(good), str(bad)]) == 2
    assert "nothing was imported" in capsys.readouterr().err
    assert not Incident.objects.exists()


def test_a_binary_file_is_refused(db, tmp_path, capsys) -> None:
    path = write(tmp_path, "x.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["review", "import", str(path)]) == 2
    assert "binary file" in capsys.readouterr().err


def test_an_unknown_id_is_one_line_and_exit_2(db, capsys) -> None:
    assert main(["review", "export", "999"]) == 2
    assert capsys.readouterr().err == "unblame review: no incident 999\n"


def test_an_incident_without_a_review_says_so(incident, capsys) -> None:
    assert main(["review", "export", str(incident.pk)]) == 2
    assert "has no review yet" in capsys.readouterr().err


def test_import_as_a_viewer_is_refused(viewer, tmp_path, capsys) -> None:
    path = write(tmp_path, "a.md", FOREIGN)
    assert main(["review", "import", "--user", "vic", str(path)]) == 2
    assert "importing needs an editor" in capsys.readouterr().err


def test_import_as_a_named_editor_records_them(editor, tmp_path, capsys) -> None:
    path = write(tmp_path, "a.md", FOREIGN)
    assert main(["review", "import", "--user", "ed", str(path)]) == 0
    assert Incident.objects.get().review.created_by == editor


def test_the_installed_command_uses_the_data_dir(tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("UNBLAME_DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["UNBLAME_DATA_DIR"] = str(tmp_path / "data")
    unblame = [sys.executable, "-m", "unblame.cli"]
    source = write(tmp_path, "dns.md", FOREIGN)
    imported = subprocess.run(
        [*unblame, "review", "import", "-q", str(source)], env=env, capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr
    incident_id = imported.stdout.split("\t")[0]
    exported = subprocess.run(
        [*unblame, "review", "export", incident_id], env=env, capture_output=True, text=True
    )
    assert exported.returncode == 0, exported.stderr
    assert "title: DNS record vanished" in exported.stdout
    assert (tmp_path / "data" / "unblame.sqlite3").exists()


def test_import_refuses_a_chat_transcript_pointing_to_chat_import(db, tmp_path, capsys) -> None:
    from unblame.incidents.models import Incident

    transcript = write(tmp_path, "chat.txt", "[12:01] dana: rolling back\n")
    assert main(["review", "import", str(transcript)]) == 2
    err = capsys.readouterr().err
    assert "chat.txt: not a review" in err
    assert "Import chat on its incident's page; nothing was imported" in err
    assert not Incident.objects.exists()
