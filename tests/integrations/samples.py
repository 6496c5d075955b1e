"""Sample inputs for the tests: Slack exports (a zip in memory or a folder) and alert bodies."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

USERS = [
    {
        "id": "U1",
        "name": "dana",
        "real_name": "Dana Smith",
        "profile": {"display_name": "Dana", "real_name": "Dana Smith"},
    },
    {"id": "U2", "name": "sam", "real_name": "Sam Lee", "profile": {"display_name": ""}},
]
CHANNELS = [{"id": "C1", "name": "incident-42"}, {"id": "C2", "name": "general"}]
MESSAGES = [
    {"type": "message", "user": "U1", "text": "deploy started", "ts": "1714572180.000100"},
    {
        "type": "message",
        "subtype": "channel_join",
        "user": "U2",
        "text": "<@U2> has joined the channel",
        "ts": "1714572190.000200",
    },
    {"type": "message", "user": "U2", "text": "<@U1> errors &gt; 5%", "ts": "1714572240.000300"},
]


def export_files(messages=None, *, channel="incident-42", day="2024-05-01") -> dict[str, object]:
    return {
        "users.json": USERS,
        "channels.json": CHANNELS,
        f"{channel}/{day}.json": MESSAGES if messages is None else messages,
    }


def make_zip(files: dict[str, object | bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            data = content if isinstance(content, bytes) else json.dumps(content).encode()
            archive.writestr(name, data)
    return buffer.getvalue()


def make_folder(root: Path, files: dict[str, object | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else json.dumps(content).encode()
        path.write_bytes(data)
    return root


# The shape Alertmanager (webhook version 4) sends.
ALERTMANAGER = {
    "version": "4",
    "groupKey": '{}/{severity="critical"}:{alertname="CheckoutErrors"}',
    "truncatedAlerts": 0,
    "status": "firing",
    "receiver": "unblame",
    "groupLabels": {"alertname": "CheckoutErrors"},
    "commonLabels": {"alertname": "CheckoutErrors", "severity": "critical"},
    "commonAnnotations": {},
    "externalURL": "http://alertmanager:9093",
    "alerts": [
        {
            "status": "firing",
            "labels": {
                "alertname": "CheckoutErrors",
                "severity": "critical",
                "service": "checkout",
                "instance": "web-1",
            },
            "annotations": {
                "summary": "5xx above 5% on checkout",
                "description": "Error ratio 7.2% for 10 minutes.",
            },
            "startsAt": "2024-05-01T14:03:00.123456789Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus:9090/graph?g0.expr=x",
            "fingerprint": "1a30ba71cca2921f",
        }
    ],
}
