"""prose.parse reads Markdown with pulldown-cmark exactly as markdown-it-py read it.

`unblame.language._markdown_it` keeps the markdown-it-py reading (prose.parse
hands it the rare documents where the two parsers disagree); here every
document must give the same Document both ways.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unblame.language import _markdown_it, prose


def same(text: str) -> prose.Document:
    new, old = prose.parse(text), _markdown_it.parse(text)
    assert new.masked == old.masked
    assert new.blocks == old.blocks
    assert new.suppressed_file == old.suppressed_file
    assert new.line_starts == old.line_starts
    return new


def texts(doc: prose.Document) -> list[str]:
    return [doc.source[b.start : b.end] for b in doc.blocks]


@pytest.mark.parametrize(
    "document",
    [
        "Intro\n\n---\n\nMore\n",
        "Title\n=====\n\nText\n",
        "Title\n-\n",
        "* * *\n- - -\n_ _ _\n",
        "[ref]: https://example.com 'x'\n\nText [ref].\n",
        "Para\n***\nmore\n",
        "> quote\nlazy\n>\n> - item\n>   more\n",
        "  - We need\n    more text\n  - and this\n",
        "1. one\n\n   two\n\n10.  ten\n     more\n",
        "text\n\tcontinued with a tab\n",
        "> a\n>\tb\n> \tc\n",
        "- a\n \tb\n",
        "| a | b |\n|---|---|\n| c \\| d | e | f |\n| g |\n|\n",
        "| a |\n---\n",
        "| a |]<\t:\n|---|:\n",
        "|---|\n|---|\t\n1\n    +`]|\n",
        "10.  the\n    # Action items\n",
        "Café naïve — 日本 🙂\n\n- écrit\n  « ici »\n",
        "# Action items\n\nThe intern broke it.\n\n## Other\n\nText\n",
        "<!-- unblame-ignore UB101 -->\nText\n\n<!-- unblame-ignore-file -->\n",
        "---\ntitle: x\n---\n\nBody\n",
        "---\n---",
        "```\ncode\n```\t\nafter\n",
        "---\ntitle: 日本 — café\n---\nThe café 🙂 engineer\n\n    code\n",
        "---\ntitle: <b>\xa0\n---\n<b>\xa0\n</pre>\u3000\n",
        "a\r\nb\r\n\r\n- c\r\n",
        "a\rb\r\rc\r",
        "x\x00y\n",
        "lone \udcff surrogate\n- \ud800\n",
        "",
    ],
)
def test_it_reads_as_markdown_it_did(document):
    same(document)


def test_thematic_breaks_setext_underlines_and_link_definitions_stay_text():
    doc = same("Action items\n---\n\n[x]: /u\n")
    assert texts(doc) == ["Action items\n---", "[x]: /u"]
    assert not any(b.action_item for b in doc.blocks)


def test_offsets_index_the_source_past_non_ascii_text():
    text = "Café 🙂 naïve\n\n| 日本 | été |\n|---|---|\n| 🙂 | x |\n"
    doc = same(text)
    assert texts(doc) == ["Café 🙂 naïve", "日本", "été", "🙂", "x"]


WORDS = st.sampled_from(
    ["the", "engineer", "should", "café", "日本", "🙂", "Action", "items", "`code`", "*em*",
     "[link](http://e.com/a)", "<b>", "<!-- unblame-ignore -->", "<!-- unblame-ignore UB101 -->",
     "https://e.com/x", "snake_case", "\\|", "&amp;", "#", ">", "-", "|", "\t", "[x]: /u"]
)  # fmt: skip
LINE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
INDENT = st.sampled_from(["", "", " ", "  ", "   ", "    ", "\t"])
LEAF = st.one_of(
    st.lists(st.tuples(INDENT, LINE).map("".join), min_size=1, max_size=3).map("\n".join),
    st.tuples(st.sampled_from(["#", "##", "###"]), st.sampled_from([" ", "\t"]), LINE).map("".join),
    st.tuples(LINE, LINE, st.lists(LINE, max_size=2)).map(
        lambda t: f"| {t[0]} | {t[1]} |\n|---|---|\n" + "\n".join(f"| {r} |" for r in t[2])
    ),
    st.tuples(st.sampled_from(["```", "~~~"]), LINE).map(lambda t: f"{t[0]}\n{t[1]}\n{t[0]}"),
    st.sampled_from(
        [
            "---",
            "***",
            "- - -",
            "===",
            "-",
            "[x]: /url",
            "<div>\ntext\n</div>",
            "<!-- c -->",
            "<!-- unblame-ignore -->",
            "<!-- unblame-ignore-file UB101 -->",
            "|",
            "    code",
        ]
    ),
)


@st.composite
def blocks(draw, depth=0):
    kind = draw(st.integers(0, 3 if depth < 2 else 0))
    if kind <= 1:
        return draw(LEAF)
    inner = draw(blocks(depth + 1))
    if kind == 2:
        lazy = draw(st.booleans())
        return "\n".join(
            line if lazy and i else "> " + line for i, line in enumerate(inner.split("\n"))
        )
    marker = draw(st.sampled_from(["-", "*", "1.", "2)", "10."]))
    pad = " " * (len(marker) + draw(st.integers(1, 2)))
    first, *rest = inner.split("\n")
    return marker + pad[len(marker) :] + first + "".join("\n" + pad + line for line in rest)


@st.composite
def documents(draw):
    parts = draw(st.lists(blocks(), min_size=1, max_size=5))
    doc = "".join(p + draw(st.sampled_from(["\n", "\n\n"])) for p in parts)
    if draw(st.booleans()):
        doc = "---\ntitle: x\n---\n" + doc
    return doc.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n"])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_as_markdown_it_read_them(document):
    same(document)
