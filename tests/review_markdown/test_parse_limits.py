"""Large adversarial Markdown is refused before it is parsed, or read in one block-only pass.

No timings here (they live in bench/parse_speed.py): the tests count the work
instead. markdown-it is what costs, so a file past a limit must never reach
it, and a file within the limits reaches it once, for at most
MAX_HEADED_LINES lines, and never through its inline pass (where runs of `[`,
backticks or emphasis cost the most).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from unblame.reviews.mdio import MarkdownFormatError, parse_markdown
from unblame.reviews.mdio import parse as parse_module
from unblame.reviews.mdio.frontmatter import MAX_FRONT_MATTER_CHARS
from unblame.reviews.mdio.parse import MAX_HEADED_CHARS, MAX_HEADED_LINES, MAX_SECTIONS

MARKER = "<!-- unblame:section impact -->\n## Impact\n\nx\n\n"


@dataclass
class Work:
    """What markdown-it was asked to do while the test ran."""

    block_lines: list[int] = field(default_factory=list)
    inline_calls: int = 0

    @property
    def block_calls(self) -> int:
        return len(self.block_lines)


@pytest.fixture
def work(monkeypatch) -> Work:
    seen = Work()
    md = parse_module._MD
    block, inline = md.parse, md.inline.parse

    def counted_block(src, env=None):
        seen.block_lines.append(src.count("\n") + 1)
        return block(src, env)

    def counted_inline(*args, **kwargs):
        seen.inline_calls += 1
        return inline(*args, **kwargs)

    monkeypatch.setattr(md, "parse", counted_block)
    monkeypatch.setattr(md.inline, "parse", counted_inline)
    return seen


def refusal(text: str) -> MarkdownFormatError:
    with pytest.raises(MarkdownFormatError) as caught:
        parse_markdown(text)
    return caught.value


# Past a limit: refused, and markdown-it never runs -------------------------------------


def test_fifty_thousand_headings_are_refused_before_markdown_it_runs(work: Work) -> None:
    error = refusal("## Notes\n" * 50_000)
    assert "50,000 lines long" in str(error)
    assert f"read up to {MAX_HEADED_LINES:,} lines" in str(error)
    assert error.line == MAX_HEADED_LINES + 1
    assert work.block_calls == 0


def test_fifty_thousand_setext_headings_are_refused_the_same_way(work: Work) -> None:
    assert "lines long" in str(refusal("a\n=\n" * 50_000))
    assert work.block_calls == 0


def test_the_line_limit_counts_from_the_end_of_the_front_matter(work: Work) -> None:
    error = refusal("---\ntitle: T\n---\n" + "- x\n" * (MAX_HEADED_LINES + 1))
    # The body starts on line 4: its first line past the limit is the file's limit + 4.
    assert error.line == MAX_HEADED_LINES + 4
    assert work.block_calls == 0


def test_a_file_of_exactly_the_line_limit_is_read(work: Work) -> None:
    # A final newline ends the last line; it does not start another.
    result = parse_markdown("## Summary\n" + "- x\n" * (MAX_HEADED_LINES - 1))
    assert result.document.sections[0].key == "summary"
    assert work.block_calls == 1


@pytest.mark.parametrize(
    "run",
    ["[", "`", ">", "- ", "*", "<!--", "\\", "&#"],
    ids=["brackets", "backticks", "quotes", "list", "emphasis", "comments", "escapes", "entities"],
)
def test_a_single_line_past_the_character_limit_is_refused_unparsed(run: str, work: Work) -> None:
    text = "## Summary\n" + run * (MAX_HEADED_CHARS // len(run) + 1)
    error = refusal(text)
    assert f"read up to {MAX_HEADED_CHARS:,} characters" in str(error)
    assert work.block_calls == 0


def test_fifty_thousand_marked_sections_are_refused_before_any_is_read(work: Work) -> None:
    error = refusal(MARKER * 50_000)
    assert f"50,000 sections; a review holds at most {MAX_SECTIONS}" in str(error)
    # The first marker past the limit, five lines per section.
    assert error.line == MAX_SECTIONS * 5 + 1
    assert work.block_calls == 0


def test_one_heading_past_the_section_limit_is_refused_naming_its_line(work: Work) -> None:
    error = refusal("## Notes\n\ntext\n" * (MAX_SECTIONS + 1))
    assert f"{MAX_SECTIONS + 1} sections" in str(error)
    assert error.line == MAX_SECTIONS * 3 + 1
    assert work.block_calls == 1


def test_subheadings_split_into_sections_count_towards_the_limit() -> None:
    # "Impact" under "Notes" makes every direct subheading a section of its own.
    text = "## Notes\n\n### Impact\n\n" + "### Other\n\nx\n\n" * MAX_SECTIONS
    error = refusal(text)
    assert f"{MAX_SECTIONS + 2} sections" in str(error)


def test_huge_front_matter_is_refused_before_the_markdown_is_parsed(work: Work) -> None:
    text = '---\ntitle: "' + "[" * MAX_FRONT_MATTER_CHARS + '"\n---\n\n## Summary\n'
    assert "front matter is longer than" in str(refusal(text))
    assert work.block_calls == 0


def test_an_own_file_is_split_at_its_markers_without_parsing_the_whole(work: Work) -> None:
    # Our own export is not subject to the line limit: it is never parsed whole.
    body = "line\n" * (MAX_HEADED_LINES * 2)
    text = f"<!-- unblame:section summary -->\n## Summary\n\n{body}"
    result = parse_markdown(text)
    assert result.document.sections[0].body == body.rstrip("\n")
    assert all(lines == 1 for lines in work.block_lines)


# Within the limits: read in one pass, block structure only -----------------------------


def nested_list_lines(count: int) -> str:
    return "".join("  " * (n % 40) + "- x\n" for n in range(count))


ADVERSARIAL = {
    "list items": lambda lines: "- x\n" * lines,
    "nested list items": nested_list_lines,
    "quotes holding lists": lambda lines: "> - > - x\n" * lines,
    "quotes nested on each line": lambda lines: ">" * 60 + " x\n" + "> x\n" * (lines - 1),
    "timestamp subheadings": lambda lines: "### 10:00\n" * lines,
    "fence openers": lambda lines: "```\n" * lines,
    "link reference definitions": lambda lines: "[a]: /u\n" * lines,
    "lines of brackets": lambda lines: "[\n" * lines,
    "html block openers": lambda lines: "<div>\n" * lines,
}


@pytest.mark.parametrize("make", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_a_file_of_hostile_lines_is_read_in_one_block_pass(make, work: Work) -> None:
    # A fifth of the limit shows the shape of the work; bench/parse_speed.py times the limit.
    content = make(MAX_HEADED_LINES // 5)
    result = parse_markdown("## Summary\n" + content)
    sections = result.document.sections
    assert [section.key for section in sections] == ["summary"]
    assert sections[0].body == content.strip("\n")
    assert work.block_lines == [MAX_HEADED_LINES // 5 + 2]
    assert work.inline_calls == 0


SINGLE_LINES = {
    "brackets": "[",
    "backticks": "`",
    "quotes": ">",
    "nested list markers": "- ",
    "emphasis": "*",
    "comment openers": "<!--",
}


@pytest.mark.parametrize("run", SINGLE_LINES.values(), ids=SINGLE_LINES.keys())
def test_one_line_of_a_long_run_at_the_limit_is_read_in_one_pass(run: str, work: Work) -> None:
    line = run * ((MAX_HEADED_CHARS - 20) // len(run))
    result = parse_markdown("## Summary\n\n" + line + "\n")
    # A line of '>' or '-' is a quote or list; whatever it is, it stays in the section.
    assert result.document.sections[0].key == "summary"
    assert result.document.sections[0].body == line
    assert work.block_calls == 1
    assert work.inline_calls == 0


def test_a_reference_label_run_at_the_limit_is_read_in_one_pass(work: Work) -> None:
    line = "[a]: <" + "x" * (MAX_HEADED_CHARS - 100)
    result = parse_markdown(f"## Impact\n\n{line}\n\n## Timeline\n\nx\n")
    assert [s.key for s in result.document.sections] == ["impact", "timeline"]
    assert work.block_calls == 1


def test_heading_titles_are_their_source_text_without_an_inline_pass(work: Work) -> None:
    text = "# The *big* `outage`\n\n## Root *causes* [1](x)\n\nx\n\nSetext **one**\n---\n\ny\n"
    result = parse_markdown(text)
    assert result.document.incident.title == "The *big* `outage`"
    assert [s.title for s in result.document.sections] == ["Root *causes* [1](x)", "Setext **one**"]
    assert result.document.sections[0].key == "contributing_factors"
    assert work.inline_calls == 0


def test_headings_inside_deep_quotes_and_lists_are_not_sections(work: Work) -> None:
    text = "## Summary\n\n" + ">" * 500 + " ## Not a section\n\n" + "- " * 500 + "## Nor this\n"
    result = parse_markdown(text)
    assert [s.key for s in result.document.sections] == ["summary"]
    assert work.block_calls == 1
