"""The ten public post-incident documents in ../shared/eval/docs, imported into the database.

Read at run time, never copied here; skipped when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from review_markdown.eval_docs import FILES, NEEDS_EVAL_DOCS

from unblame.reviews.mdio import TEMPLATE_SECTIONS, parse_markdown
from unblame.reviews.mdio.export import export_review
from unblame.reviews.mdio.frontmatter import split_front_matter
from unblame.reviews.mdio.importer import import_review
from unblame.reviews.mdio.parse import top_level_headings

pytestmark = NEEDS_EVAL_DOCS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_becomes_an_incident_whose_review_keeps_every_line(path: Path, editor) -> None:
    text = path.read_text(encoding="utf-8")
    result = import_review(text, editor, default_title=path.stem)
    explain = "\n  ".join(["summary:", *result.summary])
    sections = list(result.review.sections.all())
    bodies = "\n".join(section.body for section in sections)
    titles = {result.incident.title, *(section.title for section in sections)}
    body = split_front_matter(text.replace("\r\n", "\n")).body
    markup = set()
    for heading in top_level_headings(body):
        if heading.title in titles:
            markup.update(range(heading.start, heading.end))
    lost = [
        line
        for number, line in enumerate(body.split("\n"))
        if line.strip() and number not in markup and line not in bodies
    ]
    assert lost == [], explain
    assert set(TEMPLATE_SECTIONS) <= {section.key for section in sections}, explain


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_its_export_then_round_trips_exactly(path: Path, editor) -> None:
    result = import_review(path.read_bytes(), editor)
    exported = export_review(result.review)
    assert parse_markdown(exported).front_matter == "unblame"
    assert export_review(import_review(exported, editor).review) == exported
