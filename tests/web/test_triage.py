"""The triage page: a person declares an incident from waiting alerts, or dismisses them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident, Severity, TimelineEvent
from unblame.incidents.triage import TriageEntry

TRIAGE = reverse("incidents:triage")
AT = datetime(2026, 3, 4, 11, 55, tzinfo=UTC)


@pytest.fixture
def waiting(db):
    entry = TriageEntry(
        source="alert:1",
        source_name="prometheus",
        group_digest="g1",
        title="Checkout 5xx above 5%",
        suggested_severity="SEV1",
    )
    entry.hold("k1", AT, "Alert firing: Checkout 5xx above 5%", True, "fp1")
    return entry


def declare_url(entry):
    return reverse("incidents:triage_declare", args=[entry.pk])


def test_it_lists_waiting_alerts_with_the_suggestion_as_a_hint(as_viewer, waiting):
    page = as_viewer.get(TRIAGE).content.decode()
    assert "Checkout 5xx above 5%" in page
    assert "the alert suggests SEV1" in page
    # Viewers read, they do not decide.
    assert "Declare an incident" not in page


def test_the_severity_is_not_chosen_for_the_person(as_editor, waiting):
    page = as_editor.get(TRIAGE).content.decode()
    assert '<option value="" selected>Choose a severity</option>' in page


def test_declaring_without_a_severity_is_refused_and_keeps_the_entry(as_editor, waiting):
    response = as_editor.post(declare_url(waiting), {f"t{waiting.pk}-title": "Checkout down"})
    assert response.status_code == 400
    assert "Choose a severity for the incident." in response.content.decode()
    assert not Incident.objects.exists()
    waiting.refresh_from_db()
    assert waiting.state == TriageEntry.State.OPEN


def test_declaring_opens_the_incident_with_the_alerts_on_its_timeline(as_editor, editor, waiting):
    sev3 = Severity.objects.get(name="SEV3")
    response = as_editor.post(
        declare_url(waiting),
        {f"t{waiting.pk}-title": "Checkout down", f"t{waiting.pk}-severity": sev3.pk},
    )
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == incident.get_absolute_url()
    assert incident.title == "Checkout down"
    assert incident.severity == sev3
    assert incident.detected_at == AT
    assert incident.is_responder(editor)
    alert = incident.events.get(kind=TimelineEvent.Kind.ALERT)
    assert (alert.source, alert.external_id, alert.occurred_at) == ("alert:1", "k1", AT)
    waiting.refresh_from_db()
    assert (waiting.state, waiting.incident, waiting.decided_by) == ("declared", incident, editor)
    assert AuditEntry.objects.filter(action="declared", object_id=str(waiting.pk)).exists()


def test_a_decided_entry_cannot_be_declared_again(as_editor, editor, waiting):
    waiting.dismiss(editor)
    sev3 = Severity.objects.get(name="SEV3")
    response = as_editor.post(declare_url(waiting), {f"t{waiting.pk}-severity": sev3.pk})
    assert response.status_code == 404
    assert not Incident.objects.exists()


def test_dismissing_records_who_and_leaves_no_incident(as_editor, editor, waiting):
    response = as_editor.post(reverse("incidents:triage_dismiss", args=[waiting.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == TriageEntry.State.DISMISSED
    assert waiting.decided_by == editor
    assert not Incident.objects.exists()
    assert "dismissed by ed" in as_editor.get(TRIAGE).content.decode()


def test_viewers_may_not_decide(as_viewer, waiting):
    assert as_viewer.post(reverse("incidents:triage_dismiss", args=[waiting.pk])).status_code == 403
    sev3 = Severity.objects.get(name="SEV3")
    assert (
        as_viewer.post(declare_url(waiting), {f"t{waiting.pk}-severity": sev3.pk}).status_code
        == 403
    )
    waiting.refresh_from_db()
    assert waiting.state == TriageEntry.State.OPEN


def test_the_incident_list_says_how_many_wait(as_editor, waiting):
    assert "Triage (1 waiting)" in as_editor.get(reverse("incidents:list")).content.decode()
