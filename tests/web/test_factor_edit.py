"""Adding, editing and deleting contributing factors on an incident."""

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.models import TimelineEvent

from .actions_cast import *  # noqa: F403


def _url(incident, factor=None, action="new"):
    if factor is None:
        return f"/incidents/{incident.pk}/factors/new/"
    return f"/incidents/{incident.pk}/factors/{factor.pk}/{action}/"


def test_it_shows_the_form_with_the_incidents_events(as_editor, incident, event, restricted):
    TimelineEvent.objects.create(incident=restricted, text="Elsewhere")
    response = as_editor.get(_url(incident))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Deploy 42 rolled out." in body
    assert "Elsewhere" not in body


def test_it_adds_a_factor_linked_to_events(as_editor, editor, incident, category, event):
    response = as_editor.post(
        _url(incident),
        {"category": category.pk, "description": "No canary stage.", "events": [event.pk]},
    )
    factor = ContributingFactor.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/incidents/{incident.pk}/actions/#factor-{factor.pk}"
    assert (factor.incident, factor.category, factor.created_by) == (incident, category, editor)
    assert list(factor.events.all()) == [event]
    entry = AuditEntry.objects.get(object_type="actions.contributingfactor")
    assert entry.action == "create" and entry.after["description"] == "No canary stage."


def test_it_refuses_an_event_of_another_incident(as_admin, incident, restricted, category):
    other = TimelineEvent.objects.create(incident=restricted, text="Elsewhere")
    response = as_admin.post(
        _url(incident), {"category": category.pk, "description": "x", "events": [other.pk]}
    )
    assert response.status_code == 400
    assert not ContributingFactor.objects.exists()


def test_it_requires_a_category_and_a_description(as_editor, incident):
    response = as_editor.post(_url(incident), {"category": "", "description": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"category", "description"}


def test_it_edits_a_factor_and_audits_the_change(as_editor, incident, factor):
    testing = FactorCategory.objects.get(name="Testing")
    response = as_editor.post(
        _url(incident, factor, "edit"),
        {
            "category": testing.pk,
            "description": factor.description,
            "events": [],
            "version": factor.version,
        },
    )
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.category == testing and factor.events.count() == 0
    entry = AuditEntry.objects.get(action="update")
    assert entry.before["category"] == "Change management"
    assert entry.after == {"category": "Testing", "events": []}


def test_an_unchanged_edit_writes_no_audit_entry(as_editor, incident, factor, event):
    data = {
        "category": factor.category_id,
        "description": factor.description,
        "events": [event.pk],
        "version": factor.version,
    }
    as_editor.post(_url(incident, factor, "edit"), data)
    assert not AuditEntry.objects.filter(action="update").exists()


def test_it_deletes_a_factor(as_editor, incident, factor):
    response = as_editor.post(_url(incident, factor, "delete"), {"version": factor.version})
    assert response.status_code == 302
    assert not ContributingFactor.objects.exists()
    assert AuditEntry.objects.filter(action="delete").exists()


def test_viewers_cannot_change_factors(as_viewer, incident, factor, category):
    assert as_viewer.get(_url(incident)).status_code == 403
    assert as_viewer.post(_url(incident, factor, "edit"), {}).status_code == 403
    assert as_viewer.post(_url(incident, factor, "delete")).status_code == 403
    assert ContributingFactor.objects.count() == 1


def test_a_factor_is_found_only_through_its_own_incident(as_admin, incident, restricted, factor):
    assert as_admin.get(_url(restricted, factor, "edit")).status_code == 404


def test_outsiders_get_404_on_a_restricted_incidents_factors(as_outsider, restricted, category):
    factor = ContributingFactor.objects.create(
        incident=restricted, category=category, description="Per-IP limits only."
    )
    assert as_outsider.get(_url(restricted)).status_code == 404
    assert as_outsider.post(_url(restricted, factor, "delete")).status_code == 404
    assert ContributingFactor.objects.filter(pk=factor.pk).exists()
