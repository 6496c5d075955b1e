"""Show times in the viewer's own zone; work the analyzer's roster out once per request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from unblame.accounts.roster import cached_per_request


class TimezoneMiddleware:
    """Activate the signed-in user's zone for the request.

    Datetimes stay in UTC in the database; Django converts them on display to
    the active zone, and the `local` template filter uses the same zone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            # Waitress reuses threads: never leak one user's zone into the next request.
            timezone.deactivate()


class RosterMiddleware:
    """Keep the analyzer's roster for the length of one request.

    Lists analyse many items of the same incidents; without this each row
    would ask the database for every account's name again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with cached_per_request():
            return self.get_response(request)
