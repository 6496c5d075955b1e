"""Start unblame: settings, migrations, first-run bootstrap, then waitress.

Used by `unblame serve`, `createuser`, `demo` and `manage`. Django is
imported inside the functions so the CLI can say clearly when the server
extra is missing.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shutil
import sys
from pathlib import Path
from typing import TextIO

LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unblame.server.settings")
    import django

    django.setup()


def migrate(out: TextIO) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, stdout=out)


def random_password() -> str:
    return secrets.token_urlsafe(12)


def set_user(
    username: str, role: str, password: str | None, reset: bool
) -> tuple[object, str, bool]:
    """Create a user, or with reset give an existing one a new password.

    Returns (user, password, created). Without a password a random one is made,
    to be shown once. Raises ValueError when the user exists and reset is off,
    or the username breaks the rules of the username field.
    """
    from unblame.accounts.models import User, record_change

    _check_username(username)
    # As sign-in reads it (and create_user would store it): NFKC.
    username = User.normalize_username(username)
    password = password or random_password()
    user = User.objects.filter(username=username).first()
    if user is not None and not reset:
        raise ValueError(f"user {username!r} exists; add --reset-password to give them a new one")
    if user is None:
        _check_not_another_accounts_name(username)
    created = user is None
    if created:
        user = User(username=username, role=role)
    user.set_password(password)
    user.is_active = True
    if created:
        user.save()
        record_change(None, user, "create", {}, {"username": username, "role": role})
    else:
        user.save(update_fields=["password", "is_active"])
        record_change(None, user, "reset-password")
    return user, password, created


def _check_not_another_accounts_name(username: str) -> None:
    """ValueError when an account of another spelling answers to this name ("ED" for "ed")."""
    from unblame.accounts.invites import name_taken

    if name_taken(username):
        raise ValueError(f"an account already answers to {username!r} (in another case)")


def _check_username(username: str) -> None:
    """The rules the sign-up form applies to a username; ValueError with the first broken one."""
    from django.core.exceptions import ValidationError

    from unblame.accounts.models import User

    if not username.strip():
        raise ValueError("the username is empty")
    try:
        User._meta.get_field("username").run_validators(username)
    except ValidationError as exc:
        raise ValueError(f"username {username!r}: {' '.join(exc.messages)}") from None


def bootstrap(url: str, demo: bool, out: TextIO) -> None:
    """On first run make an admin (password printed once) and maybe the demo data.

    "First run" means the database has no users yet, so restarting never
    creates a second admin or reloads the demo over real work.
    """
    from django.conf import settings

    from unblame.accounts.models import User

    first_run = not User.objects.exists()
    if first_run:
        _, password, _ = set_user("admin", User.Role.ADMIN, None, reset=False)
        print(f"Created the admin account. Sign in at {url} as", file=out)
        print(f"    username: admin\n    password: {password}", file=out)
        print("This password is shown only once: keep it somewhere safe.", file=out)
        if demo:
            from unblame.incidents.demo import load_demo

            count = load_demo()
            print(f"Loaded {count} demo incidents.", file=out)
    else:
        print(f"unblame is at {url}; sign in as admin.", file=out)
        print("The admin password was printed on first run. To set a new one:", file=out)
        print(
            f"    UNBLAME_DATA_DIR={settings.DATA_DIR} {_command()} createuser admin"
            " --reset-password",
            file=out,
        )


def _command() -> str:
    """How to call `unblame` again: by name when it is on PATH, else by its full path.

    `make run` starts it from .venv/bin, which a new shell usually does not
    have on PATH, so the bare name would not be found.
    """
    here = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    on_path = shutil.which("unblame")
    if here is None or here.name != "unblame" or (on_path and Path(on_path).resolve() == here):
        return "unblame"
    return str(here)


def serve(
    host: str,
    port: int,
    demo: bool = False,
    out: TextIO = sys.stdout,
    worker_threads: int | None = None,
) -> None:
    """Migrate, bootstrap, then serve with a task worker in-process until stopped.

    `worker_threads` (default UNBLAME_WORKER_THREADS, 2) runs background tasks
    in this process; 0 leaves them to `unblame worker` processes.
    """
    # Browsers do not return Secure cookies over plain http, so a server
    # reachable only from this machine defaults to allowing them; anything
    # else keeps the secure default and belongs behind TLS.
    if is_loopback(host):
        os.environ.setdefault("UNBLAME_SECURE_COOKIES", "false")
    setup_django()
    migrate(out)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    bootstrap(url, demo, out)
    queue_findings_refresh(out)
    worker = start_worker(worker_threads, out)
    warm_analyzer()
    try:
        run_waitress(host, port, out)
    finally:
        if worker is not None:
            worker.stop(graceful=True)


def warm_analyzer() -> None:
    """Compile every analyzer pattern before the first request rather than during it.

    Compiled lazily, the first review page a process showed took 0.9-1.2 s at 100,000
    incidents (docs/performance.md), the patterns compiling under it; up front it costs
    the start about 1.7 s, once.
    """
    from unblame.language.analyzer import prepare

    prepare()


def queue_findings_refresh(out: TextIO) -> None:
    """After an upgrade, queue the refresh of action items' stored findings (actions.refresh).

    Here rather than after `migrate`: an edited rule changes the analyzer
    without a migration, `migrate` also runs for other commands and tests, and
    this is where the worker that runs it starts. Until it has finished once
    for the analyzer.
    """
    from unblame.actions.refresh import queue_refresh
    from unblame.actions.tasks import refresh_stale_findings

    # Inline, the whole refresh would run here and hold up the start:
    # left to the pages and `unblame refresh-findings`.
    if refresh_stale_findings.huey.immediate:
        return
    if queue_refresh():
        print("Action items' findings are refreshed for this analyzer in the background.", file=out)


def start_worker(threads: int | None, out: TextIO):
    """Start the in-process task worker, saying where its queue lives; None when off."""
    from huey.contrib.djhuey import HUEY

    from unblame.server.env import env_int
    from unblame.server.queue import describe, start_in_process

    if threads is None:
        threads = env_int("UNBLAME_WORKER_THREADS", 2, minimum=0)
    worker = start_in_process(HUEY, threads)
    if worker is not None:
        print(f"Background tasks: {threads} worker thread(s), queue in {describe(HUEY)}.", file=out)
    elif not HUEY.immediate:
        print("Background tasks: no worker here; run `unblame worker` beside it.", file=out)
    return worker


def run_waitress(host: str, port: int, out: TextIO) -> None:
    import waitress

    from unblame.server.env import env_int, env_str
    from unblame.server.limits import MAX_REQUEST_BYTES
    from unblame.server.wsgi import application

    options: dict[str, object] = {
        "threads": env_int("UNBLAME_THREADS", 8, minimum=1),
        # Waitress buffers a body before Django sees it: 1 GB by default.
        "max_request_body_size": MAX_REQUEST_BYTES,
    }
    if proxy := env_str("UNBLAME_TRUSTED_PROXY"):
        # Waitress then rebuilds the client address and scheme from the
        # proxy's X-Forwarded-* headers, and drops them from anyone else.
        options |= {
            "trusted_proxy": proxy,
            "trusted_proxy_headers": "x-forwarded-for x-forwarded-proto x-forwarded-host",
            "clear_untrusted_proxy_headers": True,
        }
    print("Press Ctrl+C to stop.", file=out, flush=True)
    waitress.serve(application, host=host, port=port, ident="unblame", **options)
