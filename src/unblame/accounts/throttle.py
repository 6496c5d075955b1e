"""Sign-in throttling: slow a guesser down without letting them keep the real person out.

The policy (docs/self-hosting.md, "Sign-in throttling" says the same for admins):

- Failures count against the *account* as sign-in resolves it (`account_key`):
  "vic", " vic", "vic\\t", "ＶＩＣ" and "Vic" are one account here.
- A *client* is either a known device (a browser holding the signed device
  cookie an earlier successful sign-in to that account left) or, for anyone
  else, the source address.
- Per account and client: after LOGIN_FAILURES_PER_USER failures that client
  waits LOGIN_BACKOFF_SECONDS before its next try, and each further failure
  doubles the wait, up to the window. No other client of the account notices.
- Per account, over unknown clients: after LOGIN_FAILURES_PER_ACCOUNT failures
  from anywhere, unknown clients of that account are slowed the same way
  (a guesser spreading over many addresses). Known devices are not, so the
  real person keeps signing in from their own browser meanwhile.
- Per address, over all accounts: after LOGIN_FAILURES_PER_ADDRESS failures
  from one address, unknown clients there are slowed; colleagues behind the
  same address who signed in from their browser before are not.
- An attempt refused while waiting is not checked against the password and
  not counted, so waiting out the delay is the only way on.
"""

from __future__ import annotations

import math
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from unblame.accounts.models import LoginFailure

DEVICE_COOKIE = "unblame_device"
_DEVICE_SALT = "unblame.accounts.device"
# Enough for a shared computer; the oldest account drops off first.
_DEVICE_ACCOUNTS = 5
_DEVICE_DAYS = 365


def account_key(typed: str) -> str:
    """The account a typed username signs in to, as failures are counted.

    Sign-in strips the name and applies NFKC (Django's UsernameField); casefold
    on top, so names differing only in case share one count.
    """
    return unicodedata.normalize("NFKC", typed.strip()).casefold()[: LoginFailure.KEY_LENGTH]


@dataclass(frozen=True)
class Client:
    """Who is trying: a known device's id for this account, else only an address."""

    address: str
    device: str = ""

    @property
    def known(self) -> bool:
        return bool(self.device)


@dataclass(frozen=True)
class Wait:
    """A refusal: which limit was reached and how many seconds are left."""

    limit: str
    seconds: int


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _recent() -> QuerySet[LoginFailure]:
    return LoginFailure.objects.filter(at__gte=timezone.now() - _window())


def _delay(count: int, free: int) -> timedelta:
    """The wait after `count` failures when `free` were allowed: doubling, capped at the window."""
    steps = min(count - free, 20)
    return min(timedelta(seconds=settings.LOGIN_BACKOFF_SECONDS * 2**steps), _window())


def _wait_for(failures: QuerySet[LoginFailure], free: int, limit: str) -> Wait | None:
    count = failures.count()
    if count < free:
        return None
    last: datetime = failures.order_by("-at").values_list("at", flat=True)[0]
    left = (last + _delay(count, free) - timezone.now()).total_seconds()
    return Wait(limit, math.ceil(left)) if left > 0 else None


def _scopes(key: str, client: Client) -> list[tuple[QuerySet[LoginFailure], int, str]]:
    """The counts that apply to this account and client, with their free failures."""
    recent = _recent()
    if client.known:
        return [(recent.filter(username=key, device=client.device), _per_pair(), "device")]
    unknown = recent.filter(device="")
    return [
        (unknown.filter(username=key, address=client.address), _per_pair(), "account-address"),
        (unknown.filter(username=key), settings.LOGIN_FAILURES_PER_ACCOUNT, "account"),
        (unknown.filter(address=client.address), settings.LOGIN_FAILURES_PER_ADDRESS, "address"),
    ]


def _per_pair() -> int:
    return int(settings.LOGIN_FAILURES_PER_USER)


def wait(key: str, client: Client) -> Wait | None:
    """The longest wait this attempt is under, or None when it may go ahead."""
    waits = [w for q, free, limit in _scopes(key, client) if (w := _wait_for(q, free, limit))]
    return max(waits, key=lambda w: w.seconds, default=None)


def record_failure(key: str, client: Client) -> Wait | None:
    """Count one failure; returns the wait it starts, if it starts one.

    Failures older than the window count for nothing and go, so a long attack
    does not grow the table without end.
    """
    LoginFailure.objects.filter(at__lt=timezone.now() - _window()).delete()
    LoginFailure.objects.create(username=key, address=client.address, device=client.device)
    return wait(key, client)


def clear(key: str, client: Client) -> None:
    """Forget this client's failures for the account after it signed in.

    Only this client's: the real person signing in must not wipe a guesser's count.
    """
    failures = LoginFailure.objects.filter(username=key)
    if client.known:
        failures.filter(device=client.device).delete()
    else:
        failures.filter(device="", address=client.address).delete()


# -- Device cookies -----------------------------------------------------------------------------


def _read_cookie(request: HttpRequest) -> dict:
    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    try:
        value = signing.loads(raw, salt=_DEVICE_SALT, max_age=timedelta(days=_DEVICE_DAYS))
    except signing.BadSignature:
        return {}
    return value if isinstance(value, dict) else {}


def client_for(request: HttpRequest, key: str) -> Client:
    """The client trying to sign in to `key`: known if its device cookie names that account."""
    # REMOTE_ADDR is the real client: waitress rewrites it from
    # X-Forwarded-For only when the proxy is trusted (UNBLAME_TRUSTED_PROXY).
    address = request.META.get("REMOTE_ADDR", "")[:64]
    cookie = _read_cookie(request)
    if key in cookie.get("accounts", []) and isinstance(cookie.get("id"), str):
        return Client(address, cookie["id"])
    return Client(address)


def remember_device(request: HttpRequest, response: HttpResponse, key: str) -> None:
    """After a successful sign-in: this browser becomes a known device for the account."""
    cookie = _read_cookie(request)
    device = cookie.get("id") if isinstance(cookie.get("id"), str) else secrets.token_urlsafe(12)
    accounts = [name for name in cookie.get("accounts", []) if name != key]
    accounts = [*accounts, key][-_DEVICE_ACCOUNTS:]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps({"id": device, "accounts": accounts}, salt=_DEVICE_SALT),
        max_age=_DEVICE_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
