"""on_visible_incident: rows of other tables follow their incident's visibility, per row."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from unblame.actions.models import ActionItem
from unblame.incidents.access import on_visible_incident, visible_events
from unblame.incidents.models import Incident, TimelineEvent


def _items(user) -> set[str]:
    return set(ActionItem.objects.filter(on_visible_incident(user)).values_list("title", flat=True))


def _setup(incident, restricted):
    ActionItem.objects.create(incident=incident, title="Public item")
    ActionItem.objects.create(incident=restricted, title="Restricted item")


def test_an_outsider_and_a_viewer_see_rows_of_public_incidents_only(
    outsider, viewer, incident, restricted
):
    _setup(incident, restricted)
    assert _items(outsider) == _items(viewer) == {"Public item"}


def test_a_responder_and_an_admin_see_the_restricted_incidents_rows(
    editor, admin, incident, restricted
):
    _setup(incident, restricted)
    assert _items(editor) == _items(admin) == {"Public item", "Restricted item"}


def test_signed_out_or_inactive_people_see_no_rows(editor, incident, restricted):
    _setup(incident, restricted)
    assert _items(AnonymousUser()) == set()
    editor.is_active = False
    editor.save()
    assert _items(editor) == set()


def test_another_path_to_the_incident_can_be_named(outsider, incident, restricted):
    through = Incident.services.through
    incident.services.add(*restricted.services.all())
    rows = through.objects.filter(on_visible_incident(outsider, "incident_id"))
    assert set(rows.values_list("incident_id", flat=True)) <= {incident.pk}
    assert (
        not through.objects.filter(incident=restricted)
        .filter(on_visible_incident(outsider, "incident_id"))
        .exists()
    )


def test_visible_events_follow_it_too(outsider, editor, incident, restricted):
    TimelineEvent.objects.create(incident=incident, text="public note")
    TimelineEvent.objects.create(incident=restricted, text="restricted note")
    assert "restricted note" not in set(visible_events(outsider).values_list("text", flat=True))
    assert "restricted note" in set(visible_events(editor).values_list("text", flat=True))
    assert "public note" in set(visible_events(outsider).values_list("text", flat=True))
