"""`unblame review export` is audited like a download from the web app."""

from __future__ import annotations

from unblame.accounts.models import AuditEntry
from unblame.cli import main


def test_an_export_to_a_file_is_audited_with_no_actor(written, incident, tmp_path, capsys):
    target = tmp_path / "review.md"
    assert main(["review", "export", str(incident.pk), "-o", str(target)]) == 0
    entry = AuditEntry.objects.get(action="export")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        None,
        "incidents.incident",
        str(incident.pk),
    )
    assert entry.after == {"via": "command line", "format": "markdown", "file": "review.md"}


def test_an_export_to_stdout_is_audited_too(written, incident, capsys):
    assert main(["review", "export", str(incident.pk), "--format", "html"]) == 0
    assert AuditEntry.objects.get(action="export").after["file"] == "stdout"


def test_a_failed_export_is_not_audited(db, capsys):
    assert main(["review", "export", "424242"]) == 2
    assert not AuditEntry.objects.filter(action="export").exists()
