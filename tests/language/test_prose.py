"""`prose.parse`: the masked copy, its blocks, suppression comments and line/column.

The masked copy must keep every offset: a rule's match in it is a span of the
original text. These tests check the contract on the parts one by one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import prose


def block_texts(source: str) -> list[str]:
    doc = prose.parse(source)
    return [source[b.start : b.end] for b in doc.blocks]


def visible(source: str) -> str:
    """The prose the rules see, with runs of blanks and gaps squeezed."""
    masked = prose.parse(source).masked.replace("\x00", " ")
    return " ".join(masked.split())


# --- The masked copy keeps length and offsets --------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "",
        "Plain words.",
        "---\ntitle: Tuesday\n---\nThe body.\n",
        "Line one\r\nline two\r\n\r\nNext block.\r\n",
        "> quoted\n\n```\ncode\n```\n| a | b |\n|---|---|\n| c | d |\n",
        "Stray\rcarriage return.",
        "Emoji 🙈 and accents: café, naïve.\n",
    ],
)
def test_the_masked_copy_has_the_length_of_the_source(source):
    assert len(prose.parse(source).masked) == len(source)


@pytest.mark.parametrize(
    "source",
    [
        "The pager rang twice.\n\nThen it stopped.\n",
        "# Heading words\n\n- first item\n- second item\n",
        "Kept `code` and [a link](https://x.example/y) here.\n",
    ],
)
def test_every_prose_character_stays_at_its_offset(source):
    doc = prose.parse(source)
    for i, ch in enumerate(doc.masked):
        if ch.isalpha():
            assert source[i] == ch


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab #>*_`-|[]()<!\n\r\t:/", max_size=80))
def test_any_input_masks_to_the_same_length_with_blocks_inside_it(source):
    doc = prose.parse(source)
    assert len(doc.masked) == len(source)
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start <= block.end <= len(source)
        previous_end = block.end


# --- What is not prose --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "hidden", "kept"),
    [
        ("---\nauthor: Quentin\n---\nThe body.\n", "Quentin", "The body."),
        ("+++\nauthor = 'Quentin'\n+++\nThe body.\n", "Quentin", "The body."),
        ("---\nauthor: Quentin\n...\nThe body.\n", "Quentin", "The body."),
        ("Run `drop table users` now.\n", "drop", "Run now."),
        ("Run ``a ` tick`` now.\n", "tick", "Run now."),
        ("```sh\nrm -rf build\n```\n\nAfter.\n", "rm", "After."),
        ("~~~\nsecret words\n~~~\n\nAfter.\n", "secret", "After."),
        ("Intro.\n\n    indented code line\n\nAfter.\n", "indented", "Intro. After."),
        ("Text <span class='x'>inside</span> end.\n", "span", "Text inside end."),
        ("Text <!-- a private note --> end.\n", "private", "Text end."),
        ("<div>\nraw html block\n</div>\n\nAfter.\n", "raw", "After."),
        ("See [the doc](https://x.example/doc_page) now.\n", "x.example", "See [the doc now."),
        ("See [the doc][ref] now.\n", "ref", "See [the doc now."),
        ("Visit https://x.example/a_b today.\n", "x.example", "Visit today."),
        ("Visit <https://x.example/p> today.\n", "x.example", "Visit today."),
        ("Some *stressed* and __strong__ words.\n", "*", "Some stressed and strong words."),
        ("- [x] ticked item\n", "[x]", "ticked item"),
    ],
)
def test_it_blanks_what_is_not_prose(source, hidden, kept):
    text = visible(source)
    assert hidden not in text
    assert text == kept


def test_snake_case_identifiers_keep_their_underscores():
    assert visible("The retry_budget value was low.\n") == "The retry_budget value was low."


def test_front_matter_must_open_the_document():
    # A "---" later on is not front matter; its lines stay prose.
    assert "author" in visible("Intro.\n\n---\nauthor: Quentin\n---\n")


def test_unclosed_front_matter_is_not_front_matter():
    assert "Quentin" in visible("---\nauthor: Quentin\n")


def test_text_between_blocks_is_a_line_break_then_nuls():
    doc = prose.parse("First.\n\n```\nx = 1\n```\n\nSecond.\n")
    first, second = doc.blocks
    gap = doc.masked[first.end : second.start]
    assert gap[0] == "\n" and gap[-1] == "\n"
    assert set(gap[1:-1]) == {"\x00"}


def test_lines_of_one_paragraph_read_as_one_run():
    doc = prose.parse("The first line\nand the second line.\n")
    (block,) = doc.blocks
    assert "\n" not in doc.masked[block.start : block.end]


def test_a_crlf_paragraph_has_no_line_breaks_in_its_prose():
    doc = prose.parse("one\r\ntwo\r\n")
    (block,) = doc.blocks
    assert doc.masked[block.start : block.end] == "one  two"


# --- Blocks -------------------------------------------------------------------------------


def test_paragraphs_list_items_and_headings_are_separate_blocks():
    source = "# Summary\n\nA paragraph.\n\n- one item\n- two item\n"
    assert block_texts(source) == ["Summary", "A paragraph.", "one item", "two item"]


def test_each_table_cell_is_its_own_block():
    source = "| When | What |\n|------|------|\n| 09:00 | paged |\n"
    assert block_texts(source) == ["When", "What", "09:00", "paged"]


def test_quoted_blocks_are_marked_quoted():
    doc = prose.parse("> A quoted line.\n\nOwn words.\n")
    assert [b.quoted for b in doc.blocks] == [True, False]


def test_a_list_inside_a_quote_is_quoted():
    doc = prose.parse("> - quoted item\n\n- own item\n")
    assert [b.quoted for b in doc.blocks] == [True, False]


@pytest.mark.parametrize(
    "heading",
    [
        "Action items",
        "Action Item",
        "Follow-ups",
        "Follow ups",
        "Remediation",
        "Next steps",
        "Corrective actions",
        "Preventive measures",
        "TODO",
        "Lessons learned",
        "What we'll do",
        "Improvements",
    ],
)
def test_a_section_titled_like_action_items_holds_action_items(heading):
    doc = prose.parse(f"## {heading}\n\n- Add a canary.\n\n## Timeline\n\n- 09:00 paged.\n")
    actions = {prose_text: b.action_item for b, prose_text in _blocks(doc)}
    assert actions["Add a canary."] is True
    assert actions["09:00 paged."] is False


def _blocks(doc: prose.Document):
    return [(b, doc.source[b.start : b.end]) for b in doc.blocks]


def test_an_action_section_runs_through_its_subsections():
    doc = prose.parse(
        "# Action items\n\n## Short term\n\n- Add a canary.\n\n# Timeline\n\nLater.\n"
    )
    actions = {text: b.action_item for b, text in _blocks(doc)}
    assert actions["Short term"] is True
    assert actions["Add a canary."] is True
    assert actions["Later."] is False


def test_an_action_subsection_ends_at_its_sibling():
    doc = prose.parse("# Review\n\n## Follow-ups\n\n- Add a canary.\n\n## Impact\n\nSlow pages.\n")
    actions = {text: b.action_item for b, text in _blocks(doc)}
    assert actions["Review"] is False
    assert actions["Add a canary."] is True
    assert actions["Slow pages."] is False


def test_block_at_finds_the_block_of_an_offset_and_none_in_gaps():
    source = "First.\n\nSecond.\n"
    doc = prose.parse(source)
    assert doc.block_at(0) == doc.blocks[0]
    assert doc.block_at(source.index("Second")) == doc.blocks[1]
    assert doc.block_at(source.index("\n")) is None
    assert doc.block_at(len(source) - 1) is None


# --- Suppression comments -----------------------------------------------------------------


def test_a_suppression_comment_names_codes_for_the_next_block():
    doc = prose.parse("<!-- unblame-ignore UB101, ub2 -->\nFirst.\n\nSecond.\n")
    assert [b.suppressed for b in doc.blocks] == [frozenset({"UB101", "UB2"}), None]
    assert doc.suppressed_file is None


def test_a_suppression_comment_without_codes_suppresses_everything_next():
    doc = prose.parse("<!-- unblame-ignore -->\n\nFirst.\n")
    assert doc.blocks[0].suppressed == frozenset()


def test_an_inline_suppression_comment_covers_its_own_paragraph():
    doc = prose.parse("Some words <!-- unblame-ignore UB3 --> here.\n\nNext.\n")
    assert [b.suppressed for b in doc.blocks] == [frozenset({"UB3"}), None]


def test_a_suppression_comment_covers_a_whole_list():
    doc = prose.parse("<!-- unblame-ignore UB1 -->\n- one\n- two\n\nAfter.\n")
    assert [b.suppressed for b in doc.blocks] == [frozenset({"UB1"})] * 2 + [None]


@pytest.mark.parametrize(
    ("comment", "codes"),
    [
        ("<!-- unblame-ignore-file -->", frozenset({""})),
        ("<!-- UNBLAME-IGNORE-FILE ub4 -->", frozenset({"UB4"})),
        ("<!--unblame-ignore-file UB1 UB5-->", frozenset({"UB1", "UB5"})),
    ],
)
def test_a_file_suppression_comment_applies_to_the_document(comment, codes):
    doc = prose.parse(f"{comment}\n\nSome text.\n")
    assert doc.suppressed_file == codes
    assert doc.blocks[0].suppressed is None


@pytest.mark.parametrize(
    "comment",
    ["<!-- unblame-disable -->", "<!-- unblame-ignored -->", "<!-- a note -->"],
)
def test_other_comments_suppress_nothing(comment):
    doc = prose.parse(f"{comment}\n\nSome text.\n")
    assert doc.blocks[0].suppressed is None
    assert doc.suppressed_file is None


# --- Line and column ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "word", "line", "column"),
    [
        ("alpha", "alpha", 1, 1),
        ("one\ntwo three", "three", 2, 5),
        ("one\r\ntwo three", "three", 2, 5),
        ("one\rtwo three", "three", 2, 5),
        ("a\n\n\n  deep", "deep", 4, 3),
    ],
)
def test_line_col_is_one_based_for_any_line_ending(source, word, line, column):
    doc = prose.parse(source)
    assert doc.line_col(source.index(word)) == (line, column)


def test_line_col_at_the_end_of_the_text_is_past_the_last_character():
    doc = prose.parse("ab\ncd")
    assert doc.line_col(5) == (2, 3)


def test_blank_keeps_newlines_only():
    assert prose.blank("ab\ncd") == "  \n  "
    assert prose.blank("abc") == "   "
