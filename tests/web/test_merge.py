"""Merging a duplicate incident: its record moves to the one kept, the duplicate is trashed."""

from __future__ import annotations

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem, ContributingFactor
from unblame.incidents.merge import merge_incidents
from unblame.incidents.models import Incident, Responder, TimelineEvent
from unblame.reviews.services import draft_review

from .actions_cast import *  # noqa: F403
from .conftest import make_user


def duplicate_of(incident, editor):
    other = Incident.objects.create(
        title="Checkout 500s", severity=incident.severity, declared_at=incident.declared_at
    )
    TimelineEvent.objects.create(incident=other, text="Payments page errors reported.")
    Responder.objects.create(incident=other, user=editor, role=Responder.Role.SCRIBE)
    return other


def test_merging_moves_timeline_responders_factors_and_actions(admin, editor, incident, item):
    duplicate = duplicate_of(incident, editor)
    dana = make_user("dana", "editor")
    Responder.objects.create(incident=duplicate, user=dana, role=Responder.Role.RESPONDER)
    factor = ContributingFactor.objects.create(
        incident=duplicate, category=item.factors.first().category, description="No alert on 5xx."
    )
    duplicate_item = ActionItem.objects.create(incident=duplicate, title="Alert on 5xx rate")

    moved = merge_incidents(incident, duplicate, admin)

    assert incident.events.filter(text="Payments page errors reported.").exists()
    # Ed was already on the kept incident: one role per person, so his scribe role stays behind.
    assert list(
        incident.responders.values_list("user__username", flat=True).order_by("user__username")
    ) == [
        "dana",
        "ed",
    ]
    factor.refresh_from_db()
    duplicate_item.refresh_from_db()
    assert factor.incident_id == incident.pk
    assert duplicate_item.incident_id == incident.pk
    assert moved["timeline events"] == 1
    assert moved["responders"] == 1
    assert moved["contributing factors"] == 1
    assert moved["action items"] == 1
    duplicate.refresh_from_db()
    assert duplicate.in_trash
    note = incident.events.get(text__startswith=f"Incident #{duplicate.pk}")
    assert "1 timeline events" in note.text
    assert AuditEntry.objects.filter(action="merge", object_id=str(incident.pk)).exists()


def test_the_duplicates_review_comes_along_when_the_kept_has_none(admin, editor, incident):
    duplicate = duplicate_of(incident, editor)
    review = draft_review(duplicate, editor)
    merge_incidents(incident, duplicate, admin)
    review.refresh_from_db()
    assert review.incident_id == incident.pk


def test_the_kept_review_wins_when_both_have_one(admin, editor, incident):
    kept_review = draft_review(incident, editor)
    duplicate = duplicate_of(incident, editor)
    other_review = draft_review(duplicate, editor)
    merge_incidents(incident, duplicate, admin)
    other_review.refresh_from_db()
    assert other_review.incident_id == duplicate.pk
    assert incident.review == kept_review


def test_the_same_alert_on_both_stays_with_the_duplicate(admin, editor, incident):
    duplicate = duplicate_of(incident, editor)
    for target in (incident, duplicate):
        TimelineEvent.objects.create(
            incident=target, text="Alert firing", source="alert:1", external_id="abc"
        )
    merge_incidents(incident, duplicate, admin)
    assert incident.events.filter(external_id="abc").count() == 1


def test_an_incident_is_not_merged_into_itself(as_admin, incident):
    url = reverse("incidents:merge", args=[incident.pk])
    response = as_admin.post(url, {"duplicate": incident.pk, "confirm": "1"})
    assert response.status_code == 400
    incident.refresh_from_db()
    assert not incident.in_trash


def test_the_page_asks_before_merging(as_admin, editor, incident):
    duplicate = duplicate_of(incident, editor)
    url = reverse("incidents:merge", args=[incident.pk])
    page = as_admin.get(url, {"duplicate": duplicate.pk}).content.decode()
    assert f"Merge and trash #{duplicate.pk}" in page
    duplicate.refresh_from_db()
    assert not duplicate.in_trash
    response = as_admin.post(url, {"duplicate": duplicate.pk, "confirm": "1"})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.in_trash


def test_only_admins_merge(as_editor, editor, incident):
    duplicate = duplicate_of(incident, editor)
    url = reverse("incidents:merge", args=[incident.pk])
    assert as_editor.post(url, {"duplicate": duplicate.pk, "confirm": "1"}).status_code == 403
    duplicate.refresh_from_db()
    assert not duplicate.in_trash


def test_a_trashed_incident_cannot_be_picked_as_the_duplicate(as_admin, admin, editor, incident):
    duplicate = duplicate_of(incident, editor)
    duplicate.trash(admin)
    url = reverse("incidents:merge", args=[incident.pk])
    response = as_admin.post(url, {"duplicate": duplicate.pk, "confirm": "1"})
    assert response.status_code == 400
    assert "no other incident" in response.content.decode()


def test_the_duplicates_commander_joins_as_a_responder_when_the_kept_has_one(
    admin, editor, incident
):
    duplicate = duplicate_of(incident, editor)
    dana = make_user("dana", "editor")
    Responder.objects.create(incident=duplicate, user=dana, role=Responder.Role.INCIDENT_COMMANDER)
    merge_incidents(incident, duplicate, admin)
    roles = dict(incident.responders.values_list("user__username", "role"))
    assert roles == {"ed": "incident_commander", "dana": "responder"}
