"""Reviews written elsewhere: the ten public post-incident documents in ../shared/eval/docs.

They are read at run time and never copied here; the tests skip when the
folder is absent. Each must parse, lose nothing, and map its usual sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unblame.reviews.mdio import ParseResult, parse_markdown, render_markdown
from unblame.reviews.mdio.frontmatter import plain, split_front_matter

from .eval_docs import FILES, NEEDS_EVAL_DOCS
from .lost import lost_lines

pytestmark = NEEDS_EVAL_DOCS


def _explain(result: ParseResult) -> str:
    return "mapping summary:\n  " + "\n  ".join(result.mapping_summary + result.warnings)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_reads_the_review_without_losing_a_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = parse_markdown(text)
    assert lost_lines(text, result) == [], _explain(result)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_keeps_every_front_matter_field(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = parse_markdown(text)
    document = result.document
    for key, value in plain(split_front_matter(text).data).items():
        if key == "title":
            assert value in (document.title, document.meta.get("title")), _explain(result)
        else:
            assert document.meta[key] == value, _explain(result)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_finds_a_title_a_summary_and_a_line_for_every_section(path: Path) -> None:
    result = parse_markdown(path.read_bytes())
    document = result.document
    assert document.title.strip(), _explain(result)
    assert document.section("summary") is not None, _explain(result)
    assert document.section("summary").body.strip(), _explain(result)
    # Every section is accounted for in the summary, by its key.
    for section in document.sections:
        assert any(section.key in note for note in result.mapping_summary), _explain(result)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_its_export_then_round_trips_exactly(path: Path) -> None:
    result = parse_markdown(path.read_bytes())
    exported = render_markdown(result.document)
    again = parse_markdown(exported)
    assert again.document == result.document
    assert render_markdown(again.document) == exported


def test_the_usual_sections_map_to_the_template() -> None:
    mapped: dict[str, set[str]] = {}
    for path in FILES:
        result = parse_markdown(path.read_bytes())
        for section in result.document.sections:
            if not section.is_extra:
                mapped.setdefault(section.key, set()).add(path.name)
    # Most of these reviews have a timeline and action items under some name.
    assert len(mapped.get("timeline", ())) >= 8, mapped
    assert len(mapped.get("action_items", ())) >= 8, mapped
    assert len(mapped.get("contributing_factors", ())) >= 4, mapped
    assert mapped.get("what_went_well") and mapped.get("where_we_got_lucky"), mapped


def test_subsections_under_lessons_learnt_become_their_own_sections() -> None:
    path = next((p for p in FILES if p.name.startswith("13-")), None)
    if path is None:
        pytest.skip("13-mybinder-no-logs.md is not here")
    result = parse_markdown(path.read_bytes())
    keys = [section.key for section in result.document.sections]
    expected = ["learnings", "what_went_well", "contributing_factors", "where_we_got_lucky"]
    assert keys[keys.index("learnings") : keys.index("learnings") + 4] == expected, _explain(result)
    timeline = result.document.section("timeline")
    # Timestamped subheadings stay inside the timeline.
    assert "### 2019-02-20 08:03" in timeline.body
