"""Response headers every page gets, and what a restricted incident's pages add to them.

- Content-Security-Policy: scripts, styles, images and requests from this
  origin only, nothing inline. The app has no inline script or style (htmx's
  own indicator style is switched off in base.html), so an injected
  `<script>` or `onerror=` does not run even if escaping ever failed. A view
  that sets its own policy keeps it.
- Cache-Control: `no-store` on every page, API answer and export of a
  restricted incident, on debriefs (one person's private notes) and on every
  download, so neither the browser's disk cache nor a proxy keeps them;
  `private` on anything else a signed-in person gets.
- The audit log: each read of a restricted incident (any successful GET of
  one of its routes, the API included) and each download.

HSTS is Django's SecurityMiddleware, switched on by UNBLAME_HSTS_SECONDS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from unblame.accounts.models import record_event
from unblame.incidents.models import Incident

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Swagger UI (/api/docs) draws its icons from data: URLs.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Where an incident's id sits in a route: pages use <int:pk> under incidents/,
# the API names it incident_id.
_INCIDENT_ROUTES = (("incidents/<int:pk>/", "pk"), ("api/incidents/<incident_id>", "incident_id"))
_ACTION_ITEM_ROUTES = (("api/action-items/<item_id>", "item_id"),)


def incident_of(request: HttpRequest) -> Incident | None:
    """The incident the request's route is about, if it names one that exists."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    for prefix, name in _INCIDENT_ROUTES:
        if match.route.startswith(prefix):
            return _find(Incident.objects, match.kwargs.get(name))
    for prefix, name in _ACTION_ITEM_ROUTES:
        if match.route.startswith(prefix):
            return _find(Incident.objects, match.kwargs.get(name), "action_items__pk")
    return None


def _find(incidents: Any, value: Any, field: str = "pk") -> Incident | None:
    try:
        return incidents.filter(**{field: int(value)}).first()
    except (TypeError, ValueError):
        return None


def _actor(request: HttpRequest) -> Any | None:
    """Who asked: the session's user, or the API token's owner (ninja sets request.auth)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    auth = getattr(request, "auth", None)
    return auth if getattr(auth, "is_authenticated", False) else None


def is_download(response: HttpResponse) -> bool:
    return response.get("Content-Disposition", "").startswith("attachment")


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Cache-Control and the audit of restricted reads and downloads."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        actor = _actor(request)
        incident = incident_of(request)
        restricted = incident is not None and incident.restricted
        if restricted or is_download(response) or _is_debrief(request):
            patch_cache_control(response, no_store=True, private=True)
        elif actor is not None and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        # A debrief is its author's alone: not even their opening it goes in the log.
        read = request.method == "GET" and response.status_code == 200
        if read and actor is not None and not _is_debrief(request):
            _audit(request, response, actor, incident if restricted else None)
        return response


def _is_debrief(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and "/debrief/" in match.route


def _audit(request: HttpRequest, response: HttpResponse, actor: Any, restricted: Any) -> None:
    details = {"path": request.path[:500]}
    if is_download(response):
        # The file name says what was exported. Not the query string: search
        # words can quote what they look for, and the log is not the place for it.
        details["file"] = response["Content-Disposition"].partition("filename=")[2].strip('"')
        target = restricted or incident_of(request)
        if target is not None:
            record_event(actor, "export", "incidents.incident", target.pk, str(target), details)
        else:
            record_event(actor, "export", "export", "", details["file"], details)
    elif restricted is not None:
        record_event(actor, "read", "incidents.incident", restricted.pk, str(restricted), details)
