"""The cast every web and browser test starts from, built here once.

- admin (alice): sees and changes everything, reads the audit log.
- editor (ed): changes incidents; a responder on the restricted incident.
- viewer (vic): reads public incidents, changes nothing.
- outsider (otto): an editor who is not on the restricted incident; to them
  it does not exist.

`incident` is public, `restricted` is the security incident. tests/web and
tests/browser wrap these builders in fixtures of the same names, each on its
own kind of database.
"""

from __future__ import annotations

from datetime import UTC, datetime

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Responder, Service, Severity

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def make_user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(
        username=username, password="correct horse 1", role=role, **extra
    )


def admin() -> User:
    return make_user("alice", User.Role.ADMIN)


def editor(**extra) -> User:
    return make_user("ed", User.Role.EDITOR, **extra)


def viewer() -> User:
    return make_user("vic", User.Role.VIEWER)


def outsider() -> User:
    return make_user("otto", User.Role.EDITOR)


def sev2() -> Severity:
    return Severity.objects.get(name="SEV2")


def checkout() -> Service:
    return Service.objects.create(name="checkout")


def incident(severity: Severity, checkout: Service, editor: User) -> Incident:
    incident = Incident.objects.create(
        title="Checkout errors after deploy",
        summary="Card payments failed.",
        severity=severity,
        declared_at=NOW,
        impact_started_at=NOW,
    )
    incident.services.add(checkout)
    Responder.objects.create(incident=incident, user=editor, role=Responder.Role.INCIDENT_COMMANDER)
    return incident


def restricted(severity: Severity, editor: User) -> Incident:
    incident = Incident.objects.create(
        title="Credential stuffing against sign-in",
        summary="Security incident.",
        severity=severity,
        restricted=True,
        declared_at=NOW,
    )
    Responder.objects.create(incident=incident, user=editor, role=Responder.Role.RESPONDER)
    return incident
