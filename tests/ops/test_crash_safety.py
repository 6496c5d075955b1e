"""The server killed with SIGKILL in the middle of a burst of writes loses no acknowledged write.

A write is acknowledged when the server answered it with the redirect that
follows a saved timeline note. After the kill the server starts again on the
same database, which must pass its integrity check and hold every
acknowledged note; notes whose answer never came may or may not be there.
The second burst and kill run on the database the first one left behind.
"""

from __future__ import annotations

import http.client
import sqlite3
import threading
import uuid
from contextlib import closing
from pathlib import Path

from .conftest import Install
from .live_server import Client, LiveServer

SENDERS = 4
# Acknowledged writes to wait for before the kill; the senders keep going meanwhile.
BEFORE_THE_KILL = 40
KILLS = 2
PASSWORD = "crash-test-password-1"


class Burst:
    """Senders posting timeline notes as fast as the server answers, until it stops answering."""

    def __init__(self, port: int, incident: int, tag: str) -> None:
        self.port, self.incident, self.tag = port, incident, tag
        self.acknowledged: list[str] = []
        self.unexpected: list[int] = []
        self.lock = threading.Condition()

    def send_until_refused(self, number: int) -> None:
        client = Client(self.port)
        client.sign_in(f"crash{number}", PASSWORD)
        for i in range(100_000):
            text = f"{self.tag} note {number}-{i}"
            fields = {"occurred_at": "2026-03-04 12:00", "kind": "note", "text": text}
            try:
                status, _ = client.send("POST", f"/incidents/{self.incident}/events/", fields)
            except (OSError, http.client.HTTPException):
                return  # the server is gone
            with self.lock:
                if status == 302:
                    self.acknowledged.append(text)
                else:
                    self.unexpected.append(status)
                self.lock.notify_all()

    def wait_for(self, count: int) -> bool:
        with self.lock:
            return self.lock.wait_for(lambda: len(self.acknowledged) >= count, timeout=300)


def _prepare(install: Install) -> int:
    """Editors to sign in as, and the public incident they write on."""
    script = (
        "from unblame.accounts.models import User\n"
        "from unblame.incidents.models import Incident\n"
        f"for i in range({SENDERS}):\n"
        f"    User.objects.create_user(f'crash{{i}}', password='{PASSWORD}', role='editor')\n"
        "print(Incident.objects.filter(restricted=False).order_by('pk').first().pk)\n"
    )
    done = install.unblame("manage", "shell", "-c", script, check=True)
    return int(done.stdout.strip().splitlines()[-1])


def _texts(install: Install) -> set[str]:
    rows = install.contents()["incidents_timelineevent"]
    return {value for row in rows for value in row if isinstance(value, str)}


def _integrity(install: Install) -> str:
    if install.kind == "sqlite":
        with closing(sqlite3.connect(install.path)) as db:
            return db.execute("PRAGMA integrity_check").fetchone()[0]
    with install.connect() as conn:  # PostgreSQL: amcheck needs an extension; a full read will do
        conn.execute("SELECT count(*) FROM incidents_timelineevent").fetchone()
    return "ok"


def _burst_then_kill(install: Install, incident: int, log: Path) -> list[str]:
    """A burst of notes with the server SIGKILLed in its middle: the notes it acknowledged."""
    server = LiveServer(install, log)
    server.start()
    burst = Burst(server.port, incident, f"crash-{uuid.uuid4().hex[:8]}")
    senders = [
        threading.Thread(target=burst.send_until_refused, args=(n,), daemon=True)
        for n in range(SENDERS)
    ]
    try:
        for sender in senders:
            sender.start()
        assert burst.wait_for(BEFORE_THE_KILL), "the burst never got going"
        server.kill()
        for sender in senders:
            sender.join(120)
    finally:
        server.stop()
    assert burst.unexpected == []
    return burst.acknowledged


def test_sigkills_mid_burst_lose_no_acknowledged_write(installs, tmp_path):
    install = installs.demo()
    incident = _prepare(install)
    acknowledged: list[str] = []
    # Every kill after the first lands on a database that came back from one.
    for _ in range(KILLS):
        acknowledged += _burst_then_kill(install, incident, tmp_path / "server.log")
        assert _integrity(install) == "ok"
        stored = _texts(install)
        lost = [text for text in acknowledged if text not in stored]
        assert lost == [], f"{len(lost)} of {len(acknowledged)} acknowledged writes lost"

    server = LiveServer(install, tmp_path / "server.log")
    server.start()
    try:
        client = Client(server.port)
        client.sign_in("crash0", PASSWORD)
        assert client.send("GET", f"/incidents/{incident}/")[0] == 200
        after = {"occurred_at": "2026-03-04 12:00", "kind": "note", "text": "after the restart"}
        assert client.send("POST", f"/incidents/{incident}/events/", after)[0] == 302
    finally:
        server.stop()
    stored = _texts(install)
    assert "after the restart" in stored
    assert [text for text in acknowledged if text not in stored] == []
