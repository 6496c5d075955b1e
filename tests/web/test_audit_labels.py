"""The audit log reads for people: verbose names, and no blank-to-blank changes."""

from __future__ import annotations

from unblame.accounts.models import AuditEntry, record_change
from unblame.reviews.services import draft_review


def test_objects_and_fields_are_named_as_people_read_them(as_admin, admin, incident, editor):
    review = draft_review(incident, editor)
    section = review.sections.get(key="summary")
    record_change(admin, section, "update", {"body": "Old text."}, {"body": "New text."})
    page = as_admin.get("/audit/").content.decode()
    assert "Review section" in page
    assert "reviews.reviewsection" not in page.replace('value="reviews.reviewsection"', "")
    assert "<dt>Body</dt>" in page
    assert '<option value="reviews.reviewsection">Review section</option>' in page


def test_a_change_between_blanks_is_not_shown(admin, incident):
    entry = record_change(
        admin, incident, "update", {"summary": "", "title": "A"}, {"summary": None, "title": "B"}
    )
    assert [field for field, _, _ in entry.changed_fields()] == ["title"]
    assert entry.labelled_changes() == [("Title", "A", "B")]


def test_an_entry_for_a_type_that_no_longer_exists_shows_its_name(admin):
    entry = AuditEntry.objects.create(
        actor=admin,
        action="update",
        object_type="gone.widget",
        object_id="1",
        object_repr="w",
        before={"colour_name": "red"},
        after={"colour_name": "blue"},
    )
    assert entry.object_label == "gone.widget"
    assert entry.labelled_changes() == [("Colour name", "red", "blue")]
