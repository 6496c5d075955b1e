"""ReviewSection.save_body: numbered versions, and no silent overwrite between two writers."""

import pytest

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import EditConflict

from .conftest import section


def test_a_save_stores_the_next_version(review, editor):
    summary = section(review, "summary")
    version = summary.save_body(editor, "New summary.", 1, note="tightened")
    summary.refresh_from_db()
    assert (summary.version, summary.body, summary.updated_by) == (2, "New summary.", editor)
    assert (version.version, version.body, version.author, version.note) == (
        2,
        "New summary.",
        editor,
        "tightened",
    )
    assert list(summary.versions.values_list("version", flat=True)) == [1, 2]


def test_saving_the_same_text_makes_no_version(review, editor):
    summary = section(review, "summary")
    assert summary.save_body(editor, summary.body, 1) is None
    assert summary.versions.count() == 1


def test_windows_line_breaks_are_stored_as_newlines(review, editor):
    summary = section(review, "summary")
    summary.save_body(editor, "one\r\ntwo", 1)
    summary.refresh_from_db()
    assert summary.body == "one\ntwo"


def test_a_save_from_an_older_version_is_refused_and_writes_nothing(review, editor, admin):
    mine, theirs = section(review, "impact"), section(review, "impact")
    theirs.save_body(admin, "Their impact.", 1)
    with pytest.raises(EditConflict) as caught:
        mine.save_body(editor, "My impact.", 1)
    assert caught.value.section.body == "Their impact."
    assert caught.value.section.version == 2
    stored = section(review, "impact")
    assert (stored.body, stored.version, stored.versions.count()) == ("Their impact.", 2, 2)


def test_after_a_conflict_saving_on_top_of_their_version_works(review, editor, admin):
    target = section(review, "impact")
    target.save_body(admin, "Their impact.", 1)
    target.save_body(editor, "Their impact, and mine.", 2)
    assert section(review, "impact").body == "Their impact, and mine."


def test_each_save_is_audited_with_its_version(review, editor):
    target = section(review, "learnings")
    target.save_body(editor, "We learned.", 1)
    entry = AuditEntry.objects.get(object_type="reviews.reviewsection", action="update")
    assert entry.before == {"version": 1}
    assert entry.after["version"] == 2


def test_append_adds_a_paragraph_as_a_new_version(review, editor):
    target = section(review, "learnings")
    target.save_body(editor, "First.", 1)
    version = target.append(editor, "Second.", note="added")
    assert version.body == "First.\n\nSecond.\n"
    assert version.version == 3


def test_append_to_an_empty_section_has_no_leading_blank_lines(review, editor):
    version = section(review, "learnings").append(editor, "Only.", note="added")
    assert version.body == "Only.\n"


def test_a_save_touches_the_reviews_updated_time(review, editor):
    before = review.updated_at
    section(review, "summary").save_body(editor, "Changed.", 1)
    review.refresh_from_db()
    assert review.updated_at > before
