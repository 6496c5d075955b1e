"""Sign-in throttling: a guesser is slowed down; the real person is never kept out by them.

Two loopback addresses stand for two machines: 127.0.0.1 is the real person,
127.0.0.2 (and more) the one guessing.
"""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client, override_settings

from unblame.accounts import throttle
from unblame.accounts.models import AuditEntry, LoginFailure

REAL, GUESSER = "127.0.0.1", "127.0.0.2"
START = "2026-03-04 12:00:00Z"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def _login(client, username="vic", password="correct horse 1"):
    return client.post("/login/", {"username": username, "password": password})


def _fail(client, times, username="vic"):
    for _ in range(times):
        assert _login(client, username, "wrong guess").status_code == 200


@pytest.mark.parametrize("typed", ["vic ", " vic", "vic\t", "ｖｉｃ", "VIC", "Vic"])
def test_failures_count_on_the_account_however_its_name_is_typed(viewer, typed):
    guesser = _from(GUESSER)
    _fail(guesser, 4, "vic")
    _fail(guesser, 1, typed)
    assert set(LoginFailure.objects.values_list("username", flat=True)) == {"vic"}
    assert _login(guesser).status_code == 429


@pytest.mark.parametrize("typed", ["vic ", " vic", "ｖｉｃ"])
def test_the_variants_counted_together_are_the_ones_sign_in_accepts(viewer, typed):
    # Why the count strips and applies NFKC: sign-in does, so these reach the account.
    assert _login(_from(REAL), typed).status_code == 302


def test_the_account_key_strips_normalises_and_casefolds():
    assert throttle.account_key("  Ｖic\t") == "vic"
    assert len(throttle.account_key("x" * 1000)) == LoginFailure.KEY_LENGTH


def test_a_guesser_elsewhere_does_not_keep_the_real_person_out(viewer):
    _fail(_from(GUESSER), 5)
    assert _login(_from(GUESSER)).status_code == 429
    assert _login(_from(REAL)).status_code == 302


def test_an_admin_is_not_kept_out_either(admin):
    for _ in range(12):
        _login(_from(GUESSER), "alice", "wrong guess")
    response = _login(_from(REAL), "alice")
    assert response.status_code == 302
    assert response.wsgi_request.user == admin


def test_the_wait_starts_short_and_doubles_with_each_failure(viewer, frozen):
    guesser = _from(GUESSER)
    _fail(guesser, 5)
    refused = _login(guesser)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert "Wait 30 s and try again" in refused.content.decode()
    frozen.shift(31)
    _fail(guesser, 1)
    assert _login(guesser)["Retry-After"] == "60"
    frozen.shift(61)
    _fail(guesser, 1)
    assert _login(guesser)["Retry-After"] == "120"


@override_settings(LOGIN_BACKOFF_SECONDS=600)
def test_the_wait_never_exceeds_the_window(viewer, frozen):
    guesser = _from(GUESSER)
    _fail(guesser, 5)
    assert _login(guesser)["Retry-After"] == "600"
    frozen.shift(601)
    _fail(guesser, 1)
    assert _login(guesser)["Retry-After"] == str(15 * 60)


def test_attempts_refused_while_waiting_are_not_counted_nor_checked(viewer):
    guesser = _from(GUESSER)
    _fail(guesser, 5)
    for _ in range(10):
        assert _login(guesser, password="wrong guess").status_code == 429
    assert LoginFailure.objects.count() == 5
    # The right password during the wait is refused too: the wait is not an oracle.
    assert _login(guesser).status_code == 429


def test_after_the_wait_the_right_password_signs_in(viewer, frozen):
    client = _from(REAL)
    _fail(client, 5)
    frozen.shift(31)
    assert _login(client).status_code == 302


@override_settings(LOGIN_BACKOFF_SECONDS=3600)
def test_failures_older_than_the_window_are_forgotten(viewer, frozen):
    client = _from(REAL)
    _fail(client, 5)
    frozen.shift(14 * 60)
    assert _login(client).status_code == 429
    frozen.shift(2 * 60)
    assert _login(client).status_code == 302


def test_failures_older_than_the_window_are_deleted_at_the_next_failure(viewer, frozen):
    _fail(_from(GUESSER), 3)
    frozen.shift(16 * 60)
    _fail(_from(REAL), 1)
    assert list(LoginFailure.objects.values_list("address", flat=True)) == [REAL]


def test_signing_in_clears_only_this_clients_failures(viewer):
    _fail(_from(GUESSER), 4)
    real = _from(REAL)
    _fail(real, 2)
    assert _login(real).status_code == 302
    assert list(LoginFailure.objects.values_list("address", flat=True).distinct()) == [GUESSER]
    assert LoginFailure.objects.count() == 4


@override_settings(LOGIN_FAILURES_PER_ACCOUNT=6)
def test_guessing_from_many_addresses_slows_unknown_clients_of_that_account(viewer, editor):
    for n in range(2, 8):
        _fail(_from(f"127.0.0.{n}"), 1)
    assert _login(_from("127.0.0.50")).status_code == 429
    # Other accounts are untouched.
    assert _login(_from("127.0.0.50"), "ed").status_code == 302


@override_settings(LOGIN_FAILURES_PER_ACCOUNT=6)
def test_a_known_device_signs_in_while_the_account_is_under_attack(viewer):
    browser = _from(REAL)
    assert _login(browser).status_code == 302
    browser.post("/logout/")
    for n in range(2, 20):
        _login(_from(f"127.0.0.{n}"), password="wrong guess")
    assert _login(_from("127.0.0.50")).status_code == 429
    assert _login(browser).status_code == 302


@override_settings(LOGIN_FAILURES_PER_ADDRESS=3)
def test_one_address_trying_many_accounts_is_slowed(viewer):
    office = _from("127.0.0.9")
    for name in ["a", "b", "c"]:
        _login(office, name, "wrong guess")
    assert _login(office).status_code == 429


@override_settings(LOGIN_FAILURES_PER_ADDRESS=3)
def test_colleagues_behind_a_busy_address_sign_in_from_their_own_browsers(viewer, editor):
    vic_browser, ed_browser = _from("127.0.0.9"), _from("127.0.0.9")
    assert _login(vic_browser).status_code == 302
    assert _login(ed_browser, "ed").status_code == 302
    vic_browser.post("/logout/")
    ed_browser.post("/logout/")
    guesser = _from("127.0.0.9")
    for name in ["a", "b", "c", "d"]:
        _login(guesser, name, "wrong guess")
    assert _login(_from("127.0.0.9")).status_code == 429  # a browser never signed in here
    assert _login(vic_browser).status_code == 302
    assert _login(ed_browser, "ed").status_code == 302


def test_a_known_device_is_slowed_on_its_own_count(viewer):
    browser = _from(REAL)
    _login(browser)
    browser.post("/logout/")
    _fail(browser, 5)
    assert set(LoginFailure.objects.values_list("device", flat=True)) != {""}
    assert _login(browser).status_code == 429
    # The same address without the cookie is another client.
    assert _login(_from(REAL)).status_code == 302


def test_a_device_cookie_for_another_account_does_not_count_as_known(viewer, editor):
    browser = _from(REAL)
    _login(browser, "ed")
    browser.post("/logout/")
    _fail(browser, 1)
    assert LoginFailure.objects.get().device == ""


def test_a_forged_device_cookie_is_ignored(viewer):
    guesser = _from(GUESSER)
    guesser.cookies[throttle.DEVICE_COOKIE] = '{"id": "x", "accounts": ["vic"]}'
    _fail(guesser, 5)
    assert LoginFailure.objects.filter(device="").count() == 5
    assert _login(guesser).status_code == 429


def test_the_device_cookie_is_private_to_the_server(viewer):
    response = _login(_from(REAL))
    cookie = response.cookies[throttle.DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["secure"]
    assert cookie["samesite"] == "Lax"


def test_a_device_remembers_a_few_accounts_latest_last(db):
    from cast import make_user

    browser = _from(REAL)
    for n in range(7):
        make_user(f"u{n}", "viewer")
        assert _login(browser, f"u{n}").status_code == 302
        browser.post("/logout/")
    request = _login(browser, "u6").wsgi_request
    cookie = throttle._read_cookie(request)
    assert cookie["accounts"] == ["u2", "u3", "u4", "u5", "u6"]


# -- The audit log ------------------------------------------------------------------------------


def _actions():
    return list(AuditEntry.objects.order_by("id").values_list("action", "object_repr"))


def test_sign_in_and_out_are_audited_with_the_address(viewer):
    client = _from(REAL)
    _login(client)
    client.post("/logout/")
    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.action, e.actor, e.object_id) for e in entries] == [
        ("login", viewer, str(viewer.pk)),
        ("logout", viewer, str(viewer.pk)),
    ]
    assert entries[0].after == {"address": REAL, "known_device": False}


def test_failures_and_the_start_of_a_wait_are_audited(viewer):
    _fail(_from(GUESSER), 5, " vic")
    assert _actions() == [("login-failed", "vic")] * 5 + [("login-slowed", "vic")]
    slowed = AuditEntry.objects.get(action="login-slowed")
    assert slowed.actor is None
    assert slowed.after["seconds"] == 30 and slowed.after["address"] == GUESSER


def test_a_name_that_is_no_account_is_not_written_to_the_log(db):
    # Often a password typed into the wrong box.
    _login(_from(REAL), "hunter2-my-password", "x")
    entry = AuditEntry.objects.get()
    assert entry.action == "login-failed"
    assert entry.object_repr == "(no such account)"
    assert "hunter2" not in str(entry.after)


def test_refused_attempts_do_not_flood_the_log(viewer):
    guesser = _from(GUESSER)
    _fail(guesser, 5)
    for _ in range(20):
        _login(guesser, password="wrong guess")
    assert AuditEntry.objects.count() == 6
