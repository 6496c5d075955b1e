"""A bounded load test of `unblame serve` on loopback, on SQLite and on PostgreSQL.

    .venv/bin/python bench/load.py [--clients 8] [--seconds 60] [--engine sqlite|postgresql|both]
        [--pg-url postgres://postgres@127.0.0.1:5432/postgres] [--json]

For each engine: a new data folder (and, for PostgreSQL, a new database on the
server --pg-url names, dropped afterwards), the demo incidents, one editor
account per client, and `unblame serve` on a free loopback port. Then
--clients threads, each signed in as its own editor, run for --seconds a mix
of reads (incident list, incident page, review page, search) and writes
(timeline notes, review comments, saves of the client's own review section,
and now and then a Markdown review import, preview then confirm).

Reported per engine and per kind of request: count, throughput, p50 and p95
latency, and errors. An error is a refused connection, a 5xx, an unexpected
status, or any answer mentioning "database is locked"; the server's log is
also searched for tracebacks and that phrase. A save refused as a conflict
(409, someone saved the section first) is counted apart: it is the
product's promise, not a failure. The healthz request time measured in the
same run is the baseline the other latencies can be read against.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
UNBLAME = str(Path(sys.executable).with_name("unblame"))
PASSWORD = "load-test-password-1"
SAMPLES = sorted((REPO / "samples").glob("2024-*.md"))
# Share of each kind of request; the rest of the mix is reads.
MIX = [
    ("read", 0.50),
    ("note", 0.20),
    ("comment", 0.13),
    ("section", 0.14),
    ("import", 0.03),
]
LOCKED = b"database is locked"

SETUP = """
import json
from unblame.accounts.models import User
from unblame.incidents.models import Incident
from unblame.reviews.models import Review
for i in range({clients}):
    User.objects.create_user(username=f"load{{i}}", password="{password}", role="editor")
public = list(Incident.objects.filter(restricted=False).values_list("pk", flat=True))
review = next(r for r in Review.objects.filter(incident__restricted=False) if r.is_editable)
print(json.dumps({{"incidents": public, "review": review.incident_id,
                  "sections": [s.key for s in review.sections.all()]}}))
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    results = {}
    for engine in engines:
        if engine == "postgresql" and not args.pg_url:
            print("postgresql: skipped (give --pg-url or set UNBLAME_DATABASE_URL)")
            continue
        results[engine] = run_engine(engine, args)
        print_report(engine, results[engine], args)
    if args.json:
        print(json.dumps(results, indent=2))
    failed = any(r["errors"] or r["server_log"]["problems"] for r in results.values())
    return 1 if failed else 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("UNBLAME_DATABASE_URL", ""),
        help="any database on the PostgreSQL server to use (a new one is created beside it)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument(
        "--env", action="append", default=[], metavar="NAME=VALUE", help="extra server setting"
    )
    return parser.parse_args(argv)


# --- the server under test ------------------------------------------------------------------


class Server:
    """`unblame serve` on a free loopback port with its own data folder (and database)."""

    def __init__(self, engine: str, args: argparse.Namespace) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f"unblame-load-{engine}-"))
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("UNBLAME_")}
        self.env |= {"UNBLAME_DATA_DIR": str(self.folder), "UNBLAME_SECRET_KEY": "load-only"}
        self.env |= dict(item.split("=", 1) for item in args.env)
        self.dbname = ""
        if engine == "postgresql":
            self.dbname = f"ub_load_{uuid.uuid4().hex[:10]}"
            self.admin_sql(args.pg_url, f"CREATE DATABASE {self.dbname}")
            parts = urlsplit(args.pg_url)
            self.env["UNBLAME_DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.dbname}"))
        self.pg_url = args.pg_url
        self.port = free_port()
        self.log = self.folder / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def admin_sql(url: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)

    def prepare(self, clients: int) -> dict:
        self.unblame("demo")
        script = SETUP.format(clients=clients, password=PASSWORD)
        return json.loads(self.unblame("manage", "shell", "-c", script).strip().splitlines()[-1])

    def unblame(self, *args: str) -> str:
        done = subprocess.run([UNBLAME, *args], env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"unblame {args[0]} failed: {done.stderr.strip()[-2000:]}")
        return done.stdout

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [UNBLAME, "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer /healthz; see {self.log}")

    def stop(self) -> dict:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        problems = text.count("Traceback") + text.count("database is locked")
        if self.dbname:
            self.admin_sql(self.pg_url, f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
        shutil.rmtree(self.folder, ignore_errors=True)
        return {"problems": problems, "tracebacks": text.count("Traceback")}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=b"", headers=None, conn=None):
    """One request; returns (status, headers, body). Uses `conn` when given (keep-alive)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        if own:
            conn.close()


# --- one client -----------------------------------------------------------------------------


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    conflicts: int = 0


class Client:
    """A signed-in editor with its own connection, cookies and review section."""

    def __init__(self, port: int, number: int, world: dict, seed: int) -> None:
        self.port, self.world = port, world
        self.username = f"load{number}"
        self.section = world["sections"][number % len(world["sections"])]
        self.random = random.Random(seed * 1000 + number)
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def send(self, method: str, path: str, fields=None, files=None) -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = b""
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
            if files:
                body, headers["Content-Type"] = multipart(fields or {}, files)
            else:
                body = urlencode(fields or {}).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            status, response_headers, data = request(
                self.port, method, path, body, headers, self.conn
            )
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            raise
        for name, value in response_headers:
            if name.lower() == "set-cookie":
                for key, morsel in SimpleCookie(value).items():
                    self.cookies[key] = morsel.value
        return status, data

    def sign_in(self) -> None:
        self.send("GET", "/login/")
        status, _ = self.send("POST", "/login/", {"username": self.username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"{self.username} could not sign in (status {status})")

    def run(self, until: float, tally: Tally) -> None:
        kinds, weights = zip(*MIX, strict=True)
        while time.monotonic() < until:
            kind = self.random.choices(kinds, weights)[0]
            started = time.monotonic()
            try:
                problem = getattr(self, f"do_{kind}")(tally)
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__}: {exc}"
            tally.times[kind].append(time.monotonic() - started)
            if problem:
                tally.errors[kind].append(problem)

    def check(self, status: int, data: bytes, *expected: int) -> str | None:
        if LOCKED in data:
            return "database is locked"
        if status not in expected:
            reason = re.search(
                rb'class="(?:errorlist|form-errors)[^"]*"[^>]*>(.*?)</(?:ul|div)>', data, re.S
            )
            said = re.sub(r"<[^>]+>", " ", reason.group(1).decode()).split() if reason else []
            return f"status {status} {' '.join(said)[:160]}".strip()
        return None

    def incident(self) -> int:
        return self.random.choice(self.world["incidents"])

    def do_read(self, tally: Tally) -> str | None:
        path = self.random.choice(
            [
                "/incidents/",
                f"/incidents/{self.incident()}/",
                f"/incidents/{self.world['review']}/review/",
                "/incidents/?q=database",
            ]
        )
        return self.check(*self.send("GET", path), 200)

    def do_note(self, tally: Tally) -> str | None:
        fields = {
            "occurred_at": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
            "kind": "note",
            "text": f"Load note from {self.username}: the queue depth went back under 100.",
        }
        return self.check(*self.send("POST", f"/incidents/{self.incident()}/events/", fields), 302)

    def _section_path(self) -> str:
        return f"/incidents/{self.world['review']}/review/sections/{self.section}/"

    def do_comment(self, tally: Tally) -> str | None:
        fields = {"body": f"{self.username}: could the retry budget have limited this?"}
        return self.check(*self.send("POST", self._section_path() + "comments/", fields), 302)

    def do_section(self, tally: Tally) -> str | None:
        status, page = self.send("GET", self._section_path())
        if problem := self.check(status, page, 200):
            return problem
        version = re.search(rb'name="base_version" value="(\d+)"', page)
        body = re.search(rb'<textarea name="body"[^>]*>\n?(.*?)</textarea>', page, re.S)
        if not version or not body:
            return "no editor form on the section page"
        text = unescape(body.group(1).decode()) + f"\nThe pool refilled ({time.time():.0f}).\n"
        fields = {"body": text[-20000:], "base_version": version.group(1).decode(), "note": ""}
        status, data = self.send("POST", self._section_path(), fields)
        if status == 409:
            tally.conflicts += 1
            return None
        return self.check(status, data, 302)

    def preview(self, sample: Path) -> tuple[int, bytes]:
        files = {"file": (sample.name, sample.read_bytes())}
        return self.send("POST", "/incidents/import/", {}, files)

    def do_import(self, tally: Tally) -> str | None:
        sample = self.random.choice(self.world["samples"])
        status, page = self.preview(sample)
        if problem := self.check(status, page, 200):
            return problem
        content = re.search(rb'name="content" value="([^"]+)"', page)
        if not content:
            return "no confirm form after the preview"
        fields = {"content": content.group(1).decode(), "name": sample.name}
        return self.check(*self.send("POST", "/incidents/import/", fields), 200)


def unescape(text: str) -> str:
    import html

    return html.unescape(text)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n')
        parts.append(f"{value}\r\n")
    out = "".join(parts).encode()
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/markdown\r\n\r\n'
        )
        out += head.encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


# --- a run ----------------------------------------------------------------------------------


def run_engine(engine: str, args: argparse.Namespace) -> dict:
    server = Server(engine, args)
    try:
        world = server.prepare(args.clients)
        server.start()
        baseline = [timed(lambda: request(server.port, "GET", "/healthz")) for _ in range(50)]
        clients = [Client(server.port, n, world, args.seed) for n in range(args.clients)]
        for client in clients:
            client.sign_in()
        # Only files the importer takes: a refused preview is its answer, not load.
        world["samples"] = [s for s in SAMPLES if clients[0].preview(s)[0] == 200]
        refused = sorted({s.name for s in SAMPLES} - {s.name for s in world["samples"]})
        tally = Tally()
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=c.run, args=(until, tally)) for c in clients]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        log = server.stop()
    return summarise(tally, elapsed, baseline, log, args) | {"samples_refused": refused}


def timed(call) -> float:
    started = time.monotonic()
    call()
    return time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summarise(tally: Tally, elapsed: float, baseline, log: dict, args) -> dict:
    every = [t for times in tally.times.values() for t in times]
    kinds = {
        kind: {
            "requests": len(times),
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "p95_ms": round(percentile(times, 0.95) * 1000, 1),
            "errors": len(tally.errors.get(kind, [])),
        }
        for kind, times in sorted(tally.times.items())
    }
    return {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "operations": len(every),
        "per_second": round(len(every) / elapsed, 1),
        "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "healthz_p50_ms": round(statistics.median(baseline) * 1000, 2),
        "errors": sum(len(e) for e in tally.errors.values()),
        "error_samples": sorted({e for errors in tally.errors.values() for e in errors})[:10],
        "conflicts": tally.conflicts,
        "kinds": kinds,
        "server_log": log,
    }


def print_report(engine: str, r: dict, args: argparse.Namespace) -> None:
    print(
        f"\n{engine}: {r['clients']} clients, {r['seconds']} s: {r['operations']} operations, "
        f"{r['per_second']}/s, p95 {r['p95_ms']} ms (healthz p50 {r['healthz_p50_ms']} ms), "
        f"{r['errors']} errors, {r['conflicts']} section conflicts, "
        f"{r['server_log']['problems']} problems in the server log"
    )
    for kind, k in r["kinds"].items():
        print(
            f"  {kind:8} {k['requests']:6} ops  p50 {k['p50_ms']:8} ms  p95 {k['p95_ms']:8} ms"
            f"  errors {k['errors']}"
        )
    for name in r["samples_refused"]:
        print(f"  (not imported: the importer refuses samples/{name})")
    for sample in r["error_samples"]:
        print(f"  error: {sample}")


if __name__ == "__main__":
    sys.exit(main())
