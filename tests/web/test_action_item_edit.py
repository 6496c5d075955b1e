"""Adding, editing and deleting action items; the try-harder hint never blocks saving."""

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem, ContributingFactor
from unblame.incidents.models import Responder

from .actions_cast import *  # noqa: F403
from .conftest import make_user


def _data(**changes):
    data = {
        "title": "Add a canary stage to the deploy pipeline",
        "description": "",
        "kind": "prevent",
        "owner": "",
        "due_date": "2026-03-20",
        "priority": "p2",
        "status": "open",
    }
    data.update(changes)
    return data


def _messages(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_it_shows_the_form_with_live_hints_wired(as_editor, incident, factor):
    body = as_editor.get(f"/incidents/{incident.pk}/actions/new/").content.decode()
    assert f'hx-post="/incidents/{incident.pk}/actions/check/?field=title"' in body
    assert factor.description in body


def test_it_preselects_the_factor_it_was_opened_from(as_editor, incident, factor):
    response = as_editor.get(f"/incidents/{incident.pk}/actions/new/?factor={factor.pk}")
    assert response.context["form"].initial["factors"] == [str(factor.pk)]


def test_it_adds_an_item_linked_to_factors(as_editor, editor, incident, factor):
    response = as_editor.post(
        f"/incidents/{incident.pk}/actions/new/",
        _data(owner=editor.pk, factors=[factor.pk]),
    )
    item = ActionItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/incidents/{incident.pk}/actions/#item-{item.pk}"
    assert (item.owner, item.created_by, item.priority) == (editor, editor, "p2")
    assert list(item.factors.all()) == [factor]
    assert AuditEntry.objects.get(object_type="actions.actionitem").action == "create"
    assert _messages(response) == ["Action item added."]


def test_a_try_harder_item_is_saved_with_a_gentle_hint(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/actions/new/",
        _data(title="Remind engineers to double-check the config before deploying"),
    )
    assert response.status_code == 302
    assert ActionItem.objects.get().title.startswith("Remind engineers")
    assert any("change to the system" in text for text in _messages(response))
    page = as_editor.get(response["Location"]).content.decode()
    assert "The remedy relies on training or reminding people." in page


def test_a_refused_form_shows_the_hint_beside_the_title(as_editor, incident):
    response = as_editor.post(
        f"/incidents/{incident.pk}/actions/new/",
        _data(title="Be more careful when running migrations", kind="nonsense"),
    )
    assert response.status_code == 400
    assert response.context["hints"]["title"]
    assert "try-harder-hint" in response.content.decode()


def test_it_refuses_a_factor_of_another_incident(as_admin, incident, restricted, category):
    other = ContributingFactor.objects.create(
        incident=restricted, category=category, description="x"
    )
    response = as_admin.post(f"/incidents/{incident.pk}/actions/new/", _data(factors=[other.pk]))
    assert response.status_code == 400
    assert not ActionItem.objects.exists()


def test_a_restricted_incidents_owner_must_be_able_to_see_it(as_editor, restricted, outsider):
    response = as_editor.post(f"/incidents/{restricted.pk}/actions/new/", _data(owner=outsider.pk))
    assert response.status_code == 400
    assert "owner" in response.context["form"].errors


def test_a_restricted_incidents_owner_can_be_a_responder_or_an_admin(as_editor, restricted, admin):
    responder = make_user("rosa", "viewer")
    Responder.objects.create(incident=restricted, user=responder)
    for person in (responder, admin):
        response = as_editor.post(
            f"/incidents/{restricted.pk}/actions/new/", _data(owner=person.pk)
        )
        assert response.status_code == 302
    assert ActionItem.objects.count() == 2


def test_it_edits_an_item_and_audits_only_what_changed(as_editor, incident, item, factor):
    response = as_editor.post(
        f"/incidents/{incident.pk}/actions/{item.pk}/edit/",
        _data(
            title=item.title,
            owner=item.owner_id,
            due_date="2026-04-01",
            factors=[],
            version=item.version,
        ),
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="update")
    assert entry.before == {
        "due_date": "2026-03-01",
        "priority": "p3",
        "factors": [str(factor)],
    }
    assert entry.after == {"due_date": "2026-04-01", "priority": "p2", "factors": []}


def test_closing_through_the_form_records_the_time(as_editor, incident, item, frozen):
    as_editor.post(
        f"/incidents/{incident.pk}/actions/{item.pk}/edit/",
        _data(title=item.title, owner=item.owner_id, status="done", version=item.version),
    )
    item.refresh_from_db()
    assert item.closed_at.isoformat() == "2026-03-04T12:00:00+00:00"


def test_it_deletes_an_item(as_editor, incident, item):
    response = as_editor.post(
        f"/incidents/{incident.pk}/actions/{item.pk}/delete/", {"version": item.version}
    )
    assert response.status_code == 302
    assert not ActionItem.objects.exists()
    assert AuditEntry.objects.get(action="delete").before["title"] == item.title


def test_viewers_cannot_change_items(as_viewer, incident, item):
    assert as_viewer.get(f"/incidents/{incident.pk}/actions/new/").status_code == 403
    assert (
        as_viewer.post(f"/incidents/{incident.pk}/actions/{item.pk}/edit/", _data()).status_code
        == 403
    )
    assert as_viewer.post(f"/incidents/{incident.pk}/actions/{item.pk}/delete/").status_code == 403
    assert ActionItem.objects.get().title == item.title


def test_an_item_is_found_only_through_its_own_incident(as_admin, restricted, item):
    assert as_admin.get(f"/incidents/{restricted.pk}/actions/{item.pk}/edit/").status_code == 404


def test_outsiders_get_404_on_a_restricted_incidents_items(
    as_outsider, restricted, restricted_item
):
    url = f"/incidents/{restricted.pk}/actions/{restricted_item.pk}"
    assert as_outsider.get(f"{url}/edit/").status_code == 404
    assert as_outsider.post(f"{url}/delete/").status_code == 404
    assert ActionItem.objects.filter(pk=restricted_item.pk).exists()
