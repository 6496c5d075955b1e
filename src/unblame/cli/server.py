"""What the web-app subcommands (serve, createuser, demo, manage) share.

Django comes with the `server` extra; `pip install unblame` alone gives the
linter. Each web subcommand calls `start_django()` first, which says so in
one line when Django is missing instead of a traceback.
"""

from __future__ import annotations

import importlib.util
import sys

from .common import CliError

MISSING = "the web app needs the server extra: pip install 'unblame[server]'"


def require_server_extra() -> None:
    if importlib.util.find_spec("django") is None:
        raise CliError(MISSING)


def start_django(migrate: bool = True) -> None:
    """Configure Django from UNBLAME_* variables, applying migrations unless told not to."""
    require_server_extra()
    from django.core.exceptions import ImproperlyConfigured

    from unblame.server import serve

    try:
        serve.setup_django()
    except ImproperlyConfigured as exc:
        raise CliError(str(exc)) from None
    if migrate:
        serve.migrate(sys.stdout)
