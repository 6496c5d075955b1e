"""One role per person per incident, one commander at a time, and destructive buttons that ask."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Responder, TimelineEvent

from .actions_cast import *  # noqa: F403

COMMANDER = Responder.Role.INCIDENT_COMMANDER


def roles(incident):
    return dict(incident.responders.values_list("user__username", "role"))


def test_adding_someone_already_on_it_changes_their_role(as_editor, incident, viewer):
    url = f"/incidents/{incident.pk}/responders/"
    as_editor.post(url, {"user": viewer.pk, "role": "scribe"})
    as_editor.post(url, {"user": viewer.pk, "role": "communications"})
    assert roles(incident)["vic"] == "communications"
    assert incident.responders.filter(user=viewer).count() == 1
    change = AuditEntry.objects.filter(object_type="incidents.responder", action="update").get()
    assert (change.before, change.after) == ({"role": "scribe"}, {"role": "communications"})


def test_the_same_role_again_changes_nothing(incident, editor):
    incident.add_responder(editor, COMMANDER, editor)
    assert incident.responders.count() == 1
    assert not AuditEntry.objects.filter(action="update").exists()


def test_a_new_commander_takes_over_and_the_previous_stays_as_responder(incident, editor, viewer):
    incident.add_responder(viewer, COMMANDER, editor)
    assert roles(incident) == {"ed": "responder", "vic": "incident_commander"}
    handover = incident.events.get(kind=TimelineEvent.Kind.FIELD_CHANGE)
    assert handover.text == "ed handed incident command over to vic."
    assert handover.is_system


def test_the_database_refuses_a_second_role_or_a_second_commander(incident, editor, viewer):
    with pytest.raises(IntegrityError), transaction.atomic():
        Responder.objects.create(incident=incident, user=editor, role="scribe")
    with pytest.raises(IntegrityError), transaction.atomic():
        Responder.objects.create(incident=incident, user=viewer, role=COMMANDER)


def test_removing_a_responder_asks_first(as_editor, incident):
    page = as_editor.get(incident.get_absolute_url()).content.decode()
    assert '<details class="confirm">' in page
    assert 'aria-label="Remove ed as incident commander">Remove</summary>' in page
    assert "Yes, remove ed" in page


def test_deleting_a_factor_asks_first(as_editor, incident, factor):
    page = as_editor.get(f"/incidents/{incident.pk}/actions/").content.decode()
    assert '<summary aria-label="Delete this factor">Delete</summary>' in page
    assert "Yes, delete this factor" in page


def test_deleting_a_category_asks_first(as_admin, db):
    page = as_admin.get("/settings/factor-categories/").content.decode()
    assert "Yes, delete" in page
