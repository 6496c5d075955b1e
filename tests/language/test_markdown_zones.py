"""The analyzer reads prose only, and reports positions in the source file."""

from __future__ import annotations

import pytest

from unblame.language import Config, analyze

BLAMING = "The on-call engineer should have rolled back."


def spans(text: str, **kwargs) -> list[str]:
    return [text[f.start : f.end] for f in analyze(text, **kwargs)]


def test_it_flags_plain_prose():
    assert spans(BLAMING) == ["The on-call engineer should have rolled"]


@pytest.mark.parametrize(
    "document",
    [
        f"---\ntitle: x\nnote: {BLAMING}\n---\n\nAll good.\n",
        f"+++\ntitle = 'x'\nnote = '{BLAMING}'\n+++\n\nAll good.\n",
        f"```\n{BLAMING}\n```\n",
        f"    {BLAMING}\n",
        f"Run `{BLAMING}` to see.\n",
        f"<!-- {BLAMING} -->\n\nAll good.\n",
        f"See [the log](https://example.com/{BLAMING.replace(' ', '-')}).\n",
        f"<div>\n{BLAMING}\n</div>\n",
    ],
    ids=[
        "yaml-front-matter",
        "toml-front-matter",
        "fence",
        "indented-code",
        "inline-code",
        "html-comment",
        "link-target",
        "html-block",
    ],
)
def test_it_skips_what_is_not_prose(document):
    assert analyze(document) == []


def test_it_skips_block_quotes_by_default_and_lints_them_when_asked():
    document = f"Chat at the time:\n\n> {BLAMING}\n"
    assert analyze(document) == []
    assert spans(document, config=Config(lint_quotes=True)) == [
        "The on-call engineer should have rolled"
    ]


def test_it_reports_line_and_column_in_the_source():
    document = "# Review\n\nIntro line.\n\n- first item\n- The intern took down the cluster.\n"
    [finding] = analyze(document)
    assert (finding.line, finding.column) == (6, 3)
    assert document[finding.start : finding.end].startswith("The intern")


def test_offsets_survive_crlf_line_endings():
    document = "# Review\r\n\r\nFine.\r\n\r\nIt was my fault, sorry all.\r\n"
    [finding] = analyze(document)
    assert document[finding.start : finding.end] == "my fault"
    assert finding.line == 5


def test_it_reads_table_cells_one_by_one():
    document = (
        "| time | event |\n|---|---|\n"
        "| 14:02 | The deploy started |\n"
        "| 14:05 | The DBA should have paged us |\n"
    )
    [finding] = analyze(document)
    assert finding.line == 4
    assert document[finding.start : finding.end] == "The DBA should have paged"


def test_a_pattern_never_joins_two_list_items():
    # "the engineer" ends one item and "failed to start" begins the next.
    document = "- We paged the engineer\n- failed to start after the upgrade\n"
    assert [f.rule for f in analyze(document)] == []


def test_checkbox_markers_are_not_prose():
    document = "## Action items\n\n- [ ] Remind engineers to drain the node first\n"
    [finding] = analyze(document)
    assert document[finding.start : finding.end].startswith("Remind engineers")


def test_a_suppression_comment_silences_the_next_block_only():
    document = f"<!-- unblame-ignore UB301 -->\n{BLAMING}\n\n{BLAMING}\n"
    findings = analyze(document)
    assert [f.line for f in findings] == [4]


def test_a_suppression_comment_without_codes_silences_every_rule():
    document = f"<!-- unblame-ignore -->\n{BLAMING} It was my fault.\n"
    assert analyze(document) == []


def test_a_file_level_suppression_silences_the_whole_file():
    document = f"{BLAMING}\n\n<!-- unblame-ignore-file -->\n\nIt was my fault.\n"
    assert analyze(document) == []


def test_a_file_level_suppression_with_codes_keeps_the_other_rules():
    document = f"<!-- unblame-ignore-file UB3 -->\n\n{BLAMING}\n\nIt was my fault.\n"
    assert [f.rule for f in analyze(document)] == ["UB201"]


def test_headings_are_linted():
    [finding] = analyze("## Why the intern broke prod\n\nDetails.\n")
    assert finding.line == 1


def test_action_item_sections_switch_the_context():
    document = "## Action items\n\n- Be more careful with the replica count\n"
    [finding] = analyze(document)
    assert finding.category.value == "try_harder"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "---\nunterminated: front matter\n",
        "```\nunterminated fence\nThe engineer should have rolled back.\n",
        "| broken | table\n|--\n",
        "<!-- unterminated comment\nThe engineer should have rolled back.\n",
        "\x00\x01 binary-ish \ufeff text with my fault",
        "[link](",
        "`" * 500,
    ],
)
def test_malformed_markdown_never_raises_and_offsets_stay_in_range(text):
    for finding in analyze(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.line >= 1 and finding.column >= 1


def test_masked_gaps_hold_at_most_two_line_breaks_in_a_row():
    # Long runs of white space between blocks once made `\s*`-led patterns
    # quadratic; the mask fills gaps with NULs between two line breaks.
    from unblame.language import prose

    document = (
        "Intro.\n\n```\n"
        + "code line\n" * 500
        + "```\n\n"
        + "".join("  " * (i % 30) + "- the engineer should have\n" for i in range(300))
    )
    masked = prose.parse(document).masked
    assert len(masked) == len(document)
    assert "\n\n\n" not in masked


def test_known_names_are_marked_without_changing_offsets():
    from unblame.language.lexicon import NAME_MARK, mark_names

    text = "Priya paged Zebulon; a grace period applied."
    marked = mark_names(text, ["Zebulon"])
    assert len(marked) == len(text)
    assert marked.startswith(NAME_MARK + "riya") and NAME_MARK + "ebulon" in marked
    assert "grace period" in marked
