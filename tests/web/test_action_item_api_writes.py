"""Action items written through the API: what is refused (and why), what lands, and who may.

A refused write changes nothing and names the field; a write that lands is
audited and moves the item's version on, as an edit in the page does.
"""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem

from .actions_cast import *  # noqa: F403


def call(user, method, url, body=None, **headers):
    client = Client()
    auth = {"Authorization": f"Bearer {user.new_api_token()}", **headers}
    send = getattr(client, method)
    if body is None:
        return send(url, headers=auth)
    return send(url, body, content_type="application/json", headers=auth)


def add(user, incident, **body):
    return call(user, "post", f"/api/incidents/{incident.pk}/action-items", body)


def change(user, item, **body):
    return call(user, "patch", f"/api/action-items/{item.pk}", body)


# -- Creating -----------------------------------------------------------------------------


def test_a_new_item_takes_every_field_given_and_defaults_the_rest(editor, incident, viewer):
    response = add(
        editor,
        incident,
        title="Stage config like code",
        description="Config goes through the canary.",
        owner="vic",
        due_date="2026-04-01",
        priority="p1",
        kind="detect",
    )
    assert response.status_code == 201
    item = ActionItem.objects.get()
    assert (item.title, item.owner, item.due_date.isoformat()) == (
        "Stage config like code",
        viewer,
        "2026-04-01",
    )
    assert (item.status, item.priority, item.kind, item.created_by) == (
        "open",
        "p1",
        "detect",
        editor,
    )
    assert response["ETag"] == f'"{item.version}"'
    assert AuditEntry.objects.filter(action="create", object_id=str(item.pk)).exists()


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_a_blank_title_is_refused(editor, incident, title):
    response = add(editor, incident, title=title)
    assert response.status_code == 422
    assert "title cannot be empty" in response.json()["detail"]
    assert not ActionItem.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"title": "x", "status": "finished"},
        {"title": "x", "priority": "p9"},
        {"title": "x", "kind": "blame"},
        {"title": "x", "due_date": "next week"},
        {"description": "no title"},
    ],
)
def test_values_outside_the_choices_are_refused(editor, incident, body):
    assert add(editor, incident, **body).status_code == 422
    assert not ActionItem.objects.exists()


def test_an_owner_nobody_is_called_is_refused_by_name(editor, incident):
    response = add(editor, incident, title="x", owner="nobody-here")
    assert response.status_code == 422
    assert "'nobody-here' cannot own an item of this incident." in response.json()["detail"]


def test_a_deactivated_person_cannot_be_given_an_item(editor, incident, viewer):
    viewer.is_active = False
    viewer.save()
    assert add(editor, incident, title="x", owner="vic").status_code == 422


def test_viewers_cannot_add_items(viewer, incident):
    assert add(viewer, incident, title="x").status_code == 403
    assert not ActionItem.objects.exists()


def test_a_restricted_incident_does_not_exist_for_an_outsider(outsider, restricted):
    assert add(outsider, restricted, title="x").status_code == 404
    assert not ActionItem.objects.exists()


def test_a_responder_adds_an_item_to_a_restricted_incident_for_another_responder(
    editor, restricted, admin
):
    response = add(editor, restricted, title="Rotate keys", owner="alice")
    assert response.status_code == 201
    assert ActionItem.objects.get().owner == admin


def test_an_item_for_an_incident_that_is_not_there_is_a_404(editor, db):
    assert (
        call(editor, "post", "/api/incidents/999999/action-items", {"title": "x"}).status_code
        == 404
    )


# -- Changing -----------------------------------------------------------------------------


def test_a_change_lands_only_the_fields_named(editor, item):
    before = (item.description, item.owner_id, item.due_date, item.priority)
    response = change(editor, item, version=item.version, title="Canary every deploy")
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Canary every deploy"
    assert (item.description, item.owner_id, item.due_date, item.priority) == before
    assert response["ETag"] == f'"{item.version}"'


def test_a_change_is_audited_with_both_sides(editor, item):
    change(editor, item, version=item.version, priority="p1")
    entry = AuditEntry.objects.filter(action="update", object_id=str(item.pk)).latest("at")
    assert entry.before.get("priority") == "p3"
    assert entry.after.get("priority") == "p1"


@pytest.mark.parametrize("name", ["title", "status", "priority", "kind"])
def test_a_required_field_cannot_be_set_to_null(editor, item, name):
    response = change(editor, item, version=item.version, **{name: None})
    assert response.status_code == 422
    assert f"{name} cannot be null." in response.json()["detail"]
    item.refresh_from_db()
    assert item.version == 1


def test_a_null_description_empties_it_and_a_null_owner_unowns(editor, item):
    response = change(editor, item, version=item.version, description=None, owner=None)
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.description, item.owner) == ("", None)


def test_a_null_due_date_clears_it(editor, item):
    assert change(editor, item, version=item.version, due_date=None).status_code == 200
    item.refresh_from_db()
    assert item.due_date is None


def test_an_empty_title_is_refused_on_change_too(editor, item):
    response = change(editor, item, version=item.version, title="  ")
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.title.startswith("Add a canary")


def test_a_due_date_out_of_range_is_refused(editor, item):
    response = change(editor, item, version=item.version, due_date="0001-01-01")
    assert response.status_code == 422
    assert "due_date" in response.json()["detail"]


def test_an_owner_who_cannot_see_the_restricted_incident_is_refused(editor, restricted_item):
    response = change(editor, restricted_item, version=restricted_item.version, owner="vic")
    assert response.status_code == 422
    restricted_item.refresh_from_db()
    assert restricted_item.owner.username == "ed"


def test_done_sets_the_closing_time_and_reopening_clears_it(editor, item):
    assert change(editor, item, version=item.version, status="done").status_code == 200
    item.refresh_from_db()
    assert item.closed_at is not None
    assert change(editor, item, version=item.version, status="open").status_code == 200
    item.refresh_from_db()
    assert item.closed_at is None


def test_a_change_from_an_old_version_is_refused_and_changes_nothing(editor, item):
    assert change(editor, item, version=item.version, title="First").status_code == 200
    stale = change(editor, item, version=1, title="Second")
    assert stale.status_code == 409
    item.refresh_from_db()
    assert item.title == "First"


def test_a_change_without_a_version_is_refused(editor, item):
    assert change(editor, item, title="No version").status_code == 428
    item.refresh_from_db()
    assert item.title.startswith("Add a canary")


def test_viewers_cannot_change_items(viewer, item):
    assert change(viewer, item, version=item.version, title="x").status_code == 403


def test_an_outsider_cannot_tell_a_restricted_item_from_a_missing_one(outsider, restricted_item):
    hidden = change(outsider, restricted_item, version=1, title="x")
    missing = call(outsider, "patch", "/api/action-items/999999", {"version": 1, "title": "x"})
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
