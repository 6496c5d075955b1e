"""The section editor: saves make versions; a stale save keeps both texts and overwrites nothing."""

import pytest
from django.urls import reverse

from .conftest import section


def _url(incident, key="summary"):
    return reverse("reviews:section_edit", args=[incident.pk, key])


def _post(client, incident, body, base, key="summary", **extra):
    return client.post(_url(incident, key), {"body": body, "base_version": base, **extra})


def test_the_editor_opens_with_the_text_and_its_version(as_editor, incident, review):
    response = as_editor.get(_url(incident))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Card payments failed." in page
    assert 'name="base_version" value="1"' in page
    assert reverse("reviews:analyze", args=[incident.pk]) in page


def test_the_editor_shows_findings_on_the_stored_text(as_editor, incident, review, editor):
    section(review, "timeline").save_body(editor, "Dana broke checkout.", 1)
    page = as_editor.get(_url(incident, "timeline")).content.decode()
    assert "person-as-cause" in page
    assert '<mark id="mark-0"' in page


def test_saving_stores_a_new_version_and_returns_to_the_section(as_editor, incident, review):
    response = _post(as_editor, incident, "Payments failed for 40 minutes.", 1, note="facts")
    assert response.status_code == 302
    assert response["Location"].endswith("#section-summary")
    summary = section(review, "summary")
    assert (summary.body, summary.version) == ("Payments failed for 40 minutes.", 2)
    assert summary.versions.last().note == "facts"


def test_a_stale_save_is_refused_with_both_texts_and_a_clear_message(
    as_editor, as_admin, incident, review
):
    _post(as_admin, incident, "Alice's summary.", 1)
    response = _post(as_editor, incident, "Ed's summary.", 1)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Changed since you opened it" in page
    assert "alice saved version 2" in page
    assert "Alice&#x27;s summary." in page  # theirs, shown
    assert "Ed&#x27;s summary." in page  # yours, kept
    assert section(review, "summary").body == "Alice's summary."


def test_after_a_conflict_the_form_keeps_your_text_on_top_of_their_version(
    as_editor, as_admin, incident, review
):
    _post(as_admin, incident, "Alice's summary.", 1)
    page = _post(as_editor, incident, "Ed's summary.", 1).content.decode()
    assert 'name="base_version" value="2"' in page
    textarea = page[page.index('<textarea name="body"') :]
    assert textarea[: textarea.index("</textarea>")].endswith("Ed&#x27;s summary.")


def test_saving_again_after_a_conflict_is_a_deliberate_overwrite(
    as_editor, as_admin, incident, review
):
    _post(as_admin, incident, "Alice's summary.", 1)
    _post(as_editor, incident, "Ed's summary.", 1)
    assert _post(as_editor, incident, "Both summaries.", 2).status_code == 302
    assert section(review, "summary").body == "Both summaries."
    assert section(review, "summary").versions.count() == 3


def test_a_save_without_changes_makes_no_version(as_editor, incident, review):
    _post(as_editor, incident, section(review, "summary").body, 1)
    assert section(review, "summary").versions.count() == 1


def test_a_form_without_its_version_is_rejected(as_editor, incident, review):
    response = as_editor.post(_url(incident), {"body": "x"})
    assert response.status_code == 400
    assert section(review, "summary").version == 1


def test_a_viewer_cannot_edit(as_viewer, incident, review):
    assert as_viewer.get(_url(incident)).status_code == 403
    assert _post(as_viewer, incident, "Viewer text.", 1).status_code == 403
    assert section(review, "summary").version == 1


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert as_outsider.get(_url(restricted)).status_code == 404
    assert _post(as_outsider, restricted, "x", 1).status_code == 404


def test_an_unknown_section_is_404(as_editor, incident, review):
    assert as_editor.get(_url(incident, "nope")).status_code == 404


def test_a_published_review_cannot_be_edited(as_editor, incident, review):
    review.state = "published"
    review.save()
    response = _post(as_editor, incident, "Late change.", 1)
    assert response.status_code == 302
    assert section(review, "summary").version == 1


@pytest.mark.parametrize("key", ["summary", "action_items"])
def test_every_section_has_an_editor(as_editor, incident, review, key):
    assert as_editor.get(_url(incident, key)).status_code == 200
