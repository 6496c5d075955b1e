"""Editors saving the same thing at the same moment, over HTTP on loopback, on both engines.

    .venv/bin/python bench/edit_races.py [--writers 2 4] [--rounds 20]
        [--engine sqlite|postgresql|both] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]

The measurement issue 12 reported ("two editors saving the incident edit form at
once were both told their save succeeded in 20 of 20 rounds"), repeated for
each kind of edit: `unblame serve` on a free port with the demo data (as
bench/load.py starts it), then, each round, every writer opens the same page
(or reads the same API object), all wait at a barrier, and all save at once,
each with its own value. A round is right when exactly one save is
acknowledged, every other one is refused (409, or 412 for If-Match), and the
stored value is the acknowledged one. Reported per engine, target and number
of writers: rounds right, rounds where more than one save was acknowledged
(silent overwrites), acknowledged saves whose value was not kept (lost), and
the median time of a save against a GET /healthz baseline of the same run.

To see the problem it fixes, run it against an older checkout of the code
(PYTHONPATH=<checkout>/src, --only "edit form"; the API had no writes then).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # bench/load.py: the server and the signed-in client

SETUP = """
import json
from unblame.accounts.models import User
from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident
for i in range({writers}):
    User.objects.create_user(username=f"load{{i}}", password="{password}", role="admin")
item = ActionItem.objects.filter(incident__restricted=False).first()
factor = item.incident.factors.first() or item.factors.first()
incident = Incident.objects.filter(restricted=False).exclude(status="closed").first()
print(json.dumps({{"incident": incident.pk, "item": item.pk, "item_incident": item.incident_id,
                  "factor": factor.pk if factor else None,
                  "factor_incident": factor.incident_id if factor else None}}))
"""


class FormReader(HTMLParser):
    """The fields of the first POST form whose action is `action` ("" posts to the page itself)."""

    def __init__(self, action: str = "") -> None:
        super().__init__()
        self.action, self.inside, self.done = action, False, False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs_list: list) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag == "form" and not self.done and attrs.get("method", "").lower() == "post":
            self.inside = attrs.get("action", "") == self.action
        if not self.inside:
            return
        name = attrs.get("name", "")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button"):
                self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea, self.text = name, []

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: bytes, action: str = "") -> list[tuple[str, str]]:
    reader = FormReader(action)
    reader.feed(html.decode())
    return [(k, v) for k, v in reader.fields if k != "csrfmiddlewaretoken"]


def replaced(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    kept = [(k, v) for k, v in fields if k not in values]
    return kept + list(values.items())


@dataclass
class Target:
    """One kind of edit: how a writer opens it, what it sends, how to read what is stored."""

    name: str
    open: Callable[[load.Client], object]
    save: Callable[[load.Client, object, str], tuple[int, bytes]]
    stored: Callable[[load.Client], str]
    # The status of an acknowledged save: a redirect for a page, 200 for the API.
    ok: int = 302


@dataclass
class Figures:
    rounds: int = 0
    right: int = 0
    overwrites: int = 0
    lost: int = 0
    refused: int = 0
    unexpected: list[str] = field(default_factory=list)
    save_times: list[float] = field(default_factory=list)


def targets(world: dict) -> list[Target]:
    incident, item = world["incident"], world["item"]
    edit = f"/incidents/{incident}/edit/"
    item_edit = f"/incidents/{world['item_incident']}/actions/{item}/edit/"

    def page(path: str, action: str = ""):
        return lambda c: form_fields(c.send("GET", path)[1], action)

    def post(path: str, field_name: str):
        return lambda c, seen, value: c.send("POST", path, replaced(seen, **{field_name: value}))

    def api_get(c: load.Client, path: str) -> dict:
        return json.loads(c.send("GET", path)[1])

    def api_patch(c: load.Client, seen, value: str) -> tuple[int, bytes]:
        body = json.dumps({"version": seen["version"], "title": value}).encode()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in c.cookies.items())}
        headers |= {"Content-Type": "application/json", "X-CSRFToken": c.cookies["csrftoken"]}
        headers["Referer"] = f"http://127.0.0.1:{c.port}/"
        path = f"/api/incidents/{incident}"
        status, _, data = load.request(c.port, "PATCH", path, body, headers, c.conn)
        return status, data

    found = [
        Target(
            "incident edit form",
            page(edit),
            post(edit, "title"),
            lambda c: api_get(c, f"/api/incidents/{incident}")["title"],
        ),
        Target(
            "action item edit form",
            page(item_edit),
            post(item_edit, "title"),
            lambda c: api_get(c, f"/api/action-items/{item}")["title"],
        ),
        Target(
            "incident API PATCH",
            lambda c: api_get(c, f"/api/incidents/{incident}"),
            api_patch,
            lambda c: api_get(c, f"/api/incidents/{incident}")["title"],
            ok=200,
        ),
    ]
    if world["factor"]:
        factor_edit = f"/incidents/{world['factor_incident']}/factors/{world['factor']}/edit/"
        found.append(
            Target(
                "factor edit form",
                page(factor_edit),
                post(factor_edit, "description"),
                lambda c: _factor_text(c, world),
            )
        )
    return found


def _factor_text(c: load.Client, world: dict) -> str:
    path = f"/api/incidents/{world['factor_incident']}/factors"
    factors = json.loads(c.send("GET", path)[1])
    return next(f["description"] for f in factors if f["id"] == world["factor"])


def race(target: Target, writers: list[load.Client], round_: int, figures: Figures) -> None:
    seen = [target.open(w) for w in writers]
    barrier = threading.Barrier(len(writers))
    answers: list[tuple[int, str, float]] = [(0, "", 0.0)] * len(writers)

    def write(n: int) -> None:
        value = f"Writer {n} in round {round_}"
        barrier.wait()
        started = time.monotonic()
        status, _ = target.save(writers[n], seen[n], value)
        answers[n] = (status, value, time.monotonic() - started)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    acknowledged = [value for status, value, _ in answers if status == target.ok]
    figures.refused += sum(1 for status, _, _ in answers if status in (409, 412))
    figures.unexpected += [str(s) for s, _, _ in answers if s not in (target.ok, 409, 412)]
    figures.save_times += [t for _, _, t in answers]
    stored = target.stored(writers[0])
    figures.rounds += 1
    figures.overwrites += len(acknowledged) > 1
    figures.lost += sum(1 for value in acknowledged if value != stored)
    figures.right += len(acknowledged) == 1 and acknowledged[0] == stored


def run_engine(engine: str, args: argparse.Namespace) -> dict:
    server = load.Server(engine, args)
    results: dict = {}
    try:
        server.unblame("demo")
        most = max(args.writers)
        script = SETUP.format(writers=most, password=load.PASSWORD)
        world = json.loads(server.unblame("manage", "shell", "-c", script).strip().splitlines()[-1])
        server.start()
        baseline = [
            load.timed(lambda: load.request(server.port, "GET", "/healthz")) for _ in range(50)
        ]
        clients = [load.Client(server.port, n, {"sections": ["-"]}, 1) for n in range(most)]
        for client in clients:
            client.sign_in()
        for target in targets(world):
            if args.only not in target.name:
                continue
            for count in args.writers:
                figures = Figures()
                for round_ in range(args.rounds):
                    race(target, clients[:count], round_, figures)
                results[f"{target.name}, {count} writers"] = figures
        results["healthz_ms"] = statistics.median(baseline) * 1000
    finally:
        results["server_log"] = server.stop()
    return results


def report(engine: str, results: dict) -> None:
    base = results["healthz_ms"]
    print(f"\n{engine}: GET /healthz median {base:.1f} ms (baseline)")
    print(f"  {'target':42} {'right':>7} {'overwr.':>8} {'lost':>5} {'409/412':>8} {'save':>10}")
    for name, f in results.items():
        if not isinstance(f, Figures):
            continue
        save = statistics.median(f.save_times) * 1000 if f.save_times else 0.0
        right = f"{f.right}/{f.rounds}"
        print(
            f"  {name:42} {right:>7} {f.overwrites:>8} {f.lost:>5} {f.refused:>8} "
            f"{save / base:>8.1f}x" + (f"  unexpected: {f.unexpected[:5]}" if f.unexpected else "")
        )
    log = results["server_log"]
    print(f"  server log: {log['tracebacks']} tracebacks, {log['problems']} problems")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-url", default=os.environ.get("UNBLAME_DATABASE_URL", ""))
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--only", default="", help="race only targets whose name contains this")
    args = parser.parse_args(argv)
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    failed = False
    for engine in engines:
        if engine == "postgresql" and not args.pg_url:
            print("postgresql: skipped (give --pg-url or set UNBLAME_DATABASE_URL)")
            continue
        results = run_engine(engine, args)
        report(engine, results)
        figures = [f for f in results.values() if isinstance(f, Figures)]
        failed |= any(f.right != f.rounds or f.unexpected for f in figures)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
