"""draft_review: a review from the default template, filled from the incident record."""

from datetime import timedelta

import pytest
from django.utils import timezone

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import TimelineEvent
from unblame.reviews.models import DEFAULT_SECTIONS, Review, ReviewTemplate, StateChange
from unblame.reviews.services import DRAFT_NOTE, draft_review

from ..conftest import NOW


@pytest.fixture
def record(incident):
    incident.detected_at = NOW + timedelta(minutes=12)
    incident.mitigated_at = NOW + timedelta(minutes=40)
    incident.save()
    TimelineEvent.objects.create(
        incident=incident,
        occurred_at=NOW + timedelta(minutes=20),
        kind=TimelineEvent.Kind.DECISION,
        text="Rolled back\nthe checkout deploy",
        highlighted=True,
    )
    TimelineEvent.objects.create(
        incident=incident, occurred_at=NOW + timedelta(minutes=25), text="Coffee break"
    )
    return incident


def test_it_uses_the_default_templates_sections_in_order(record, editor):
    review = draft_review(record, editor)
    assert [s.key for s in review.sections.all()] == [key for key, _, _ in DEFAULT_SECTIONS]
    assert review.template == ReviewTemplate.objects.get(is_default=True)
    assert review.state == Review.State.DRAFT


def test_the_summary_names_severity_services_and_responders(record, editor):
    summary = draft_review(record, editor).sections.get(key="summary").body
    assert summary.startswith("Card payments failed.")
    assert "A SEV2 incident affecting checkout." in summary
    assert "ed (incident commander)" in summary


def test_the_impact_lists_key_moments_and_durations(record, editor):
    impact = draft_review(record, editor).sections.get(key="impact").body
    assert "- Impact started: 04 Mar 2026, 12:00 UTC" in impact
    assert "- Detected: 04 Mar 2026, 12:12 UTC" in impact
    assert "Not recorded yet: acknowledged, resolved" in impact
    assert "- Time to detect: 12 min (impact started → detected)" in impact
    assert "- Time to mitigate: 40 min" in impact


def test_the_timeline_has_key_moments_and_highlighted_events_in_order(record, editor):
    timeline = draft_review(record, editor).sections.get(key="timeline").body
    lines = timeline.splitlines()
    assert lines[0] == "- 04 Mar 2026, 12:00 UTC: Impact started."
    assert "- 04 Mar 2026, 12:20 UTC: unblame (decision): Rolled back the checkout deploy" in lines
    assert lines.index("- 04 Mar 2026, 12:12 UTC: Detected.") < lines.index(
        "- 04 Mar 2026, 12:40 UTC: Mitigated."
    )
    assert "Coffee break" not in timeline


def test_times_are_written_as_pages_write_them_in_utc_whatever_the_active_zone(record, editor):
    with timezone.override("Asia/Tokyo"):
        impact = draft_review(record, editor).sections.get(key="impact").body
    # 12:00 UTC is 21:00 in Tokyo; shared text says UTC.
    assert "- Impact started: 04 Mar 2026, 12:00 UTC" in impact


def test_without_highlighted_events_the_timeline_says_how_to_add_them(incident, editor):
    timeline = draft_review(incident, editor).sections.get(key="timeline").body
    assert "No timeline events were highlighted" in timeline


def test_the_other_sections_start_empty_with_their_prompt(record, editor):
    section = draft_review(record, editor).sections.get(key="what_surprised_us")
    assert section.body == ""
    assert section.prompt


def test_every_section_starts_at_version_one(record, editor):
    review = draft_review(record, editor)
    for section in review.sections.all():
        assert section.version == 1
        first = section.versions.get()
        assert (first.version, first.body, first.note) == (1, section.body, DRAFT_NOTE)


def test_it_records_who_started_it(record, editor):
    review = draft_review(record, editor)
    change = StateChange.objects.get(review=review)
    assert (change.from_state, change.to_state, change.actor) == ("", "draft", editor)
    assert AuditEntry.objects.filter(object_type="reviews.review", action="create").exists()


def test_drafting_twice_returns_the_same_review_unchanged(record, editor, admin):
    first = draft_review(record, editor)
    again = draft_review(record, admin)
    assert again.pk == first.pk
    assert Review.objects.count() == 1
    assert again.created_by == editor


def test_without_any_template_it_uses_the_built_in_sections(record, editor):
    ReviewTemplate.objects.all().delete()
    review = draft_review(record, editor)
    assert review.template is None
    assert review.sections.count() == len(DEFAULT_SECTIONS)


def test_an_edited_default_template_shapes_new_reviews(record, editor):
    template = ReviewTemplate.objects.get(is_default=True)
    template.sections.exclude(key__in=["summary", "learnings"]).delete()
    template.sections.filter(key="learnings").update(title="What we learned", position=0)
    template.sections.filter(key="summary").update(position=1)
    review = draft_review(record, editor)
    assert [(s.key, s.title) for s in review.sections.all()] == [
        ("learnings", "What we learned"),
        ("summary", "Summary"),
    ]
