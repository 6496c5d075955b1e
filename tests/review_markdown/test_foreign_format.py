"""Reviews written elsewhere: headings mapped to the template, nothing dropped."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from unblame.reviews.mdio import MarkdownFormatError, parse_markdown, render_markdown
from unblame.reviews.mdio.titles import normalise_title, template_key

from .lost import lost_lines
from .strategies import AWKWARD_LINES, PROPERTY, SAFE_TEXT


def keys(text: str) -> list[str]:
    return [section.key for section in parse_markdown(text).document.sections]


def test_common_heading_names_map_to_template_sections() -> None:
    assert template_key("Root Cause(s)") == "contributing_factors"
    assert template_key("2. Root cause of the outage:") == "contributing_factors"
    assert template_key("What didn’t go so well?") == "contributing_factors"
    assert template_key("Follow-ups") == "action_items"
    assert template_key("Follow ups") == "action_items"
    assert template_key("Next steps") == "action_items"
    assert template_key("**Corrective actions**") == "action_items"
    assert template_key("Executive Summary") == "summary"
    assert template_key("Customer impact") == "impact"
    assert template_key("Timeline (all times UTC)") == "timeline"
    assert template_key("Lessons learnt") == "learnings"
    assert template_key("Where we got lucky") == "where_we_got_lucky"
    assert template_key("What surprised us") == "what_surprised_us"


def test_a_heading_is_matched_as_a_whole_not_by_a_word_in_it() -> None:
    assert template_key("Follow-up timeline") is None
    assert template_key("Impact on the roadmap") is None
    assert normalise_title("  3) Timeline   of events ") == "timeline of events"


def test_a_hash_line_in_a_code_block_is_not_a_heading() -> None:
    text = (
        "# Outage\n\n## Summary\n\n```sh\n# restart the pods\n## twice\n```\n\n## Timeline\n\nx\n"
    )
    document = parse_markdown(text).document
    assert [s.key for s in document.sections] == ["summary", "timeline"]
    assert "# restart the pods" in document.section("summary").body


def test_setext_headings_are_headings() -> None:
    text = "Summary\n=======\n\nIt broke.\n\nAction items\n============\n\n- fix it\n"
    assert keys(text) == ["summary", "action_items"]


def test_unknown_sections_are_kept_in_order_as_extra_sections() -> None:
    text = "## Summary\n\na\n\n## Leadup\n\nb\n\n## Timeline\n\nc\n\n## Fault\n\nd\n"
    result = parse_markdown(text)
    assert keys(text) == ["summary", "leadup", "timeline", "fault"]
    assert result.document.section("fault").body == "d"
    assert "line 13 'Fault' → kept as extra section 'fault'" in result.mapping_summary


def test_a_second_section_with_the_same_meaning_is_kept_as_an_extra_section() -> None:
    text = "## Root causes\n\na\n\n## What went wrong\n\nb\n"
    result = parse_markdown(text)
    assert keys(text) == ["contributing_factors", "what-went-wrong"]
    assert "(contributing_factors is already mapped)" in result.mapping_summary[-1]


def test_text_before_the_first_heading_becomes_the_summary_when_there_is_none() -> None:
    result = parse_markdown(
        "On Monday the DNS record vanished.\n\n## Resolution\n\nIt came back.\n"
    )
    assert result.document.section("summary").body == "On Monday the DNS record vanished."
    assert result.mapping_summary[0] == "text before the first heading → summary"


def test_text_before_the_first_heading_is_an_introduction_when_there_is_a_summary() -> None:
    text = "(from a template)\n\n## Summary\n\nIt broke.\n"
    assert keys(text) == ["introduction", "summary"]


def test_a_single_first_level_heading_is_the_title() -> None:
    document = parse_markdown("# 2019-02-20, no logs\n\n## Summary\n\nx\n").document
    assert document.title == "2019-02-20, no logs"


def test_with_several_first_level_headings_each_is_a_section() -> None:
    text = "---\ntitle: Outage\n---\n# Summary\n\nx\n\n# Timeline\n\n## 10:00\n\ny\n"
    document = parse_markdown(text).document
    assert document.title == "Outage"
    assert [s.key for s in document.sections] == ["summary", "timeline"]
    assert document.section("timeline").body == "## 10:00\n\ny"


def test_toml_front_matter_is_read() -> None:
    text = (
        '+++\ntitle = "Disk full"\nseverity = "SEV3"\n[extra]\nteam = "infra"\n+++\n\nIt filled.\n'
    )
    result = parse_markdown(text)
    assert result.front_matter == "toml"
    assert result.document.title == "Disk full"
    assert result.document.incident.severity == "SEV3"
    assert result.document.meta == {"extra": {"team": "infra"}}


def test_yaml_dates_in_foreign_front_matter_are_kept_as_text() -> None:
    result = parse_markdown("---\ndate: 2023-07-21\nservices: [crates, docs]\n---\nx\n")
    assert result.document.meta == {"date": "2023-07-21"}
    assert result.document.incident.services == ["crates", "docs"]


def test_a_front_matter_title_that_differs_from_the_heading_is_kept() -> None:
    document = parse_markdown("---\ntitle: Blog title\n---\n# Heading title\n\nx\n").document
    assert document.title == "Blog title"
    assert document.meta["heading"] == "Heading title"


def test_an_empty_file_is_an_empty_review() -> None:
    result = parse_markdown("")
    assert result.document.sections == []
    assert result.document.title == ""


FOREIGN_LINES = [
    *AWKWARD_LINES,
    "## Summary",
    "## Root causes",
    "### What went well",
    "## Lessons learned",
    "# Title",
    "## Timeline",
    "### 10:02",
    "Heading\n-------",
]


@PROPERTY
@given(st.lists(st.sampled_from(FOREIGN_LINES) | SAFE_TEXT.map(lambda s: s[:40]), max_size=25))
def test_no_line_of_a_foreign_review_is_lost(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        result = parse_markdown(text)
    except MarkdownFormatError:
        # A first line of `---` or `+++` opens front matter that may not close.
        assume(False)
    assert lost_lines(text, result) == [], result.mapping_summary
    exported = render_markdown(result.document)
    assert render_markdown(parse_markdown(exported).document) == exported
