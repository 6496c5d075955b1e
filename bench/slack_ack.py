"""How fast a Slack event is acknowledged with the task queue, against doing the work inline.

    .venv/bin/python bench/slack_ack.py [--events 30] [--slack-latency-ms 150]

Slack gives an app three seconds to answer an event. unblame verifies the
signature, queues the work and answers; the work (looking the writer up in
Slack, the chat import with its analyzer pass, the private nudge) runs on a
worker. This measures, in one run, on a throwaway SQLite data folder:

- queued: the Events endpoint with huey queueing to its SQLite file (no
  worker running, so only the acknowledgement is timed);
- inline: the same endpoint with UNBLAME_TASKS_IMMEDIATE's behaviour, the
  whole job done before the answer (the baseline a hand-rolled handler gets).

Slack's Web API is a local server that waits --slack-latency-ms before each
answer, standing in for the network. Each event is a self-blaming message in
a linked channel from a new Slack user, so the inline path looks them up
(users.info) and posts a nudge (chat.postEphemeral): two calls to Slack. Reports the median and
95th percentile per mode and the inline/queued ratio of medians.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "bench-signing-secret"


def fake_slack(latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(latency)
            profile = {"display_name": "dana", "email": "dana@example.com"}
            user = {"id": "U1", "name": "dana", "profile": profile}
            body = json.dumps({"ok": True, "user": user}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def setup(api_url: str) -> None:
    os.environ["UNBLAME_DATA_DIR"] = tempfile.mkdtemp(prefix="unblame-bench-")
    os.environ["UNBLAME_SECRET_KEY"] = "bench-only"
    os.environ["UNBLAME_ALLOWED_HOSTS"] = "testserver"
    os.environ["UNBLAME_SLACK_SIGNING_SECRET"] = SECRET
    os.environ["UNBLAME_SLACK_BOT_TOKEN"] = "xoxb-bench"
    os.environ["UNBLAME_SLACK_API_URL"] = api_url
    os.environ.pop("UNBLAME_TASK_QUEUE", None)
    os.environ.pop("UNBLAME_TASKS_IMMEDIATE", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "unblame.server.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    import logging

    logging.getLogger("huey").setLevel(logging.WARNING)
    from unblame.accounts.models import User
    from unblame.incidents.models import Incident, Severity
    from unblame.integrations.slackbot import SlackChannel

    User.objects.create_user("dana", email="dana@example.com", password="bench-only-pw")
    incident = Incident.objects.create(title="Bench", severity=Severity.objects.first())
    SlackChannel.objects.create(channel_id="C1", name="incident-bench", incident=incident)


def one_event(client, number: int) -> float:
    ts = f"{1772625600 + number}.000100"
    # A new writer each time, so each is looked up and nudged (nudges are rate-limited).
    event = {"type": "message", "channel": "C1", "user": f"U{number}", "ts": ts}
    event["text"] = "sorry, this is all my fault, I broke prod"
    body = json.dumps({"type": "event_callback", "event": event}).encode()
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}
    start = time.perf_counter()
    response = client.post(
        "/hooks/slack/events", body, content_type="application/json", headers=headers
    )
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        sys.exit(f"the endpoint answered {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=30)
    parser.add_argument("--slack-latency-ms", type=int, default=150)
    args = parser.parse_args()
    server = fake_slack(args.slack_latency_ms / 1000)
    setup(f"http://127.0.0.1:{server.server_address[1]}/api/")
    from django.test import Client
    from huey.contrib.djhuey import HUEY

    client = Client()
    times: dict[str, list[float]] = {"queued": [], "inline": []}
    # Interleaved, so a busy machine slows both modes alike.
    for number in range(args.events):
        for mode in ("queued", "inline"):
            HUEY.immediate = mode == "inline"
            offset = number * 2 + (mode == "inline")
            times[mode].append(one_event(client, offset))
    for mode, values in times.items():
        values.sort()
        p95 = values[max(0, round(len(values) * 0.95) - 1)]
        print(
            f"{mode:7} median {statistics.median(values) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
        )
    ratio = statistics.median(times["inline"]) / statistics.median(times["queued"])
    print(f"inline / queued (median): {ratio:.1f}x  (Slack latency {args.slack_latency_ms} ms)")


if __name__ == "__main__":
    main()
