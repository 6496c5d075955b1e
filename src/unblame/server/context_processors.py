from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from unblame import __version__
from unblame.server.nav import in_settings


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": settings.SITE_NAME,
        "version": __version__,
        # The header marks its Settings link on every page behind it.
        "in_settings": in_settings(request.path),
    }
