"""Property tests: unblame's own Markdown format reads back exactly what was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from unblame.reviews.mdio import ReviewDocument, Section, parse_markdown, render_markdown

from .strategies import BODY, PROPERTY, documents


@PROPERTY
@given(documents())
def test_parsing_a_rendered_document_gives_the_document_back(document: ReviewDocument) -> None:
    text = render_markdown(document)
    # Line endings are the only thing rendering changes.
    assert render_markdown(document.canonical()) == text
    result = parse_markdown(text)
    assert result.document == document.canonical()
    assert result.warnings == []


@PROPERTY
@given(documents())
def test_rendering_a_parsed_export_gives_the_same_bytes(document: ReviewDocument) -> None:
    text = render_markdown(document)
    assert render_markdown(parse_markdown(text).document) == text


@PROPERTY
@given(documents())
def test_the_export_reads_back_from_bytes_with_crlf_line_endings(document: ReviewDocument) -> None:
    text = render_markdown(document)
    crlf = text.replace("\n", "\r\n").encode()
    assert render_markdown(parse_markdown(crlf).document) == text


@PROPERTY
@given(st.lists(BODY, min_size=1, max_size=5))
def test_any_body_survives_whatever_its_neighbours_hold(bodies: list[str]) -> None:
    sections = [Section(key=f"s{n}", title=f"Part {n}", body=b) for n, b in enumerate(bodies)]
    document = ReviewDocument(sections=sections)
    parsed = parse_markdown(render_markdown(document)).document
    assert [s.body for s in parsed.sections] == [s.body for s in document.canonical().sections]
