"""Changing an action item's status inline (htmx) or with a plain form post."""

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem

from .actions_cast import *  # noqa: F403

HTMX = {"HX-Request": "true"}


def _url(item):
    return f"/incidents/{item.incident_id}/actions/{item.pk}/status/"


def _post(client, item, data, **kwargs):
    """Pick a status as the row shows it: with the item's current version."""
    item.refresh_from_db()
    return client.post(_url(item), {"version": item.version, **data}, **kwargs)


def test_htmx_gets_the_items_row_back(as_editor, item):
    response = _post(as_editor, item, {"status": "in_progress"}, headers=HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith(f'<tr id="item-{item.pk}"')
    assert '<option value="in_progress" selected>' in body
    item.refresh_from_db()
    assert item.status == "in_progress"


def test_the_row_keeps_the_incident_column_on_the_cross_incident_list(as_editor, item):
    response = _post(as_editor, item, {"status": "done", "next": "list"}, headers=HTMX)
    assert f'href="/incidents/{item.incident_id}/actions/"' in response.content.decode()


def test_a_plain_post_redirects_back_to_the_item(as_editor, item):
    response = _post(as_editor, item, {"status": "done"})
    assert response["Location"] == f"/incidents/{item.incident_id}/actions/#item-{item.pk}"
    response = _post(as_editor, item, {"status": "open", "next": "list"})
    assert response["Location"] == "/actions/"


def test_done_is_audited_and_timestamped(as_editor, item, frozen):
    _post(as_editor, item, {"status": "done"}, headers=HTMX)
    item.refresh_from_db()
    assert item.closed_at is not None
    assert AuditEntry.objects.get(action="status").after == {"status": "done"}


def test_an_unknown_status_changes_nothing(as_editor, item):
    response = _post(as_editor, item, {"status": "finished"}, headers=HTMX)
    assert response.status_code == 200
    assert ActionItem.objects.get().status == "open"


def test_viewers_cannot_change_a_status(as_viewer, item):
    assert _post(as_viewer, item, {"status": "done"}).status_code == 403
    assert ActionItem.objects.get().status == "open"


def test_outsiders_get_404_for_a_restricted_item(as_outsider, restricted_item):
    assert _post(as_outsider, restricted_item, {"status": "done"}).status_code == 404
    assert ActionItem.objects.get().status == "open"


def test_it_wants_post(as_editor, item):
    assert as_editor.get(_url(item)).status_code == 405
