"""on_visible_incident: rows of other tables follow their incident's visibility, per row."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Exists

from unblame.actions.models import ActionItem
from unblame.incidents import access
from unblame.incidents.access import (
    hidden_incidents,
    off_hidden_incidents,
    on_visible_incident,
    on_visible_incident_in_order,
    visible_events,
    visible_incidents,
)
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


def test_hidden_incidents_are_exactly_the_ones_not_visible(
    admin, editor, viewer, outsider, incident, restricted, sev2
):
    trashed = Incident.objects.create(title="Duplicate", severity=sev2)
    Incident.all_objects.filter(pk=trashed.pk).update(deleted_at=incident.declared_at)
    everyone = set(Incident.all_objects.values_list("pk", flat=True))
    for user in (admin, editor, viewer, outsider, AnonymousUser()):
        visible = set(visible_incidents(user).values_list("pk", flat=True))
        hidden = set(hidden_incidents(user).values_list("pk", flat=True))
        assert visible | hidden == everyone, user
        assert not visible & hidden, user
        assert trashed.pk in hidden
    assert restricted.pk in set(hidden_incidents(outsider).values_list("pk", flat=True))
    assert restricted.pk not in set(hidden_incidents(editor).values_list("pk", flat=True))


def test_hidden_incidents_split_every_mix_of_trashed_and_restricted(
    admin, editor, viewer, outsider, restricted, sev2
):
    # Each of the four flag pairs, and the editor a responder on every restricted one.
    made = {}
    for trashed in (False, True):
        for secret in (False, True):
            one = Incident.objects.create(title="x", severity=sev2, restricted=secret)
            if secret:
                one.responders.create(user=editor)
            if trashed:
                Incident.all_objects.filter(pk=one.pk).update(deleted_at=restricted.declared_at)
            made[trashed, secret] = one.pk
    expected_hidden = {
        admin: {made[True, False], made[True, True]},
        editor: {made[True, False], made[True, True]},
        viewer: {made[True, False], made[True, True], made[False, True], restricted.pk},
        outsider: {made[True, False], made[True, True], made[False, True], restricted.pk},
    }
    for user, hidden in expected_hidden.items():
        assert set(hidden_incidents(user).values_list("pk", flat=True)) == hidden, user


def test_a_deactivated_responder_sees_nothing_and_everything_is_hidden(editor, restricted):
    editor.is_active = False
    editor.save()
    assert not visible_incidents(editor).exists()
    assert set(hidden_incidents(editor).values_list("pk", flat=True)) == {restricted.pk}


def test_the_services_page_leaves_out_trashed_incidents(as_admin, incident, checkout, sev2):
    trashed = Incident.objects.create(title="Duplicate", severity=sev2)
    trashed.services.add(checkout)
    Incident.all_objects.filter(pk=trashed.pk).update(deleted_at=incident.declared_at)
    (service,) = as_admin.get("/services/").context["services"]
    assert service.incident_count == 1


def test_off_hidden_incidents_keeps_the_same_rows_for_everyone(
    admin, editor, viewer, outsider, incident, restricted, sev2
):
    # An item on each of the four pairs of flags; the editor responds to the restricted ones.
    _setup(incident, restricted)
    for trashed in (False, True):
        for secret in (False, True):
            one = Incident.objects.create(title="x", severity=sev2, restricted=secret)
            one.responders.create(user=editor)
            ActionItem.objects.create(incident=one, title=f"trashed={trashed} secret={secret}")
            if trashed:
                Incident.all_objects.filter(pk=one.pk).update(deleted_at=restricted.declared_at)
    inactive = outsider.__class__.objects.create(username="gone", role="editor", is_active=False)
    for user in (admin, editor, viewer, outsider, inactive, AnonymousUser()):
        kept = ActionItem.objects.filter(off_hidden_incidents(user))
        assert set(kept.values_list("title", flat=True)) == _items(user), user
    assert _items(viewer) == {"Public item", "trashed=False secret=False"}


def test_off_hidden_incidents_takes_another_path_to_the_incident(outsider, incident, restricted):
    TimelineEvent.objects.create(incident=incident, text="public note")
    TimelineEvent.objects.create(incident=restricted, text="restricted note")
    kept = TimelineEvent.objects.filter(off_hidden_incidents(outsider, "incident_id"))
    assert set(kept.values_list("text", flat=True)) == {"public note"}


@pytest.mark.parametrize("engine", ["postgresql", "sqlite"])
def test_a_long_lists_filter_keeps_the_same_rows_in_either_shape(
    monkeypatch, engine, admin, editor, viewer, outsider, incident, restricted
):
    _setup(incident, restricted)
    # Either shape runs on either engine; only the choice between them follows the engine.
    monkeypatch.setattr(access, "connection", SimpleNamespace(vendor=engine))
    for user in (admin, editor, viewer, outsider, AnonymousUser()):
        kept = ActionItem.objects.filter(on_visible_incident_in_order(user))
        assert set(kept.values_list("title", flat=True)) == _items(user), (engine, user)


def test_postgresql_reads_the_hidden_incidents_once_and_sqlite_checks_each_row(monkeypatch, viewer):
    monkeypatch.setattr(access, "connection", SimpleNamespace(vendor="postgresql"))
    assert not isinstance(on_visible_incident_in_order(viewer), Exists)
    monkeypatch.setattr(access, "connection", SimpleNamespace(vendor="sqlite"))
    assert isinstance(on_visible_incident_in_order(viewer), Exists)


def test_sqlite_finds_the_visible_restricted_incidents_by_index_not_by_scan(viewer, restricted):
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite query plan")
    sql, params = hidden_incidents(viewer).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[3] for row in cursor.fetchall()]
    assert any("deleted_at=? AND restricted=?" in step for step in plan), plan


def test_items_visible_in_order_are_the_visible_items(
    admin, editor, viewer, outsider, incident, restricted
):
    _setup(incident, restricted)
    for user in (admin, editor, viewer, outsider, AnonymousUser()):
        listed = ActionItem.objects.visible_in_order_to(user).values_list("title", flat=True)
        assert set(listed) == _items(user), user


def test_hidden_incidents_follow_a_change_of_role_at_once(admin, viewer, restricted, sev2):
    # The admin's hidden set is the trash alone, said without the restricted flag;
    # promoting or demoting someone must change what is hidden from them at once.
    trashed = Incident.objects.create(title="Old", severity=sev2, restricted=True)
    Incident.all_objects.filter(pk=trashed.pk).update(deleted_at=restricted.declared_at)
    assert set(hidden_incidents(admin).values_list("pk", flat=True)) == {trashed.pk}
    assert set(hidden_incidents(viewer).values_list("pk", flat=True)) == {trashed.pk, restricted.pk}
    viewer.role, admin.role = admin.role, viewer.role
    viewer.save()
    admin.save()
    assert set(hidden_incidents(viewer).values_list("pk", flat=True)) == {trashed.pk}
    assert set(hidden_incidents(admin).values_list("pk", flat=True)) == {trashed.pk, restricted.pk}


def test_a_responder_on_a_trashed_restricted_incident_still_has_it_hidden(viewer, restricted):
    # The responder rows name it, but the trash hides it from everyone.
    restricted.responders.create(user=viewer)
    assert restricted.pk not in set(hidden_incidents(viewer).values_list("pk", flat=True))
    Incident.all_objects.filter(pk=restricted.pk).update(deleted_at=restricted.declared_at)
    assert restricted.pk in set(hidden_incidents(viewer).values_list("pk", flat=True))
    assert not visible_incidents(viewer).filter(pk=restricted.pk).exists()
