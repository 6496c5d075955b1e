"""What the later writer sees: what changed meanwhile, their input kept, and a choice.

Each test has two people open the same thing; the first saves, and the
second's save from the version they opened is answered 409 with their own
input still there. Saving again from that page is "keep mine"; reloading
is "take theirs".
"""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Severity, TimelineEvent
from unblame.reviews.models import Debrief, Review, ReviewTemplate
from unblame.reviews.services import draft_review

from .actions_cast import *  # noqa: F403
from .conftest import make_user
from .test_no_silent_overwrite import browser_data, page_data


@pytest.fixture
def as_ada(db) -> Client:
    """A second editor (an admin, for the settings pages), opening the same pages."""
    client = Client()
    client.force_login(make_user("ada", "admin"))
    return client


def _html(response) -> str:
    return response.content.decode()


# -- Incidents -------------------------------------------------------------------------------


def test_a_later_incident_save_shows_both_and_keeps_what_was_typed(as_editor, as_ada, incident):
    url = f"/incidents/{incident.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    theirs = page_data(as_editor, url, "form")
    as_editor.post(url, {**theirs, "title": "Checkout down for card payments"})
    response = as_ada.post(url, {**mine, "title": "Card payments failing", "summary": "4% failed"})
    assert response.status_code == 409
    conflict = response.context["conflict"]
    assert conflict.changed_by == "ed"
    rows = {row.label: (row.theirs, row.yours) for row in conflict.differences}
    assert rows["Title"] == ("Checkout down for card payments", "Card payments failing")
    assert rows["Summary"] == ("Card payments failed.", "4% failed")
    html = _html(response)
    assert "Changed since you opened it" in html
    assert 'value="Card payments failing"' in html
    assert response.context["form"]["version"].value() == "2"
    # Nothing of the later writer reached the record.
    assert Incident.objects.get(pk=incident.pk).title == "Checkout down for card payments"


def test_keep_mine_saves_the_kept_input_over_theirs(as_editor, as_ada, incident):
    url = f"/incidents/{incident.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    as_editor.post(url, {**page_data(as_editor, url, "form"), "title": "Theirs"})
    refused = as_ada.post(url, {**mine, "title": "Mine"})
    again = as_ada.post(url, browser_data(refused.context["form"]))
    assert again.status_code == 302
    assert Incident.objects.get(pk=incident.pk).title == "Mine"
    updates = AuditEntry.objects.filter(action="update", object_type="incidents.incident")
    assert [entry.after["title"] for entry in updates.order_by("id")] == ["Theirs", "Mine"]


def test_take_theirs_is_the_edit_page_with_the_stored_values(as_editor, as_ada, incident):
    url = f"/incidents/{incident.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    as_editor.post(url, {**page_data(as_editor, url, "form"), "title": "Theirs"})
    refused = as_ada.post(url, {**mine, "title": "Mine"})
    assert f'href="{url}"' in _html(refused)
    assert as_ada.get(url).context["form"]["title"].value() == "Theirs"


def test_a_form_without_its_version_saves_nothing(as_editor, incident):
    url = f"/incidents/{incident.pk}/edit/"
    data = page_data(as_editor, url, "form")
    del data["version"]
    response = as_editor.post(url, {**data, "title": "No version"})
    assert response.status_code == 200
    assert "out of date" in _html(response)
    assert Incident.objects.get(pk=incident.pk).title == incident.title


def test_a_stale_page_cannot_reach_a_restricted_incident(as_outsider, restricted):
    response = as_outsider.post(
        f"/incidents/{restricted.pk}/edit/", {"version": 1, "title": "x", "severity": 1}
    )
    assert response.status_code == 404


def test_a_status_from_a_stale_page_offers_to_apply_it_anyway(as_editor, as_ada, incident):
    url = f"/incidents/{incident.pk}/status/"
    as_editor.post(url, {"version": 1, "status": "identified"})
    response = as_ada.post(url, {"version": 1, "status": "monitoring", "note": "Error rate down"})
    assert response.status_code == 409
    html = _html(response)
    assert "Apply mine anyway" in html and "Keep theirs" in html
    assert "Error rate down" in html
    assert dict(response.context["resend"])["version"] == "2"
    again = as_ada.post(url, dict(response.context["resend"]))
    assert again.status_code == 302
    stored = Incident.objects.get(pk=incident.pk)
    assert stored.status == "monitoring"


def test_an_htmx_conflict_replaces_the_page(as_editor, as_ada, incident, editor):
    event = TimelineEvent.objects.create(incident=incident, text="Rollback started")
    url = f"/incidents/{incident.pk}/events/{event.pk}/highlight/"
    as_editor.post(url, {"version": 1, "highlighted": "1"})
    response = as_ada.post(url, {"version": 1, "highlighted": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert response["HX-Retarget"] == "body"
    assert response["HX-Reswap"] == "innerHTML"


def test_a_timeline_event_edit_keeps_the_later_text(as_editor, as_ada, incident):
    event = TimelineEvent.objects.create(incident=incident, text="Rollback started")
    url = f"/incidents/{incident.pk}/events/{event.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    as_editor.post(url, {**page_data(as_editor, url, "form"), "text": "Rollback of 42 started"})
    response = as_ada.post(url, {**mine, "text": "Rolled back deploy 42 at 12:10"})
    assert response.status_code == 409
    assert "Rolled back deploy 42 at 12:10" in _html(response)
    # Both earlier versions stay in the history; the refused text made none.
    assert event.revisions.count() == 1


def test_removing_a_responder_twice_is_a_404(as_editor, as_ada, incident):
    responder = incident.responders.get()
    url = f"/incidents/{incident.pk}/responders/{responder.pk}/remove/"
    assert as_editor.post(url, {"version": 1}).status_code == 302
    assert as_ada.post(url, {"version": 1}).status_code == 404


def test_a_button_without_its_version_is_refused(as_editor, incident):
    responder = incident.responders.get()
    response = as_editor.post(f"/incidents/{incident.pk}/responders/{responder.pk}/remove/")
    assert response.status_code == 400
    assert incident.responders.exists()


def test_the_pages_carry_the_versions(as_editor, incident, editor):
    event = TimelineEvent.objects.create(incident=incident, text="Rollback started")
    event.edit(editor, text="Rollback of 42 started")
    html = _html(as_editor.get(f"/incidents/{incident.pk}/"))
    assert 'name="version" value="2"' in html  # the event's highlight button
    assert html.count('name="version" value="1"') == 2  # the status form and the responder


def test_severities_show_the_row_that_changed(as_admin, as_ada):
    url = "/settings/severities/"
    mine = page_data(as_ada, url, "formset")
    as_admin.post(url, {**page_data(as_admin, url, "formset"), "form-0-label": "On fire"})
    response = as_ada.post(url, {**mine, "form-0-label": "Down", "form-1-label": "Degraded"})
    assert response.status_code == 409
    rows = [(r.label, r.theirs, r.yours) for r in response.context["conflict"].differences]
    assert rows == [("SEV1: Label", "On fire", "Down")]
    # Nothing of the page was saved, not even the row nobody else touched.
    assert Severity.objects.get(name="SEV2").label != "Degraded"
    again = as_ada.post(url, browser_data(response.context["formset"]))
    assert again.status_code == 302
    assert [Severity.objects.get(name=n).label for n in ("SEV1", "SEV2")] == ["Down", "Degraded"]


# -- Factors, action items, categories ------------------------------------------------------------


def test_a_factor_saved_meanwhile_keeps_the_later_description(as_editor, as_ada, incident, factor):
    url = f"/incidents/{incident.pk}/factors/{factor.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    as_editor.post(url, {**page_data(as_editor, url, "form"), "description": "Theirs."})
    response = as_ada.post(url, {**mine, "description": "Config pushes skip the canary."})
    assert response.status_code == 409
    assert "Config pushes skip the canary." in _html(response)
    assert ContributingFactor.objects.get(pk=factor.pk).description == "Theirs."


def test_a_factor_deleted_after_an_edit_is_kept(as_editor, as_ada, incident, factor):
    edit = f"/incidents/{incident.pk}/factors/{factor.pk}/edit/"
    as_editor.post(edit, {**page_data(as_editor, edit, "form"), "description": "Edited."})
    response = as_ada.post(f"/incidents/{incident.pk}/factors/{factor.pk}/delete/", {"version": 1})
    assert response.status_code == 409
    assert "ed" in response.context["conflict"].changed_by
    assert ContributingFactor.objects.filter(pk=factor.pk).exists()


def test_an_item_saved_meanwhile_keeps_both(as_editor, as_ada, incident, item):
    url = f"/incidents/{incident.pk}/actions/{item.pk}/edit/"
    mine = page_data(as_ada, url, "form")
    as_editor.post(url, {**page_data(as_editor, url, "form"), "priority": "p1"})
    response = as_ada.post(url, {**mine, "title": "Canary every config push"})
    assert response.status_code == 409
    rows = {row.label: (row.theirs, row.yours) for row in response.context["conflict"].differences}
    assert rows["Priority"] == ("P1 · urgent", "P3 · medium")
    assert rows["Title"][1] == "Canary every config push"
    again = as_ada.post(url, browser_data(response.context["form"]))
    assert again.status_code == 302
    stored = ActionItem.objects.get(pk=item.pk)
    assert (stored.title, stored.priority) == ("Canary every config push", "p3")


def test_an_item_status_from_a_stale_row_is_refused(as_editor, as_ada, item):
    url = f"/incidents/{item.incident_id}/actions/{item.pk}/status/"
    as_editor.post(url, {"version": 1, "status": "done"})
    response = as_ada.post(url, {"version": 1, "status": "wont_do"}, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert ActionItem.objects.get(pk=item.pk).status == "done"


def test_a_category_renamed_meanwhile_is_not_deleted(as_admin, as_ada):
    unused = FactorCategory.objects.get(name="Staffing and load")
    url = "/settings/factor-categories/"
    index = list(FactorCategory.objects.all()).index(unused)
    as_admin.post(url, {**page_data(as_admin, url, "formset"), f"form-{index}-name": "Staffing"})
    response = as_ada.post(f"{url}{unused.pk}/delete/", {"version": 1})
    assert response.status_code == 409
    assert FactorCategory.objects.get(pk=unused.pk).name == "Staffing"


# -- Review templates ------------------------------------------------------------------------


def test_a_template_saved_meanwhile_shows_every_stale_row(as_admin, as_ada):
    template = ReviewTemplate.objects.get(is_default=True)
    url = f"/settings/review-templates/{template.pk}/"
    mine = page_data(as_ada, url, "form", "formset")
    theirs = page_data(as_admin, url, "form", "formset")
    as_admin.post(url, {**theirs, "sections-0-title": "What happened"})
    response = as_ada.post(url, {**mine, "sections-0-title": "The story"})
    assert response.status_code == 409
    labels = [row.label for row in response.context["conflict"].differences]
    assert labels == ["What happened (Blameless review): Title"]
    assert 'value="The story"' in _html(response)
    again = as_ada.post(url, browser_data(response.context["form"], response.context["formset"]))
    assert again.status_code == 302
    assert template.sections.first().title == "The story"


# -- Reviews ---------------------------------------------------------------------------------------


def test_a_review_state_from_a_stale_page_is_refused_first(as_editor, as_ada, incident, editor):
    review = draft_review(incident, editor)
    url = f"/incidents/{incident.pk}/review/state/"
    as_editor.post(url, {"version": 1, "state": "in_review"})
    # The stale page offered "send for review" too; it is told why not, not just refused.
    response = as_ada.post(url, {"version": 1, "state": "in_review", "note": "Ready for eyes"})
    assert response.status_code == 409
    assert "Ready for eyes" in _html(response)
    assert Review.objects.get(pk=review.pk).state_changes.count() == 2  # draft, in review


def test_a_debrief_saved_in_another_tab_keeps_both(incident, editor):
    Debrief.objects.create(incident=incident, author=editor, seeing="The dashboard.")
    one, two = Client(), Client()
    one.force_login(editor)
    two.force_login(editor)
    url = f"/incidents/{incident.pk}/debrief/"
    first, second = page_data(one, url, "form"), page_data(two, url, "form")
    one.post(url, {**first, "seeing": "The canary dashboard was green."})
    response = two.post(url, {**second, "surprised": "The graph lagged by five minutes."})
    assert response.status_code == 409
    assert "The graph lagged by five minutes." in _html(response)
    stored = Debrief.objects.get()
    assert (stored.seeing, stored.surprised) == ("The canary dashboard was green.", "")
    again = two.post(url, browser_data(response.context["form"]))
    assert again.status_code == 302
    assert Debrief.objects.get().surprised == "The graph lagged by five minutes."
