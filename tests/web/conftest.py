"""The cast every web test starts from: fixtures over tests/cast.py, which says who is who.

Clients come signed in as one of the cast (`as_admin`, `as_editor`, ...).
"""

from __future__ import annotations

import cast
import pytest
from cast import NOW, make_user
from django.test import Client

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Service, Severity

# Test modules import these from here as well as from cast.
__all__ = ["NOW", "make_user"]


@pytest.fixture
def admin(db) -> User:
    return cast.admin()


@pytest.fixture
def editor(db) -> User:
    return cast.editor()


@pytest.fixture
def viewer(db) -> User:
    return cast.viewer()


@pytest.fixture
def outsider(db) -> User:
    return cast.outsider()


@pytest.fixture
def sev2(db) -> Severity:
    return cast.sev2()


@pytest.fixture
def checkout(db) -> Service:
    return cast.checkout()


@pytest.fixture
def incident(db, sev2, checkout, editor) -> Incident:
    return cast.incident(sev2, checkout, editor)


@pytest.fixture
def restricted(db, sev2, editor) -> Incident:
    return cast.restricted(sev2, editor)


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


@pytest.fixture
def clients(as_admin, as_viewer) -> dict[str, Client]:
    """The admin's and the viewer's signed-in clients, by role name."""
    return {"admin": as_admin, "viewer": as_viewer}
