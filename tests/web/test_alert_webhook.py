import copy
import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from integrations.samples import ALERTMANAGER

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Service, Severity, Status, TimelineEvent
from unblame.incidents.triage import TriageEntry
from unblame.integrations import models as integration_models
from unblame.integrations.models import AlertSource

from .conftest import NOW

STARTS_AT = datetime(2024, 5, 1, 14, 3, 0, 123456, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def source(db):
    source = AlertSource(name="prometheus", default_severity=Severity.objects.get(name="SEV3"))
    source.token = source.new_token()
    source.save()
    return source


@pytest.fixture
def generic(db):
    source = AlertSource(
        name="uptime",
        kind=AlertSource.Kind.GENERIC,
        default_severity=Severity.objects.get(name="SEV2"),
    )
    source.token = source.new_token()
    source.save()
    return source


@pytest.fixture
def hook():
    # Webhooks come from machines, with no CSRF token: the check must not apply.
    return Client(enforce_csrf_checks=True)


def post(client, source, body, token=None, **extra):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token or source.token}", **extra}
    return client.post(
        f"/hooks/alerts/{source.pk}/", data, content_type="application/json", **headers
    )


def notification(**changes):
    data = copy.deepcopy(ALERTMANAGER)
    data["alerts"][0].update(changes)
    return data


def alert_events():
    return TimelineEvent.objects.filter(kind=TimelineEvent.Kind.ALERT)


# -- Triage, declaring and appending ------------------------------------------------------


def entry():
    return TriageEntry.objects.get()


def declared(severity="SEV2", actor=None):
    """Declare the one waiting entry as a person would, with the severity they chose."""
    actor = actor or User.objects.get_or_create(username="sam", defaults={"role": "editor"})[0]
    return TriageEntry.waiting().get().declare(actor, Severity.objects.get(name=severity))


def test_a_firing_alert_opens_a_triage_entry_not_an_incident(hook, source):
    response = post(hook, source, ALERTMANAGER)
    assert response.status_code == 201
    assert not Incident.objects.exists()
    waiting = entry()
    assert response.json() == {
        "opened_incidents": [],
        "triage_entries": [waiting.pk],
        "held_for_triage": 0,
        "appended": 0,
        "duplicates": 0,
        "ignored": 0,
    }
    assert waiting.title == "CheckoutErrors: 5xx above 5% on checkout"
    assert waiting.state == TriageEntry.State.OPEN
    assert waiting.first_at == STARTS_AT


def test_declaring_opens_the_incident_with_the_chosen_severity_and_the_alerts(hook, source):
    Severity.objects.filter(name="SEV1").update(label="critical")
    post(hook, source, ALERTMANAGER)
    assert entry().suggested_severity == "SEV1"
    incident = declared("SEV3")
    assert incident.severity.name == "SEV3"
    assert incident.title == "CheckoutErrors: 5xx above 5% on checkout"
    assert incident.status == Status.INVESTIGATING
    assert incident.detected_at == STARTS_AT
    assert incident.declared_at == NOW
    event = alert_events().get()
    assert event.incident == incident
    assert event.occurred_at == STARTS_AT
    assert event.author_name == "prometheus"
    assert event.text.startswith("Alert firing: CheckoutErrors")
    assert "Error ratio 7.2% for 10 minutes." in event.text
    assert entry().state == TriageEntry.State.DECLARED


def test_an_unknown_severity_label_suggests_the_source_default(hook, source):
    labels = {**ALERTMANAGER["alerts"][0]["labels"], "severity": "page-someone"}
    data = {**notification(labels=labels), "commonLabels": {}}
    post(hook, source, data)
    assert entry().suggested_severity == "SEV3"


def test_the_service_label_and_the_source_service_are_attached(hook, source):
    checkout = Service.objects.create(name="checkout")
    source.service = Service.objects.create(name="payments")
    source.save()
    post(hook, source, ALERTMANAGER)
    assert set(declared().services.all()) == {checkout, source.service}


def test_alerts_of_the_same_group_wait_on_the_same_entry(hook, source):
    post(hook, source, ALERTMANAGER)
    later = notification(fingerprint="other", startsAt="2024-05-01T14:10:00Z")
    assert post(hook, source, later).json()["held_for_triage"] == 1
    assert len(entry().alerts) == 2
    declared()
    assert alert_events().count() == 2


def test_a_new_alert_of_the_same_group_joins_the_declared_open_incident(hook, source):
    post(hook, source, ALERTMANAGER)
    incident = declared()
    response = post(
        hook, source, notification(fingerprint="other", startsAt="2024-05-01T14:10:00Z")
    )
    assert response.status_code == 200
    assert response.json()["appended"] == 1
    assert incident.events.filter(kind=TimelineEvent.Kind.ALERT).count() == 2


def test_an_alert_with_a_known_fingerprint_joins_the_open_incident_from_another_group(hook, source):
    post(hook, source, ALERTMANAGER)
    incident = declared()
    regrouped = {
        **notification(startsAt="2024-05-01T15:00:00Z"),
        "groupKey": '{}:{alertname="Regrouped"}',
    }
    assert post(hook, source, regrouped).json()["appended"] == 1
    assert incident.events.filter(kind=TimelineEvent.Kind.ALERT).count() == 2
    assert TriageEntry.objects.count() == 1


def test_another_group_opens_another_triage_entry(hook, source):
    post(hook, source, ALERTMANAGER)
    other = {**notification(fingerprint="disk"), "groupKey": '{}:{alertname="DiskFull"}'}
    post(hook, source, other)
    assert TriageEntry.waiting().count() == 2
    assert not Incident.objects.exists()


def test_a_redelivered_notification_changes_nothing(hook, source):
    post(hook, source, ALERTMANAGER)
    response = post(hook, source, ALERTMANAGER)
    assert response.status_code == 200
    assert response.json()["duplicates"] == 1
    assert len(entry().alerts) == 1
    declared()
    assert post(hook, source, ALERTMANAGER).json()["duplicates"] == 1
    assert alert_events().count() == 1


def test_a_dismissed_entry_does_not_come_back_for_a_resent_alert(hook, source, admin):
    post(hook, source, ALERTMANAGER)
    entry().dismiss(admin)
    assert post(hook, source, ALERTMANAGER).json()["duplicates"] == 1
    assert not TriageEntry.waiting().exists()


def test_a_new_firing_after_a_dismissal_opens_a_new_entry(hook, source, admin):
    post(hook, source, ALERTMANAGER)
    entry().dismiss(admin)
    post(hook, source, notification(startsAt="2024-05-02T09:00:00Z"))
    assert TriageEntry.waiting().count() == 1


def test_a_resolved_alert_is_added_but_leaves_the_incident_open(hook, source):
    post(hook, source, ALERTMANAGER)
    incident = declared()
    resolved = notification(status="resolved", endsAt="2024-05-01T14:30:00Z")
    assert post(hook, source, resolved).json()["appended"] == 1
    incident.refresh_from_db()
    assert incident.status == Status.INVESTIGATING
    event = alert_events().last()
    assert event.occurred_at == datetime(2024, 5, 1, 14, 30, tzinfo=UTC)
    assert "stays open until a responder resolves it" in event.text


def test_a_resolution_while_waiting_is_held_with_the_firing(hook, source):
    post(hook, source, ALERTMANAGER)
    post(hook, source, notification(status="resolved", endsAt="2024-05-01T14:30:00Z"))
    waiting = entry()
    assert [alert["firing"] for alert in waiting.alerts] == [True, False]
    assert waiting.firing_count == 1


def test_a_resolved_alert_reaches_the_incident_even_after_it_was_resolved(hook, source, admin):
    post(hook, source, ALERTMANAGER)
    incident = declared()
    incident.transition_to(Status.RESOLVED, admin)
    post(hook, source, notification(status="resolved"))
    assert Incident.objects.count() == 1
    assert alert_events().count() == 2


def test_a_resolved_alert_of_an_unknown_group_is_ignored(hook, source):
    response = post(hook, source, notification(status="resolved"))
    assert response.json()["ignored"] == 1
    assert not TriageEntry.objects.exists()


def test_a_new_firing_after_the_incident_was_resolved_waits_for_triage(hook, source, admin):
    post(hook, source, ALERTMANAGER)
    declared().transition_to(Status.RESOLVED, admin)
    post(hook, source, notification(startsAt="2024-05-02T09:00:00Z"))
    assert Incident.objects.count() == 1
    assert TriageEntry.waiting().count() == 1


def test_a_resent_firing_after_the_incident_was_resolved_opens_nothing(hook, source, admin):
    post(hook, source, ALERTMANAGER)
    declared().transition_to(Status.RESOLVED, admin)
    assert post(hook, source, ALERTMANAGER).json()["duplicates"] == 1
    assert not TriageEntry.waiting().exists()


def test_several_alerts_of_one_notification_share_one_entry(hook, source):
    data = notification()
    data["alerts"].append({**data["alerts"][0], "fingerprint": "second"})
    response = post(hook, source, data)
    assert response.json()["triage_entries"] == [entry().pk]
    assert response.json()["held_for_triage"] == 1
    assert len(entry().alerts) == 2


def test_the_source_remembers_its_last_delivery(hook, source):
    post(hook, source, ALERTMANAGER)
    source.refresh_from_db()
    assert source.last_delivery_at == NOW


def test_the_generic_form_opens_a_triage_entry(hook, generic):
    body = {"title": "Checkout down", "status": "firing", "text": "3 regions failing"}
    assert post(hook, generic, body).status_code == 201
    waiting = entry()
    assert waiting.title == "Checkout down"
    assert waiting.suggested_severity == "SEV2"
    assert declared().detected_at == NOW


def test_the_generic_form_is_idempotent_with_a_start_time(hook, generic):
    body = {"title": "Checkout down", "status": "firing", "starts_at": "2026-03-04T11:58:00Z"}
    post(hook, generic, body)
    assert post(hook, generic, body).json()["duplicates"] == 1


# -- Authentication ---------------------------------------------------------------------------


def test_a_wrong_token_is_refused(hook, source):
    response = post(hook, source, ALERTMANAGER, token="ubh_wrong")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not Incident.objects.exists()


def test_an_unknown_source_looks_the_same_as_a_wrong_token(hook, source):
    wrong = post(hook, source, ALERTMANAGER, token="ubh_wrong")
    response = hook.post(
        "/hooks/alerts/9999/",
        json.dumps(ALERTMANAGER),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {source.token}",
    )
    assert response.status_code == wrong.status_code == 401
    assert response.json() == wrong.json()


def test_a_missing_token_is_refused(hook, source):
    response = hook.post(
        f"/hooks/alerts/{source.pk}/", json.dumps(ALERTMANAGER), content_type="application/json"
    )
    assert response.status_code == 401


def test_another_sources_token_is_refused(hook, source, generic):
    assert post(hook, source, ALERTMANAGER, token=generic.token).status_code == 401


def test_the_token_can_come_in_the_query_string(hook, source):
    response = hook.post(
        f"/hooks/alerts/{source.pk}/?token={source.token}",
        json.dumps(ALERTMANAGER),
        content_type="application/json",
    )
    assert response.status_code == 201


def test_only_post_is_allowed(hook, source):
    response = hook.get(f"/hooks/alerts/{source.pk}/", HTTP_AUTHORIZATION=f"Bearer {source.token}")
    assert response.status_code == 405


def test_only_a_digest_of_the_token_is_stored(source):
    source.refresh_from_db()
    assert source.token not in source.token_digest
    assert len(source.token_digest) == 64


# -- Malformed bodies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "body is not valid JSON"),
        (b"", "body is empty"),
        (b'{"groupKey": "g", "alerts": []}', "alerts: should be a non-empty array"),
        (json.dumps(notification(status="pending")).encode(), "alerts[0].status"),
        (json.dumps(notification(startsAt="soon")).encode(), "alerts[0].startsAt"),
    ],
)
def test_a_malformed_body_gets_400_with_a_reason(hook, source, body, reason):
    response = post(hook, source, body)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not Incident.objects.exists()


def test_one_bad_alert_rejects_the_whole_notification(hook, source):
    data = notification()
    data["alerts"].append({**data["alerts"][0], "status": "weird"})
    response = post(hook, source, data)
    assert response.status_code == 400
    assert "alerts[1].status" in response.json()["error"]
    assert not Incident.objects.exists()
    assert not TimelineEvent.objects.exists()


def test_a_body_over_one_megabyte_is_refused(hook, source):
    response = post(hook, source, b"{" + b" " * (1024 * 1024 + 1) + b"}")
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


def test_a_failure_halfway_through_a_delivery_writes_nothing(hook, source, monkeypatch):
    data = notification()
    data["alerts"].append({**data["alerts"][0], "fingerprint": "second"})
    original = integration_models.alert_event_text
    calls = []

    def fail_on_second(alert):
        calls.append(alert)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return original(alert)

    monkeypatch.setattr(integration_models, "alert_event_text", fail_on_second)
    with pytest.raises(RuntimeError):
        post(hook, source, data)
    assert not Incident.objects.exists()
    assert not TimelineEvent.objects.exists()
