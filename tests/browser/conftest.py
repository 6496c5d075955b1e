"""Playwright against a live unblame, in Debian's chromium.

One browser per test session (per xdist worker), a fresh context per test,
so cookies never leak between tests. The server is pytest-django's
`live_server`; its database is flushed after every test, and
`serialized_rollback` puts back what the data migrations made (severities,
and for the review pages the default template and factor taxonomy).

People are signed in by cookie (`sign_in`), which takes milliseconds; one
test in test_sign_in.py goes through the real sign-in form.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API keeps an asyncio loop running in the test thread for
# as long as the browser lives (the whole session), and Django refuses ORM
# calls from a thread with a running loop. Nothing here is async: fixtures
# create rows between browser calls, never concurrently with them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import cast
from django.conf import settings
from django.db import connections
from django.test import Client

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Service

CHROMIUM = Path(os.environ.get("UNBLAME_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = (
    f"{CHROMIUM} is missing: install Debian's chromium as root "
    "(apt-get update && apt-get install -y chromium; `make test` does it when run as root), "
    "or point UNBLAME_CHROMIUM at a chromium binary"
)
# Wait for elements, never sleep: a generous ceiling that only a real
# failure reaches (CI shares two cores with the rest of the suite), short
# enough that a broken page fails fast. For actions and for `expect` alike.
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

# Every module here sets `pytestmark = BROWSER`: the marker, and the data
# migrations' rows put back after each test's flush.
BROWSER = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker) -> Iterator:
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        # CI runs as root and installs chromium first; a skip there would
        # hide a broken install step behind a green run.
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        snapshots = _serialized_contents()
    with sync_playwright() as playwright:
        _carry_over(snapshots)
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # The loop's connections are not the ones Django closes before it
        # drops the test database; an open one would make PostgreSQL refuse.
        with django_db_blocker.unblock():
            connections.close_all()


# Once Playwright's loop runs in this thread, Django's connection handler
# (asgiref's thread-critical Local) hands out new connection objects, which
# lack the snapshot of the data migrations' rows that setup_databases took
# for serialized_rollback. Without it the first flush would leave later tests
# with no severities, templates or factor categories (it showed on
# PostgreSQL). So the snapshot is taken before the loop starts and put on the
# new connection objects.


def _serialized_contents() -> dict[str, str]:
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _carry_over(snapshots: dict[str, str]) -> None:
    for alias, contents in snapshots.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    # The page's own fetches (htmx loads such as an incident's related incidents) may
    # still be served when the test ends; the flush that ends a transactional test
    # then deadlocks with them on PostgreSQL. Wait (briefly) until none is in flight.
    pending: set = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    yield page
    deadline = time.monotonic() + 5
    while pending and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    context.close()


def arrive(page, heading: str) -> None:
    """Wait until a click has brought up the page titled `heading`, scripts included.

    Typing into an htmx-driven field before htmx has processed the page loses
    the input event, and with it the live answer; `load` comes after that.
    """
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    page.wait_for_load_state("load")


@pytest.fixture
def sign_in(page, live_server) -> Callable[[User], None]:
    """Give the page's browser context a session for `user`, as if they had signed in."""

    def _sign_in(user: User) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return _sign_in


# -- The cast (tests/cast.py), on the live server's database -----------------------------------


@pytest.fixture
def admin(transactional_db) -> User:
    return cast.admin()


@pytest.fixture
def editor(transactional_db) -> User:
    return cast.editor(timezone="UTC")


@pytest.fixture
def viewer(transactional_db) -> User:
    return cast.viewer()


@pytest.fixture
def outsider(transactional_db) -> User:
    return cast.outsider()


@pytest.fixture
def checkout(transactional_db) -> Service:
    return cast.checkout()


@pytest.fixture
def incident(transactional_db, checkout, editor) -> Incident:
    return cast.incident(cast.sev2(), checkout, editor)


@pytest.fixture
def restricted(transactional_db, editor) -> Incident:
    return cast.restricted(cast.sev2(), editor)


@pytest.fixture
def screenshot(page, request) -> Callable[[str], Path | None]:
    """Save a full-page screenshot under $UNBLAME_SCREENSHOTS, when it is set.

    For looking at pages while developing; a no-op in normal runs.
    """

    def _shot(name: str) -> Path | None:
        folder = os.environ.get("UNBLAME_SCREENSHOTS")
        if not folder:
            return None
        path = Path(folder) / f"{request.node.name}-{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return _shot
