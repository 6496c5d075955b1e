"""The factors-and-actions page of one incident, and its card on the incident page."""

from unblame.actions.models import ActionItem

from .actions_cast import *  # noqa: F403


def _page(client, incident):
    return client.get(f"/incidents/{incident.pk}/actions/")


def test_it_lists_factors_with_their_events_and_items(as_viewer, incident, factor, item, event):
    response = _page(as_viewer, incident)
    body = response.content.decode()
    assert response.status_code == 200
    assert factor.description in body and "Change management" in body
    assert f'href="/incidents/{incident.pk}/#event-{event.pk}"' in body
    assert item.title in body
    assert f'href="#item-{item.pk}"' in body  # the factor names the item addressing it


def test_it_shows_the_share_of_items_that_change_the_system(as_viewer, incident, item):
    ActionItem.objects.create(incident=incident, title="Remind engineers to double-check configs")
    body = _page(as_viewer, incident).content.decode()
    assert "<strong>1 of 2</strong> action items change the system (50%)" in body
    assert "The remedy relies on training or reminding people." in body


def test_overdue_items_are_marked(as_viewer, incident, item, frozen):
    body = _page(as_viewer, incident).content.decode()
    assert "Overdue" in body and "1 overdue" in body


def test_viewers_see_no_editing_controls(as_viewer, incident, factor, item):
    body = _page(as_viewer, incident).content.decode()
    assert "Add factor" not in body and "Add action item" not in body
    assert "<select" not in body
    assert '<span class="item-status item-status-open">Open</span>' in body


def test_editors_get_inline_status_and_edit_links(as_editor, incident, factor, item):
    body = _page(as_editor, incident).content.decode()
    assert f'hx-post="/incidents/{incident.pk}/actions/{item.pk}/status/"' in body
    assert f"/incidents/{incident.pk}/factors/{factor.pk}/edit/" in body
    assert f"/incidents/{incident.pk}/actions/new/?factor={factor.pk}" in body


def test_an_empty_incident_says_so(as_viewer, incident):
    body = _page(as_viewer, incident).content.decode()
    assert "No contributing factors yet." in body and "No action items yet." in body


def test_the_incident_page_has_a_factors_and_actions_card(as_viewer, incident, factor, item):
    body = as_viewer.get(f"/incidents/{incident.pk}/").content.decode()
    assert "1 contributing factor · 1 action item" in body
    assert f'href="/incidents/{incident.pk}/actions/"' in body


def test_the_review_summary_partial_needs_only_the_incident(incident, factor, item, rf, viewer):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = viewer
    html = render_to_string("actions/_incident_summary.html", {"incident": incident}, request)
    assert factor.description in html and item.title in html
    assert "<strong>1 of 1</strong> action item changes the system (100%)" in html


def test_outsiders_get_404_on_a_restricted_incident(as_outsider, restricted, restricted_item):
    assert _page(as_outsider, restricted).status_code == 404
