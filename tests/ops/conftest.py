"""Real installs for the operations tests: a data folder or a PostgreSQL database each.

These tests run `unblame` as a subprocess against files and databases of their
own, as a self-hoster would, rather than pytest-django's test database. The
SQLite cases always run; the PostgreSQL cases run when UNBLAME_DATABASE_URL
points at a PostgreSQL server (they create and drop databases named ub_ops_*).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

UNBLAME = str(Path(sys.executable).with_name("unblame"))
PG_URL = os.environ.get("UNBLAME_DATABASE_URL", "")
ENGINES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL.startswith(("postgres://", "postgresql://")),
            reason="UNBLAME_DATABASE_URL does not point at PostgreSQL",
        ),
    ),
]
# Text that COPY has to escape, and SQLite has to keep byte for byte.
AWKWARD = "line one\nline two\t— ünïcode \\ back\\slash, 'quote' \"double\""


class Install:
    """One unblame install: the environment its commands run with, and its tables."""

    kind: str
    env: dict[str, str]

    def unblame(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [UNBLAME, *args], env=self.env, capture_output=True, text=True, timeout=600
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"unblame {' '.join(args)} exited {done.returncode}: {done.stderr}"
            )
        return done

    def contents(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, in a stable order."""
        raise NotImplementedError

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        raise NotImplementedError

    def count(self, table: str) -> int:
        """Rows in `table`; a table that is not there (yet) holds none."""
        return len(self.contents().get(table, []))


def private_folder(path: Path) -> None:
    """A data folder as unblame makes it (0700), so it has nothing to tighten and log."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def _base_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNBLAME_")}
    env |= {"UNBLAME_DATA_DIR": str(data_dir), "UNBLAME_SECRET_KEY": "ops-tests-only"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


class SqliteInstall(Install):
    kind = "sqlite"

    def __init__(self, data_dir: Path) -> None:
        private_folder(data_dir)
        self.data_dir = data_dir
        self.path = data_dir / "unblame.sqlite3"
        self.env = _base_env(data_dir)

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def contents(self) -> dict[str, list[tuple[Any, ...]]]:
        with closing(self.connect()) as db:
            return sqlite_contents(db)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        with closing(self.connect()) as db:
            db.execute(sql.replace("%s", "?"), params)


def sqlite_contents(db: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


class PgInstall(Install):
    kind = "postgresql"

    def __init__(self, data_dir: Path, dbname: str) -> None:
        private_folder(data_dir)
        self.dbname = dbname
        self.url = pg_url(dbname)
        self.env = _base_env(data_dir) | {"UNBLAME_DATABASE_URL": self.url}

    def connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    def contents(self) -> dict[str, list[tuple[Any, ...]]]:
        with self.connect() as conn:
            tables = [
                name
                for (name,) in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            ]
            return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        with self.connect() as conn:
            conn.execute(sql, params)


def pg_url(dbname: str) -> str:
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path=f"/{dbname}"))


def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


class Installs:
    """Makes installs of one kind: `demo()` holds the demo data, `empty()` nothing yet."""

    def __init__(self, kind: str, root: Path, template: Install) -> None:
        self.kind, self.root, self.template = kind, root, template
        self.made: list[str] = []
        self._export: Path | None = None
        self._backup: tuple[Install, Path, str] | None = None

    def _new(self) -> tuple[Path, str]:
        name = f"ub_ops_{uuid.uuid4().hex[:10]}"
        self.made.append(name)
        return self.root / name, name

    def empty(self) -> Install:
        folder, name = self._new()
        if self.kind == "sqlite":
            return SqliteInstall(folder)
        pg_admin(f"CREATE DATABASE {name}")
        return PgInstall(folder, name)

    def demo(self) -> Install:
        folder, name = self._new()
        if isinstance(self.template, SqliteInstall):
            install = SqliteInstall(folder)
            shutil.copyfile(self.template.path, install.path)
            install.path.chmod(0o600)
            return install
        assert isinstance(self.template, PgInstall)
        pg_admin(f"CREATE DATABASE {name} TEMPLATE {self.template.dbname}")
        return PgInstall(folder, name)

    def demo_export(self) -> Path:
        """`unblame export` of the demo data, run once per session: to read, never to change."""
        if self._export is None:
            self._export = self.root / "demo-export"
            self.demo().unblame("export", str(self._export), check=True)
        return self._export

    def exported(self, folder: Path) -> Path:
        """A copy of the demo data's export at `folder`, for a test to import or to damage."""
        shutil.copytree(self.demo_export(), folder)
        return folder

    def demo_backup(self) -> tuple[Install, Path, str]:
        """`unblame backup` of a demo install: the install, the file and what the backup printed.

        The backup runs once per session. Tests read all three and change none
        of them (a restore opens its file read-only).
        """
        if self._backup is None:
            source, made = self.demo(), self.root / "demo.backup"
            self._backup = (source, made, source.unblame("backup", str(made), check=True).stdout)
        return self._backup

    def drop(self) -> None:
        if self.kind == "postgresql":
            for name in [*self.made, getattr(self.template, "dbname", "")]:
                if name:
                    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Installs]]:
    made: dict[str, Installs] = {}
    yield made
    for installs in made.values():
        installs.drop()


def installs_of(kind: str, made: dict[str, Installs], tmp_path_factory) -> Installs:
    """Installs of one engine; its demo template is built the first time it is asked for."""
    if kind not in made:
        root = tmp_path_factory.mktemp(f"ops-{kind}")
        if kind == "sqlite":
            template: Install = SqliteInstall(root / "template")
        else:
            name = f"ub_ops_tpl_{uuid.uuid4().hex[:10]}"
            pg_admin(f"CREATE DATABASE {name}")
            template = PgInstall(root / "template", name)
        template.unblame("demo", check=True)
        # Text the copies must keep exactly: line breaks, tabs, backslashes, non-ASCII.
        template.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date)"
            " VALUES (%s, %s, %s)",
            ("awkward", AWKWARD, "2030-01-01 00:00:00.123456+00:00"),
        )
        made[kind] = Installs(kind, root, template)
    return made[kind]


@pytest.fixture(params=ENGINES)
def installs(request, _templates, tmp_path_factory) -> Installs:
    """Installs on the engine under test; the demo data is loaded once per session."""
    return installs_of(request.param, _templates, tmp_path_factory)


@pytest.fixture
def other_installs(installs, _templates, tmp_path_factory) -> Installs:
    """Installs on the other engine when PostgreSQL is there to test against, else the same."""
    if not PG_URL.startswith(("postgres://", "postgresql://")):
        return installs
    other = "postgresql" if installs.kind == "sqlite" else "sqlite"
    return installs_of(other, _templates, tmp_path_factory)
