import pytest
from django.test import Client, override_settings

from unblame.accounts.models import LoginFailure


def _login(client, username="vic", password="correct horse 1", **extra):
    return client.post("/login/", {"username": username, "password": password, **extra})


def test_it_shows_the_login_page(client, db):
    response = client.get("/login/")
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()


def test_it_signs_in(client, viewer):
    response = _login(client)
    assert response.status_code == 302
    assert client.get("/incidents/").status_code == 200


def test_it_follows_a_safe_next_url(client, viewer, incident):
    response = _login(client, next=f"/incidents/{incident.pk}/")
    assert response.url == f"/incidents/{incident.pk}/"


def test_it_ignores_an_offsite_next_url(client, viewer):
    response = _login(client, next="https://evil.example/")
    assert response.url == "/"


def test_it_rejects_a_wrong_password(client, viewer):
    response = _login(client, password="nope")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert LoginFailure.objects.count() == 1


@override_settings(LOGIN_FAILURES_PER_USER=3)
def test_it_throttles_after_repeated_failures(client, viewer):
    for _ in range(3):
        _login(client, password="nope")
    response = _login(client)  # even the right password waits
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert client.get("/incidents/").status_code == 302


@override_settings(LOGIN_FAILURES_PER_ADDRESS=3, LOGIN_FAILURES_PER_USER=100)
def test_it_throttles_one_address_trying_many_usernames(client, viewer):
    for name in ["a", "b", "c"]:
        _login(client, username=name, password="nope")
    assert _login(client).status_code == 429


def test_it_forgets_failures_after_the_window(client, viewer):
    import time_machine

    with time_machine.travel("2026-03-04 12:00Z", tick=False):
        for _ in range(5):
            _login(client, password="nope")
        assert _login(client).status_code == 429
    with time_machine.travel("2026-03-04 12:16Z", tick=False):
        assert _login(client).status_code == 302


def test_it_clears_failures_after_success(client, viewer):
    _login(client, password="nope")
    _login(client)
    assert not LoginFailure.objects.exists()


def test_it_requires_csrf_token(viewer):
    client = Client(enforce_csrf_checks=True)
    assert _login(client).status_code == 403


def test_logout_signs_out(as_viewer):
    response = as_viewer.post("/logout/")
    assert response.status_code == 302
    assert as_viewer.get("/incidents/").status_code == 302


def test_logout_requires_post(as_viewer):
    assert as_viewer.get("/logout/").status_code == 405


def test_inactive_user_cannot_sign_in(client, viewer):
    viewer.is_active = False
    viewer.save()
    assert _login(client).status_code == 200


@pytest.mark.parametrize("setting", ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"])
def test_cookies_are_secure_by_default(settings, setting):
    assert getattr(settings, setting) is True


def test_passwords_are_hashed_with_argon2_outside_tests():
    from unblame.server import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
