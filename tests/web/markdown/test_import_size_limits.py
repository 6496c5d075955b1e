"""A review file past the Markdown limits is refused on every way in, with one line, unparsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from unblame.cli import main
from unblame.incidents.models import Incident
from unblame.reviews.mdio import parse as parse_module
from unblame.reviews.mdio.parse import MAX_HEADED_LINES, MAX_SECTIONS

IMPORT = reverse("review_markdown:import")
FIFTY_THOUSAND_HEADINGS = ("## Notes\n" * 50_000).encode()
TOO_MANY_SECTIONS = ("## Notes\n\ntext\n" * (MAX_SECTIONS + 1)).encode()


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """The line counts markdown-it was asked to read, in order."""
    seen: list[int] = []
    real = parse_module._MD.parse

    def counted(src, env=None):
        seen.append(src.count("\n") + 1)
        return real(src, env)

    monkeypatch.setattr(parse_module._MD, "parse", counted)
    return seen


def test_the_import_page_refuses_fifty_thousand_headings_unparsed(as_editor, parses) -> None:
    upload = SimpleUploadedFile("big.md", FIFTY_THOUSAND_HEADINGS, "text/markdown")
    response = as_editor.post(IMPORT, {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"read up to {MAX_HEADED_LINES:,} lines" in page
    assert parses == []
    assert not Incident.objects.exists()


def test_the_import_page_refuses_too_many_sections(as_editor) -> None:
    upload = SimpleUploadedFile("many.md", TOO_MANY_SECTIONS, "text/markdown")
    response = as_editor.post(IMPORT, {"file": upload})
    assert response.status_code == 400
    assert f"a review holds at most {MAX_SECTIONS}" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.parametrize("content", [FIFTY_THOUSAND_HEADINGS, TOO_MANY_SECTIONS])
def test_the_command_line_import_answers_one_line_and_exit_2(
    content: bytes, db, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(content)
    assert main(["review", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"unblame review: {path}: line ")
    assert err.count("\n") == 1
    assert not Incident.objects.exists()


def test_review_check_answers_one_line_and_exit_2(tmp_path: Path, capsys, parses) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(FIFTY_THOUSAND_HEADINGS)
    assert main(["review", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lines long" in err
    assert err.count("\n") == 1
    assert parses == []
