"""Every review in samples/ imports, and a foreign `status` that is the document's is kept.

The samples are reviews written elsewhere (YAML, TOML or no front matter);
their `status: draft` or `published` is the review document's state, not the
incident's, so it is kept as metadata instead of refusing the file. Our own
format still refuses a status it does not know (test_markdown_import_rules).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unblame.cli import main
from unblame.incidents.models import Incident, Status
from unblame.reviews.mdio import parse_markdown
from unblame.reviews.mdio.fields import INCIDENT_STATUSES
from unblame.reviews.mdio.importer import import_review

SAMPLES = sorted((Path(__file__).parents[3] / "samples").glob("*.md"))
REVIEWS = [path for path in SAMPLES if path.name != "README.md"]


def test_there_are_sample_reviews_to_import() -> None:
    assert len(REVIEWS) >= 3


@pytest.mark.parametrize("path", REVIEWS, ids=lambda p: p.name)
def test_each_sample_imports_as_an_incident_with_its_sections(path: Path, editor) -> None:
    result = import_review(path.read_bytes(), editor, default_title=path.stem)
    keys = set(result.review.sections.values_list("key", flat=True))
    assert {"summary", "impact", "timeline", "action_items"} <= keys
    assert result.incident.status == Status.RESOLVED
    assert result.review.sections.get(key="summary").body.strip()


def test_the_command_line_imports_every_sample_at_once(db, capsys) -> None:
    assert main(["review", "import", "-q", *map(str, REVIEWS)]) == 0
    assert Incident.objects.count() == len(REVIEWS)
    assert len(capsys.readouterr().out.splitlines()) == len(REVIEWS)


@pytest.mark.parametrize("path", REVIEWS, ids=lambda p: p.name)
def test_each_sample_passes_review_check_reading(path: Path) -> None:
    # The parser alone (what `unblame review check` reads) finds review sections.
    parsed = parse_markdown(path.read_bytes())
    assert {"summary", "timeline"} <= parsed.heading_keys


@pytest.mark.parametrize(
    "fence, line",
    [("---", "status: draft"), ("---", "status: published"), ("+++", 'status = "in review"')],
)
def test_a_foreign_document_status_is_kept_as_metadata(fence: str, line: str, editor) -> None:
    text = f"{fence}\ntitle: T\n{line}\n{fence}\n\n## Summary\n\nx\n"
    text = text.replace("title: T", 'title = "T"') if fence == "+++" else text
    parsed = parse_markdown(text)
    assert parsed.document.incident.status == ""
    assert "status" in parsed.document.meta
    assert any("is not an incident status" in note for note in parsed.mapping_summary)
    result = import_review(parsed, editor)
    assert result.incident.status == Status.RESOLVED
    front = result.review.sections.get(key="front-matter").body
    assert "status:" in front


@pytest.mark.parametrize("value, expected", [("Monitoring", "monitoring"), ("closed", "closed")])
def test_a_foreign_incident_status_is_taken_whatever_its_case(value, expected, editor) -> None:
    text = f"---\ntitle: T\nstatus: {value}\n---\n\n## Summary\n\nx\n"
    parsed = parse_markdown(text)
    assert parsed.document.incident.status == expected
    assert "status" not in parsed.document.meta
    assert import_review(parsed, editor).incident.status == expected


def test_the_parser_knows_the_same_statuses_as_the_incident_model() -> None:
    assert tuple(Status.values) == INCIDENT_STATUSES
