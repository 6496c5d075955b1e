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
    except OSError as exc:  # the data folder cannot be made or opened
        raise CliError(f"{exc.filename or 'the data folder'}: {exc.strerror or exc}") from None
    except ValueError as exc:  # dj_database_url's unknown scheme, a malformed URL
        raise CliError(f"UNBLAME_DATABASE_URL cannot be used: {exc}") from None
    except Exception as exc:
        # The settings reach PostgreSQL for the task queue; a server that is not
        # there is the operator's to fix, told in one line.
        if _is_driver_error(exc):
            raise CliError(f"cannot use the database: {_first_line(exc)}") from None
        raise
    if migrate:
        from django.db import DatabaseError

        try:
            serve.migrate(sys.stdout)
        except DatabaseError as exc:
            raise CliError(f"cannot use the database: {_first_line(exc)}") from None


def _is_driver_error(exc: Exception) -> bool:
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg2", "sqlite3")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
