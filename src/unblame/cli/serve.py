"""`unblame serve`: run the web app with waitress, migrating first."""

from __future__ import annotations

import argparse
import os
import sys

from .common import CliError
from .server import require_server_extra

NAME = "serve"
HELP = "Run the web app (migrates first; the first run creates an admin)."


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not between 1 and 65535")
    return port


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on")
    parser.add_argument("--demo", action="store_true", help="load the demo incidents on first run")
    parser.add_argument(
        "--worker-threads",
        metavar="N",
        type=_count,
        default=None,
        help="background task threads in this process (default: UNBLAME_WORKER_THREADS or 2;"
        " 0 when `unblame worker` runs them)",
    )


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative")
    return number


def run(args: argparse.Namespace) -> int:
    require_server_extra()
    from django.core.exceptions import ImproperlyConfigured

    from unblame.server import serve

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unblame.server.settings")
    try:
        serve.serve(
            args.host,
            args.port,
            demo=args.demo,
            out=sys.stdout,
            worker_threads=args.worker_threads,
        )
    except ImproperlyConfigured as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0
