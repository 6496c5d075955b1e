"""The section limit holds on the paths test_size_limits.py does not walk.

The editor, the API, a shared debrief and a file's own sections are tested
there. Here: sections made by unblame itself (a draft from the record, the
sections an import adds for front matter and unmatched people), any new
section (add_section), and a refresh of stale facts that would take a
section over the limit.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from unblame.incidents.models import Incident, Severity, TimelineEvent
from unblame.reviews.facts import refresh, stale_facts
from unblame.reviews.mdio.importer import ImportRefused, import_review
from unblame.reviews.models import Review, ReviewSection, SectionTooLong
from unblame.reviews.services import (
    DRAFT_CUT_NOTE,
    NewSection,
    add_section,
    create_review,
    draft_review,
    fit_draft,
)
from unblame.server.limits import MAX_SECTION_CHARS

from ..conftest import NOW
from .conftest import save, section

NOTE = DRAFT_CUT_NOTE.format(limit=MAX_SECTION_CHARS)


# Any new section ----------------------------------------------------------------------------


def test_a_new_section_over_the_limit_is_refused_and_not_written(review, editor):
    too_long = NewSection("extra", "Extra", "", "x" * (MAX_SECTION_CHARS + 1))
    with pytest.raises(SectionTooLong, match="at most 50,000"):
        add_section(review, too_long, 99, editor, "")
    assert not review.sections.filter(key="extra").exists()


def test_a_new_section_at_the_limit_is_written(review, editor):
    full = NewSection("extra", "Extra", "", "x" * MAX_SECTION_CHARS)
    row = add_section(review, full, 99, editor, "")
    assert len(row.body) == MAX_SECTION_CHARS
    assert row.versions.get().body == row.body


def test_a_review_with_a_section_over_the_limit_is_not_created(incident, editor):
    sections = [
        NewSection("summary", "Summary", "", "Short."),
        NewSection("impact", "Impact", "", "x" * (MAX_SECTION_CHARS + 1)),
    ]
    with pytest.raises(SectionTooLong):
        create_review(incident, editor, None, sections, "", {})
    assert not Review.objects.filter(incident=incident).exists()
    assert not ReviewSection.objects.filter(key="summary", body="Short.").exists()


# A draft from the record --------------------------------------------------------------------


def test_a_draft_within_the_limit_is_kept_whole():
    assert fit_draft("line one\nline two") == "line one\nline two"
    assert fit_draft("x" * MAX_SECTION_CHARS) == "x" * MAX_SECTION_CHARS


def test_a_long_draft_is_cut_at_a_line_end_with_a_note():
    lines = [f"- entry {n}: " + "y" * 90 for n in range(1_000)]
    text = "\n".join(lines)
    cut = fit_draft(text)
    assert len(cut) <= MAX_SECTION_CHARS
    assert cut.endswith(NOTE)
    kept = cut[: -len(NOTE)].split("\n")
    assert kept == lines[: len(kept)]  # whole entries, none half told
    assert len(kept) > 400


def test_a_long_draft_without_line_ends_is_cut_at_the_limit():
    cut = fit_draft("z" * (MAX_SECTION_CHARS * 2))
    assert len(cut) == MAX_SECTION_CHARS
    assert cut.endswith(NOTE)


def highlight_long_entries(incident: Incident, count: int) -> None:
    """Highlighted notes of 300 characters or more: drafted as one line each, cut at 300."""
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            incident=incident,
            occurred_at=NOW + timedelta(minutes=n + 1),
            kind="note",
            text=f"entry {n} " + "w" * 400,
            highlighted=True,
        )
        for n in range(count)
    )


def test_a_timeline_of_many_long_highlighted_entries_drafts_within_the_limit(incident, editor):
    highlight_long_entries(incident, 200)
    timeline = section(draft_review(incident, editor), "timeline")
    assert len(timeline.body) <= MAX_SECTION_CHARS
    assert timeline.body.endswith(NOTE)
    assert "entry 0 " in timeline.body
    assert timeline.versions.get().body == timeline.body


def test_a_summary_at_the_limit_drafts_within_it(incident, editor):
    Incident.objects.filter(pk=incident.pk).update(summary="s" * MAX_SECTION_CHARS)
    incident.refresh_from_db()
    summary = section(draft_review(incident, editor), "summary")
    assert len(summary.body) <= MAX_SECTION_CHARS
    assert summary.body.startswith("s" * 1000)


def test_starting_a_review_of_a_long_record_on_the_page_works(as_editor, incident):
    highlight_long_entries(incident, 200)
    response = as_editor.post(reverse("reviews:start", args=[incident.pk]))
    assert response.status_code == 302
    timeline = Review.objects.get(incident=incident).sections.get(key="timeline")
    assert len(timeline.body) <= MAX_SECTION_CHARS


# Sections an import adds --------------------------------------------------------------------


def foreign_file(title: str, meta_value: str) -> str:
    return f"---\nnotes: {meta_value}\n---\n# {title}\n\n## Impact\n\nSome checkouts failed.\n"


def test_front_matter_too_long_for_its_section_refuses_the_import(editor):
    text = foreign_file("Long meta", "a" * (MAX_SECTION_CHARS + 10))
    with pytest.raises(ImportRefused, match=r"Front matter.*at most 50,000"):
        import_review(text, editor)
    assert not Incident.objects.filter(title="Long meta").exists()


def test_front_matter_that_fits_is_kept_in_its_section(editor):
    result = import_review(foreign_file("Short meta", "a few words"), editor)
    review = Review.objects.get(incident__title="Short meta")
    kept = [s.body for s in review.sections.all() if "a few words" in s.body]
    assert len(kept) == 1 and kept[0].startswith("```yaml")
    assert result is not None


# Refreshing stale facts ---------------------------------------------------------------------


def fill_to_the_limit(review, key, editor) -> str:
    body = section(review, key).body
    full = body + "\n\n" + "p" * (MAX_SECTION_CHARS - len(body) - 2)
    save(review, key, full, editor)
    return full


def test_a_refresh_that_would_overfill_a_section_leaves_that_fact(review, incident, editor):
    full = fill_to_the_limit(review, "impact", editor)
    # A mitigation time makes the drafted key moments longer.
    Incident.objects.filter(pk=incident.pk).update(
        severity=Severity.objects.get(name="SEV1"), mitigated_at=NOW + timedelta(minutes=40)
    )
    refreshed, left = refresh(review, editor)
    assert [item.fact.key for item in left] == ["impact.moments"]
    assert "summary.incident" in [item.fact.key for item in refreshed]
    assert section(review, "impact").body == full
    assert "SEV1" in section(review, "summary").body
    assert [item.fact.key for item in stale_facts(review)] == ["impact.moments"]


def test_refreshing_an_overfull_section_through_the_page_answers_with_a_message(
    as_editor, review, incident, editor
):
    full = fill_to_the_limit(review, "impact", editor)
    Incident.objects.filter(pk=incident.pk).update(mitigated_at=NOW + timedelta(minutes=40))
    response = as_editor.post(reverse("reviews:facts_refresh", args=[incident.pk]), follow=True)
    assert response.status_code == 200
    assert "Not refreshed" in response.content.decode()
    assert section(review, "impact").body == full
