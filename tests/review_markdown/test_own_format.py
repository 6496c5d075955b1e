"""unblame's own Markdown layout: what the export writes and how hand edits read back."""

from __future__ import annotations

from unblame.reviews.mdio import (
    ActionItem,
    Event,
    Factor,
    IncidentFacts,
    Responder,
    ReviewDocument,
    ReviewFacts,
    Section,
    parse_markdown,
    render_markdown,
)

EXPECTED = """\
---
unblame: 1
incident:
  id: 7
  title: Checkout errors after deploy
  severity: SEV2
  status: resolved
  restricted: false
  services:
  - checkout
  declared: '2026-03-04T12:00:00Z'
  moments:
    impact_started: '2026-03-04T11:58:00Z'
    detected: '2026-03-04T12:00:00.250000Z'
    acknowledged: null
    mitigated: null
    resolved: null
  summary: |-
    Card payments failed.
    Two lines.
  responders:
  - username: ed
    name: Ed Ward
    role: incident_commander
review:
  state: draft
  template: Default
timeline:
- at: '2026-03-04T12:00:00Z'
  text: Alert fired for checkout 5xx.
  kind: alert
  author: ''
  highlighted: true
  source: manual
factors:
- category: Testing
  description: The migration ran only against an empty table in CI.
  events:
  - 1
action_items:
- title: Run migrations against a production-sized snapshot in CI
  description: ''
  owner: ed
  due: '2026-04-01'
  status: open
  priority: p2
  kind: prevent
  closed: null
  factors:
  - 1
---

# Checkout errors after deploy

<!-- unblame:section summary -->
## Summary

Card payments failed for 14 minutes.

<!-- unblame:section impact -->
## Impact

<!-- unblame:section timeline -->
## What happened, in order

```text
## not a heading
<!-- unblame:\\section impact -->
```
"""


def document() -> ReviewDocument:
    return ReviewDocument(
        incident=IncidentFacts(
            id=7,
            title="Checkout errors after deploy",
            severity="SEV2",
            status="resolved",
            services=["checkout"],
            declared="2026-03-04T12:00:00Z",
            moments={
                "impact_started": "2026-03-04T11:58:00Z",
                "detected": "2026-03-04T12:00:00.250000Z",
                "acknowledged": None,
                "mitigated": None,
                "resolved": None,
            },
            summary="Card payments failed.\nTwo lines.",
            responders=[Responder("ed", "Ed Ward", "incident_commander")],
        ),
        review=ReviewFacts(state="draft", template="Default"),
        timeline=[
            Event("2026-03-04T12:00:00Z", "Alert fired for checkout 5xx.", "alert", "", True)
        ],
        factors=[Factor("Testing", "The migration ran only against an empty table in CI.", [1])],
        action_items=[
            ActionItem(
                "Run migrations against a production-sized snapshot in CI",
                owner="ed",
                due="2026-04-01",
                priority="p2",
                kind="prevent",
                factors=[1],
            )
        ],
        sections=[
            Section("summary", "Summary", "Card payments failed for 14 minutes."),
            Section("impact", "Impact", ""),
            Section(
                "timeline",
                "What happened, in order",
                "```text\n## not a heading\n<!-- unblame:section impact -->\n```",
            ),
        ],
    )


def test_the_export_is_front_matter_then_the_title_then_marked_sections() -> None:
    assert render_markdown(document()) == EXPECTED


def test_the_export_reads_back_to_the_same_document() -> None:
    result = parse_markdown(EXPECTED)
    assert result.document == document()
    assert result.warnings == []
    assert result.front_matter == "unblame"
    assert result.mapping_summary == [
        "unblame format: 3 sections, 1 timeline entries, 1 factors, 1 action items"
    ]


def test_a_renamed_heading_keeps_its_section_key() -> None:
    text = EXPECTED.replace("## Summary", "## The short version")
    section = parse_markdown(text).document.sections[0]
    assert (section.key, section.title) == ("summary", "The short version")


def test_a_heading_added_without_a_marker_stays_in_the_section_above() -> None:
    text = EXPECTED.replace(
        "Card payments failed for 14 minutes.\n",
        "Card payments failed for 14 minutes.\n\n## Added by hand\n\nMore.\n",
    )
    summary = parse_markdown(text).document.section("summary")
    assert summary.body.endswith("## Added by hand\n\nMore.")


def test_a_second_section_with_the_same_key_is_kept_under_a_new_key() -> None:
    text = EXPECTED + "\n<!-- unblame:section summary -->\n## Summary again\n\nMore.\n"
    result = parse_markdown(text)
    last = result.document.sections[-1]
    assert (last.key, last.title, last.body) == ("summary-2", "Summary again", "More.")
    assert "a second 'summary' section is kept as 'summary-2'" in result.warnings[0]


def test_a_title_heading_edited_by_hand_is_kept_in_meta() -> None:
    text = EXPECTED.replace("# Checkout errors after deploy\n", "# Checkout errors\n")
    result = parse_markdown(text)
    assert result.document.title == "Checkout errors after deploy"
    assert result.document.meta == {"heading": "Checkout errors"}
    assert "front matter's title is used" in result.warnings[0]


def test_text_written_before_the_first_section_is_kept() -> None:
    text = EXPECTED.replace(
        "# Checkout errors after deploy\n", "# Checkout errors after deploy\n\nA note.\n"
    )
    document = parse_markdown(text).document
    assert document.sections[0].key == "introduction"
    assert document.sections[0].body == "A note."


def test_a_section_whose_heading_was_deleted_keeps_its_text() -> None:
    text = EXPECTED.replace("## Summary\n\n", "")
    result = parse_markdown(text)
    summary = result.document.section("summary")
    assert summary.title == "Summary"
    assert "Card payments failed for 14 minutes." in summary.body
    assert "has no heading after its marker" in result.warnings[0]


def test_a_file_with_our_front_matter_but_no_markers_is_split_at_its_headings() -> None:
    head, _, _ = EXPECTED.partition("\n# ")
    text = head + "\n# Checkout errors after deploy\n\n## Follow-ups\n\n- one\n\n## Odd one\n\nx\n"
    document = parse_markdown(text).document
    assert [(s.key, s.title) for s in document.sections] == [
        ("action_items", "Follow-ups"),
        ("odd-one", "Odd one"),
    ]
    assert document.action_items[0].owner == "ed"


def test_unknown_front_matter_keys_are_kept_in_meta() -> None:
    text = EXPECTED.replace("unblame: 1\n", "unblame: 1\nreviewers: [ana, bo]\n")
    assert parse_markdown(text).document.meta == {"reviewers": ["ana", "bo"]}


def test_times_written_by_hand_are_normalised_to_utc() -> None:
    text = EXPECTED.replace("'2026-03-04T11:58:00Z'", "2026-03-04T12:58:00+01:00")
    moments = parse_markdown(text).document.incident.moments
    assert moments["impact_started"] == "2026-03-04T11:58:00Z"
