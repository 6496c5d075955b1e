"""`blocks.tokens`: the line-by-line reading gives `prose.parse` what markdown-it-py gives it.

Every test compares the whole `Document` (masked copy, blocks with their
quote, action-item and suppression marks, file suppression) read with the
fast path against the same document read by markdown-it-py alone.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import blocks, prose

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    json.loads(line)["text"]
    for line in (ROOT / "corpus/sentences.jsonl").open(encoding="utf-8")
    if line.strip()
]
# Sentences that read as plain text at the start of a line or an item.
PLAIN = [s for s in SENTENCES if s[:1].isalpha() and "|" not in s]


def _markdown_it_only(body: str, lines: list[str]) -> list[object]:
    return blocks._parsed(body, 0)


def read_both(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[prose.Document, prose.Document]:
    fast = prose.parse(text)
    with monkeypatch.context() as patch:
        patch.setattr(prose, "block_tokens", _markdown_it_only)
        reference = prose.parse(text)
    return fast, reference


def assert_same_reading(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast, reference = read_both(monkeypatch, text)
    assert fast.masked == reference.masked
    assert fast.blocks == reference.blocks
    assert fast.suppressed_file == reference.suppressed_file
    assert fast.line_starts == reference.line_starts


def never_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, first_line: int) -> list[object]:
        raise AssertionError(f"markdown-it-py was asked to read {text[:40]!r}")

    monkeypatch.setattr(blocks, "_parsed", refuse)


# --- Real documents ----------------------------------------------------------------------

REAL = sorted([*ROOT.glob("docs/*.md"), *ROOT.glob("samples/*.md"), ROOT / "README.md"])


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_projects_documents_read_the_same(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    assert_same_reading(monkeypatch, path.read_text(encoding="utf-8"))


# --- Generated documents -----------------------------------------------------------------

# Line shapes, with `{}` for a sentence: each is a block start, a continuation
# or an edge case of the cut points (fences and HTML that span blank lines,
# indented fences that may sit in a list item, lists after paragraphs).
SHAPES = [
    "{}",
    "{}",
    "{}",
    "",
    "",
    "",
    "   ",
    "# {}",
    "## Action items",
    "### Timeline ###",
    "#nohead {}",
    "- {}",
    "* {}",
    "+ {}",
    "1. {}",
    "2) {}",
    "10. {}",
    "-    {}",
    "-     {}",
    "-\t{}",
    "-",
    "- [ ] {}",
    "  - {}",
    "  {}",
    " {}",
    "    {}",
    "\t{}",
    "  \t{}",
    "> {}",
    ">",
    "  > {}",
    "```",
    "```python",
    "~~~",
    "````",
    "```` x",
    "```a`b",
    "  ```",
    "   ~~~~",
    "    ```",
    "- ```",
    "<!-- unblame-ignore -->",
    "<!-- unblame-ignore UB101 -->",
    "<!-- unblame-ignore-file UB2 -->",
    "<!--",
    "-->",
    "  <!--",
    "<div>",
    "</div>",
    "<pre>",
    "</pre>",
    "<PRE>",
    "<preface>",
    "<script>",
    "</script>",
    "<?php",
    "?>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE",
    "<! x",
    "<span>x</span>",
    "<3 {}",
    "| a | b |",
    "|---|---|",
    "| {} | x |",
    "---",
    "***",
    "* * *",
    "===",
    "{}  ",
    "\u00a0{}",
    "{}\u2003",
    "[ref]: http://example.com",
    "**Bold** {}",
    "#",
    "####### seven",
    "1. <!--",
    "`code` {}",
]


def document(rng: random.Random, lines: int) -> str:
    picked = [rng.choice(SHAPES).replace("{}", rng.choice(SENTENCES)) for _ in range(lines)]
    if rng.random() < 0.1:
        picked = ["---", "title: x", "---", *picked]
    return "\n".join(picked) + ("\n" if rng.random() < 0.7 else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=40))
def test_documents_of_any_line_shapes_read_the_same(seed: int, lines: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_reading(monkeypatch, document(random.Random(seed), lines))


def review(rng: random.Random) -> str:
    """A review-like document: headings, paragraphs, lists with lazy lines, code."""
    parts = []
    for _ in range(rng.randint(1, 8)):
        parts.append(rng.choice(["# ", "## ", "### "]) + rng.choice(PLAIN))
        for _ in range(rng.randint(0, 3)):
            kind = rng.random()
            if kind < 0.4:
                parts.append("\n".join(rng.sample(PLAIN, rng.randint(1, 3))))
            elif kind < 0.8:
                marker = rng.choice(["- ", "* ", "1. ", "9) "])
                items = [marker + rng.choice(PLAIN) for _ in range(rng.randint(1, 4))]
                if rng.random() < 0.3:
                    items[0] += "\n" + rng.choice(["  ", "", "      "]) + rng.choice(PLAIN)
                parts.append(("\n\n" if rng.random() < 0.3 else "\n").join(items))
            else:
                parts.append("```\n" + rng.choice(PLAIN) + "\n\n```")
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("seed", range(60))
def test_review_like_documents_read_the_same(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    assert_same_reading(monkeypatch, review(random.Random(seed)))


def test_review_like_documents_need_no_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [review(random.Random(seed)) for seed in range(20)]
    never_markdown_it(monkeypatch)
    for text in texts:
        assert prose.parse(text).blocks


# --- What is read here and what is left to markdown-it-py --------------------------------


def test_a_plain_review_is_read_without_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    never_markdown_it(monkeypatch)
    text = "# Title ##\n\nFirst line\n  goes on.\n\n- one\n- two\nlazy\n\n```\n- code\n```\n"
    doc = prose.parse(text)
    assert [text[b.start : b.end] for b in doc.blocks] == [
        "Title",
        "First line\n  goes on.",
        "one",
        "two\nlazy",
    ]


def test_a_table_is_left_to_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = blocks._parsed

    def spy(text: str, first_line: int) -> list[object]:
        asked.append(text)
        return real(text, first_line)

    monkeypatch.setattr(blocks, "_parsed", spy)
    text = "Intro.\n\n| a | b |\n|---|---|\n| c | d |\n\nAfter.\n"
    doc = prose.parse(text)
    assert asked == ["| a | b |\n|---|---|\n| c | d |\n\n"]
    assert [text[b.start : b.end] for b in doc.blocks] == ["Intro.", "a", "b", "c", "d", "After."]


def test_carriage_returns_go_to_markdown_it_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(blocks, "_parsed", lambda text, first: asked.append(text) or [])
    prose.parse("One.\r\n\r\nTwo.\r\n")
    assert asked == ["One.\r\n\r\nTwo.\r\n"]


def test_heading_closing_hashes_go_only_after_a_space() -> None:
    found = blocks.tokens(
        "## Done ##\n### C# ###\n#### C#\n", ["## Done ##\n", "### C# ###\n", "#### C#\n"]
    )
    assert [t.content for t in found if t.type == "inline"] == ["Done", "C#", "C#"]


# --- Where a document is cut -------------------------------------------------------------


def starts(text: str) -> list[int]:
    return blocks._chunk_starts(text.splitlines(keepends=True))


def test_cuts_fall_after_blank_lines_at_the_margin() -> None:
    assert starts("# A\n\nText\nmore\n\nText\n") == [0, 2, 5]


def test_a_list_item_after_a_paragraph_is_not_a_cut() -> None:
    # The paragraph may be a lazy line of an earlier item, which the item would continue.
    assert starts("- a\nlazy\n\n- b\n") == [0]


def test_a_list_item_after_a_heading_is_a_cut() -> None:
    assert starts("# A\n\n- b\n") == [0, 2]


def test_no_cut_inside_fenced_code_or_a_long_html_block() -> None:
    assert starts("```\n\nText\n```\n\nAfter\n") == [0, 5]
    assert starts("<!--\n\nText\n-->\n\nAfter\n") == [0, 5]
    assert starts("<pre>\n\nText\n</pre>\n\nAfter\n") == [0, 5]


def test_an_html_block_that_ends_at_a_blank_line_allows_a_cut() -> None:
    assert starts("<div>\nx\n\nText\n") == [0, 3]


def test_an_indented_fence_that_may_close_with_its_list_item_stops_the_cuts() -> None:
    assert starts("- a\n  ```\nout\n```\n\nText\n") == [0]


def test_a_fence_or_html_opening_in_what_may_be_a_paragraph_stops_the_cuts() -> None:
    assert starts("<span>\n```\n\nText\n") == [0]
    assert starts("<3 you\n<!--\n\nText\n") == [0]


# --- Shapes read here, each checked against markdown-it-py -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "- one\n\n- two\n\n\n- three\n",  # a loose list stays one list
        "- one\n* two\n+ three\n",  # a new bullet character starts a new list
        "1. one\n2) two\n3. three\n",  # so does a new delimiter
        "9. nine\n10. ten\n",
        "- one\n  still one\n    and still\n        even here\n",
        "- one\nlazy one\n- two\n",
        "-     five spaces make code\n",
        "- one\n\n  a second paragraph\n",
        "- one\n  - nested\n",
        "- one\n## Heading\n",
        "- one\n```\ncode\n```\n",
        "Text\n```\ncode\n",
        "Text\n\tindented by a tab\n",
        "Text\n  \ttab after spaces\n",
        "```\nunclosed\n\n\nText\n",
        "~~~\n```\n~~~\nAfter.\n",
        "````\n```\n````\n\nAfter.\n",
        "---\ntitle: x\n---\n# Title\n\nText.\n",
        "# Heading #\n#\n# #\n",
    ],
)
def test_shapes_read_here_read_as_markdown_it_reads_them(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert_same_reading(monkeypatch, text)


def test_a_suppression_comment_reaches_the_block_after_a_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Intro.\n\n<!-- unblame-ignore UB101 -->\n\n- one\n- two\n\nAfter.\n"
    fast, reference = read_both(monkeypatch, text)
    assert [b.suppressed for b in fast.blocks] == [
        None,
        frozenset({"UB101"}),
        frozenset({"UB101"}),
        None,
    ]
    assert fast.blocks == reference.blocks


def test_an_action_item_section_spans_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "## Action items\n\nFix it.\n\n| a |\n|---|\n| b |\n\nMore.\n\n## Timeline\n\nDone.\n"
    fast, reference = read_both(monkeypatch, text)
    assert [b.action_item for b in fast.blocks] == [True, True, True, True, True, False, False]
    assert fast.blocks == reference.blocks


def test_list_tokens_nest_as_markdown_it_nests_them() -> None:
    text = "- one\n- two\n"
    found = blocks.tokens(text, text.splitlines(keepends=True))
    reference = blocks._parsed(text, 0)
    assert [(t.type, t.level, t.nesting) for t in found] == [
        (t.type, t.level, t.nesting) for t in reference
    ]
    assert [t.content for t in found if t.type == "inline"] == ["one", "two"]


def test_a_lazy_line_keeps_its_text_whole() -> None:
    text = "1. one\n two\n      three\n"
    found = blocks.tokens(text, text.splitlines(keepends=True))
    assert [t.content for t in found if t.type == "inline"] == ["one\ntwo\n   three"]


def test_markdown_it_chunks_keep_their_line_numbers() -> None:
    text = "Intro.\n\n> quoted\n\nAfter.\n"
    found = blocks.tokens(text, text.splitlines(keepends=True))
    assert [t.map for t in found if t.type == "inline"] == [[0, 1], [2, 3], [4, 5]]


# --- Prose lines at the margin (the shortcut for lines that start with a letter) ----------


@pytest.mark.parametrize(
    "text",
    [
        "First line of prose\nand a second one\nand a third.\n",
        "Prose.\n\nMore prose after a blank line.\n\nÉtude: a line that opens with É.\n",
        "Prose\nwith a | pipe on its second line\n",
        "Prose\n\u00a0with odd space\n",
        "Prose\n\tand a tab\n",
        "Prose\n# a heading ends it\nProse again.\n",
        "Prose\n- an item\n\nZed after the list.\n",
        "Prose\n```\ncode\n```\nProse after the fence.\n",
        "1. an item\nlazy prose line\n\nWords.\n",
        "<div>\nProse inside html\n</div>\n\nProse after it.\n",
    ],
)
def test_lines_that_start_with_a_letter_read_as_markdown_it_reads_them(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert_same_reading(monkeypatch, text)


def test_a_prose_line_after_a_blank_line_is_a_cut_and_one_without_is_not() -> None:
    assert starts("Alpha\nbeta\n\nGamma\ndelta\n\nÉpsilon\n") == [0, 3, 6]


def test_a_paragraph_of_prose_lines_needs_no_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    never_markdown_it(monkeypatch)
    lines = ["Alpha line\n", "beta line\n", "Gamma line\n", "\n", "Delta.\n"]
    tokens = blocks._plain_tokens(lines, 0, len(lines))
    assert tokens is not None
    assert [t.map for t in tokens if t.type == "inline"] == [[0, 3], [4, 5]]


def test_a_prose_line_with_a_pipe_leaves_its_paragraph_to_markdown_it() -> None:
    lines = ["Alpha line\n", "beta | gamma\n"]
    assert blocks._plain_tokens(lines, 0, len(lines)) is None
