"""The cast every web test starts from.

- admin: sees and changes everything, reads the audit log.
- editor: changes incidents; a responder on the restricted incident.
- viewer: reads public incidents, changes nothing.
- outsider: an editor who is not on the restricted incident; to them it
  does not exist.

`incident` is public, `restricted` is the security incident. Clients come
signed in as one of the cast (`as_admin`, `as_editor`, ...).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Responder, Service, Severity

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def make_user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(
        username=username, password="correct horse 1", role=role, **extra
    )


@pytest.fixture
def admin(db) -> User:
    return make_user("alice", User.Role.ADMIN)


@pytest.fixture
def editor(db) -> User:
    return make_user("ed", User.Role.EDITOR)


@pytest.fixture
def viewer(db) -> User:
    return make_user("vic", User.Role.VIEWER)


@pytest.fixture
def outsider(db) -> User:
    return make_user("otto", User.Role.EDITOR)


@pytest.fixture
def sev2(db) -> Severity:
    return Severity.objects.get(name="SEV2")


@pytest.fixture
def checkout(db) -> Service:
    return Service.objects.create(name="checkout")


@pytest.fixture
def incident(db, sev2, checkout, editor) -> Incident:
    incident = Incident.objects.create(
        title="Checkout errors after deploy",
        summary="Card payments failed.",
        severity=sev2,
        declared_at=NOW,
        impact_started_at=NOW,
    )
    incident.services.add(checkout)
    Responder.objects.create(incident=incident, user=editor, role=Responder.Role.INCIDENT_COMMANDER)
    return incident


@pytest.fixture
def restricted(db, sev2, editor) -> Incident:
    incident = Incident.objects.create(
        title="Credential stuffing against sign-in",
        summary="Security incident.",
        severity=sev2,
        restricted=True,
        declared_at=NOW,
    )
    Responder.objects.create(incident=incident, user=editor, role=Responder.Role.RESPONDER)
    return incident


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_admin(admin) -> Client:
    return _client_for(admin)


@pytest.fixture
def as_editor(editor) -> Client:
    return _client_for(editor)


@pytest.fixture
def as_viewer(viewer) -> Client:
    return _client_for(viewer)


@pytest.fixture
def as_outsider(outsider) -> Client:
    return _client_for(outsider)
