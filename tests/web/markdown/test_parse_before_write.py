"""A file is parsed before any transaction opens: a slow or hostile file never holds the database.

A billion-laughs file once held SQLite's write lock for 29 s while it was
expanded, so another person's save failed with "database is locked".
"""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test import Client

from unblame.cli import main
from unblame.incidents.models import Incident
from unblame.reviews.mdio import importer

REVIEW = "# Disk full\n\n## Impact\n\nBuilds failed.\n"


pytestmark = pytest.mark.django_db


def opened_transactions() -> int:
    """Atomic blocks open now beyond the one each test runs in."""
    return len(connection.atomic_blocks) - BASELINE[0]


BASELINE = [0]


@pytest.fixture(autouse=True)
def baseline():
    BASELINE[0] = len(connection.atomic_blocks)


@pytest.fixture
def seen_in_transaction(monkeypatch):
    """Whether each parse ran inside a transaction, in order."""
    seen: list[bool] = []
    real = importer.parse_markdown

    def parse(source):
        seen.append(opened_transactions() > 0)
        return real(source)

    monkeypatch.setattr(importer, "parse_markdown", parse)
    return seen


def test_the_web_import_parses_outside_any_transaction(seen_in_transaction):
    from cast import editor

    client = Client()
    client.force_login(editor())
    upload = io.BytesIO(REVIEW.encode())
    upload.name = "disk.md"
    preview = client.post("/incidents/import/", {"file": upload})
    assert preview.status_code == 200, preview.content.decode()[:500]
    assert seen_in_transaction and not any(seen_in_transaction)


def test_the_command_line_parses_every_file_before_writing(tmp_path, monkeypatch):
    import unblame.reviews.mdio as mdio

    seen: list[bool] = []
    real = mdio.parse_markdown

    def parse(source):
        seen.append(opened_transactions() > 0)
        return real(source)

    monkeypatch.setattr(mdio, "parse_markdown", parse)
    paths = [tmp_path / "a.md", tmp_path / "b.md"]
    for path in paths:
        path.write_text(REVIEW, encoding="utf-8")
    assert main(["review", "import", "-q", *map(str, paths)]) == 0
    assert seen == [False, False]
    assert Incident.objects.filter(title="Disk full").count() == 2


def test_a_refused_file_writes_nothing_and_takes_no_lock(seen_in_transaction):
    from cast import editor

    from unblame.reviews.mdio.document import MarkdownFormatError

    bomb = "---\na: &a [x, x]\nb: [*a, *a]\n---\n\n## Impact\n\nx\n"
    with pytest.raises(MarkdownFormatError):
        importer.import_review(bomb, editor())
    assert seen_in_transaction == [False]
    assert not Incident.objects.exists()


def test_the_probe_sees_a_transaction_the_code_opens():
    from django.db import transaction

    assert opened_transactions() == 0
    with transaction.atomic():
        assert opened_transactions() == 1
