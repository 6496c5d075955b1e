"""Sign-in throttling through a real server, with connections from two loopback addresses.

The test client only pretends with REMOTE_ADDR; here the server sees the
addresses the sockets really come from (the whole of 127.0.0.0/8 is loopback).
"""

from __future__ import annotations

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from cast import make_user

from unblame.accounts.models import AuditEntry, LoginFailure


class Browser:
    """A tiny cookie-keeping HTTP client bound to one source address."""

    def __init__(self, base_url: str, source: str) -> None:
        parts = urlsplit(base_url)
        self.host, self.port, self.source = parts.hostname, parts.port, source
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None):
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=30, source_address=(self.source, 0)
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        connection.close()
        return response, text

    def sign_in(self, username: str, password: str) -> int:
        _, page = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "the sign-in page has a CSRF token"
        body = {"username": username, "password": password, "csrfmiddlewaretoken": token[1]}
        response, _ = self.request("POST", "/login/", body)
        return response.status


@pytest.fixture
def vic(db):
    return make_user("vic", "viewer")


# A live server needs committed rows. Serialized rollback puts the migrations'
# rows back after the flush instead of letting post_migrate recreate content
# types under new keys, which broke every later test that restores them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_guesser_on_another_address_is_slowed_and_the_real_person_signs_in(live_server, vic):
    guesser = Browser(live_server.url, "127.0.0.2")
    statuses = [guesser.sign_in("vic", "wrong guess") for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert guesser.sign_in("vic", "correct horse 1") == 429

    real = Browser(live_server.url, "127.0.0.1")
    assert real.sign_in("vic", "correct horse 1") == 302
    assert set(LoginFailure.objects.values_list("address", flat=True)) == {"127.0.0.2"}
    logins = AuditEntry.objects.filter(action="login")
    assert [entry.after["address"] for entry in logins] == ["127.0.0.1"]
