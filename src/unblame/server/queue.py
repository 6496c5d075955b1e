"""The task queue for background work: huey, configured from UNBLAME_* variables.

Webhook deliveries and their retries, Slack replies and tracker syncs run as
huey tasks, never inside the request that caused them. Where the queue lives:

- UNBLAME_TASK_QUEUE unset: beside the database. SQLite installs get a second
  SQLite file in the data directory (no server to run); PostgreSQL installs
  get huey's tables in the same database.
- `redis://…` / `rediss://…` / `unix://…`: a Redis server.
- `postgres://…` / `postgresql://…`: another PostgreSQL database.
- `sqlite:///path/to/file`: a SQLite file of one's choosing.
- UNBLAME_TASKS_IMMEDIATE=true runs every task inline, in the caller (tests,
  or an install that wants no worker at all).

`unblame serve` runs a worker thread pool in-process (InProcessWorker);
`unblame worker` runs consumers as their own processes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey
from huey.consumer import Consumer

from unblame.server import datadir
from unblame.server.env import env_bool, env_str

QUEUE_NAME = "unblame"
_REDIS = ("redis://", "rediss://", "unix://")
_POSTGRES = ("postgres://", "postgresql://")


def build_huey(data_dir: Path, database_url: str = "") -> Huey:
    """The Huey instance for these settings; raises ImproperlyConfigured on an unknown URL."""
    url = env_str("UNBLAME_TASK_QUEUE") or database_url
    options: dict[str, Any] = {
        "immediate": env_bool("UNBLAME_TASKS_IMMEDIATE", False),
        # Results are never read back: tasks record what they did in the database.
        "results": False,
        "utc": True,
    }
    if url.startswith(_REDIS):
        return RedisHuey(QUEUE_NAME, url=url, **options)
    if url.startswith(_POSTGRES):
        return PostgresHuey(QUEUE_NAME, dsn=url, **options)
    if url.startswith("sqlite:///"):
        return SqliteHuey(QUEUE_NAME, filename=url.removeprefix("sqlite:///"), **options)
    if url and url != database_url:
        raise ImproperlyConfigured(
            f"UNBLAME_TASK_QUEUE={url!r} is not a redis://, postgres:// or sqlite:/// URL"
        )
    # SQLite, or a database huey has no storage for: a SQLite file of its own.
    # Made private before huey opens it, like the database (server/datadir.py).
    filename = datadir.create_private_file(data_dir / "tasks.sqlite3")
    return SqliteHuey(QUEUE_NAME, filename=str(filename), **options)


def describe(huey: Huey) -> str:
    """Where the queue lives, for start-up messages (no passwords)."""
    storage = huey.storage
    if isinstance(huey, SqliteHuey):
        return f"SQLite file {storage.filename}"
    if isinstance(huey, RedisHuey):
        return "Redis"
    if isinstance(huey, PostgresHuey):
        return "PostgreSQL"
    return type(huey).__name__


def load_tasks() -> None:
    """Import every app's tasks module, so a worker knows every task by name."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")


class InProcessWorker(Consumer):
    """A consumer that runs beside the web server in the same process.

    Its workers and scheduler are threads; signals stay with the web server,
    which calls stop() when it shuts down.
    """

    def _set_signal_handlers(self) -> None:
        # Huey's handlers would swallow Ctrl+C meant for waitress.
        pass


def start_in_process(huey: Huey, threads: int, periodic: bool = True) -> InProcessWorker | None:
    """Start `threads` worker threads (none when 0 or when tasks run inline)."""
    if threads < 1 or huey.immediate:
        return None
    load_tasks()
    worker = InProcessWorker(huey, workers=threads, periodic=periodic, worker_type="thread")
    worker.start()
    return worker
