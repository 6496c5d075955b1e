from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache

from unblame.server.nav import settings_pages

FAVICON = Path(__file__).parent / "static" / "unblame" / "favicon.svg"


@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for whatever the page says: the SVG icon."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/svg+xml")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app answers and its database does; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@login_required
def settings_index(request: HttpRequest) -> HttpResponse:
    return render(request, "settings.html", {"pages": settings_pages(request.user)})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403 with the reason: the one raised with it, else what the person's role allows."""
    return render(request, "403.html", {"reason": forbidden_reason(request, exception)}, status=403)


def forbidden_reason(request: HttpRequest, exception: Exception | None) -> str:
    given = str(exception) if exception is not None else ""
    if given and not given.startswith("<"):
        return given
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and not user.can_write:
        return "Your role lets you read this, not change it. An admin can change your role."
    return "This page is for admins. Ask an admin if you need something done here."


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
