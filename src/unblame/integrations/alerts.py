"""Alert webhook bodies in, alerts out. No Django here.

Two body forms are read:

Prometheus Alertmanager's webhook (version "4"): an object with `groupKey` and
a list of `alerts`, each with `status`, `labels`, `annotations`, `startsAt`,
`endsAt` and `fingerprint`. The group key becomes the alert's group, so every
notification for one Alertmanager group lands on the same incident.

The generic form, for anything that can POST JSON: one object, or an array of
up to MAX_ALERTS objects, with these fields (unknown fields are ignored):

    title        string, required, the incident title when it opens one
    status       "firing" or "resolved", required
    severity     string, optional (e.g. "critical")
    service      string, optional
    group        string, optional; alerts with the same group go to the same
                 open incident; defaults to the title
    starts_at    ISO 8601 timestamp with a time zone, optional (default: now)
    text         string, optional, the detail shown on the timeline
    fingerprint  string, optional; with starts_at, makes a re-sent alert a
                 no-op; defaults to a hash of group and title

Any other shape is an AlertParseError whose `reason` names the field and what
was wrong with it, so the sender's logs say what to fix.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from unblame.incidents.dates import DateOutOfRange, check_time

from .describe import clip, json_type

MAX_BODY_BYTES = 1024 * 1024
MAX_ALERTS = 100
MAX_TITLE_CHARS = 200
MAX_FIELD_CHARS = 10_000
STATUSES = ("firing", "resolved")


class AlertParseError(ValueError):
    """A webhook body that cannot be read; `reason` says which field and what was wrong."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert of a notification.

    `group_key` decides which open incident it belongs to; `fingerprint` and
    `starts_at` together identify one firing of one alert, so a re-sent
    notification can be recognised. `starts_at` is aware, or None when the
    sender gave no time.
    """

    group_key: str
    status: str
    title: str
    fingerprint: str
    starts_at: datetime | None
    ends_at: datetime | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    annotations: Mapping[str, str] = field(default_factory=dict)
    severity: str = ""
    service: str = ""
    text: str = ""
    url: str = ""

    @property
    def is_firing(self) -> bool:
        return self.status == "firing"

    @property
    def delivery_key(self) -> str:
        """Same alert, same firing, same status: a re-sent notification has the same key."""
        started = self.starts_at.isoformat() if self.starts_at else ""
        raw = "\x1f".join((self.fingerprint, started, self.status))
        return hashlib.sha256(raw.encode()).hexdigest()[:40]


def load_body(payload: bytes) -> object:
    """The JSON of a webhook body, within MAX_BODY_BYTES, or AlertParseError saying why not."""
    if len(payload) > MAX_BODY_BYTES:
        raise AlertParseError(f"body is larger than {MAX_BODY_BYTES // 1024} KB")
    if not payload.strip():
        raise AlertParseError("body is empty; expected JSON")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AlertParseError(f"body is not UTF-8 (bad byte at offset {exc.start})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AlertParseError(
            f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    except RecursionError as exc:
        raise AlertParseError("body is nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise AlertParseError(f"body is not valid JSON: {str(exc)[:100]}") from exc


def parse_alertmanager(payload: bytes) -> list[Alert]:
    """Read an Alertmanager webhook body (version 4) into its alerts."""
    body = load_body(payload)
    if not isinstance(body, dict):
        raise AlertParseError(f"body should be a JSON object, not {json_type(body)}")
    version = body.get("version", "4")
    if version != "4":
        raise AlertParseError(
            f'version: only Alertmanager webhook version "4" is read, not {version!r}'
        )
    group_key = _required_str(body, "groupKey", "groupKey")
    alerts = body.get("alerts")
    if not isinstance(alerts, list) or not alerts:
        raise AlertParseError("alerts: should be a non-empty array")
    if len(alerts) > MAX_ALERTS:
        raise AlertParseError(f"alerts: more than {MAX_ALERTS} alerts in one body")
    common = _str_map(body, "commonLabels", "commonLabels")
    return [
        _alertmanager_alert(group_key, common, item, f"alerts[{i}]")
        for i, item in enumerate(alerts)
    ]


def _alertmanager_alert(group_key: str, common: dict[str, str], item: object, where: str) -> Alert:
    if not isinstance(item, dict):
        raise AlertParseError(f"{where}: should be an object, not {json_type(item)}")
    status = _status(item, "status", f"{where}.status")
    labels = _str_map(item, "labels", f"{where}.labels")
    annotations = _str_map(item, "annotations", f"{where}.annotations")
    starts_at = _timestamp(item, "startsAt", f"{where}.startsAt", required=True)
    ends_at = _timestamp(item, "endsAt", f"{where}.endsAt", required=False)
    fingerprint = _optional_str(item, "fingerprint", f"{where}.fingerprint")
    merged = {**common, **labels}
    return Alert(
        group_key=group_key,
        status=status,
        title=_alertmanager_title(merged, annotations),
        fingerprint=fingerprint or _hash(sorted(merged.items())),
        starts_at=starts_at,
        ends_at=ends_at,
        labels=merged,
        annotations=annotations,
        severity=merged.get("severity", ""),
        service=merged.get("service", ""),
        text=annotations.get("description", ""),
        url=_optional_str(item, "generatorURL", f"{where}.generatorURL"),
    )


def _alertmanager_title(labels: dict[str, str], annotations: dict[str, str]) -> str:
    name = labels.get("alertname", "")
    summary = annotations.get("summary", "")
    title = f"{name}: {summary}" if name and summary else name or summary or "Alert"
    return clip(title, MAX_TITLE_CHARS)


def parse_generic(payload: bytes) -> list[Alert]:
    """Read the generic JSON form (see the module docstring) into its alerts."""
    body = load_body(payload)
    if isinstance(body, dict):
        return [_generic_alert(body, "")]
    if not isinstance(body, list) or not body:
        raise AlertParseError(
            f"body should be an object or a non-empty array, not {json_type(body)}"
        )
    if len(body) > MAX_ALERTS:
        raise AlertParseError(f"body has more than {MAX_ALERTS} alerts")
    return [_generic_alert(item, f"[{i}].") for i, item in enumerate(body)]


def _generic_alert(item: object, prefix: str) -> Alert:
    if not isinstance(item, dict):
        raise AlertParseError(
            f"{prefix.rstrip('.') or 'body'}: should be an object, not {json_type(item)}"
        )
    title = clip(_required_str(item, "title", f"{prefix}title"), MAX_TITLE_CHARS)
    status = _status(item, "status", f"{prefix}status")
    group = _optional_str(item, "group", f"{prefix}group") or title
    return Alert(
        group_key=group,
        status=status,
        title=title,
        fingerprint=_optional_str(item, "fingerprint", f"{prefix}fingerprint")
        or _hash([group, title]),
        starts_at=_timestamp(item, "starts_at", f"{prefix}starts_at", required=False),
        severity=_optional_str(item, "severity", f"{prefix}severity"),
        service=_optional_str(item, "service", f"{prefix}service"),
        text=_optional_str(item, "text", f"{prefix}text"),
    )


# -- Field readers: each names the field in its error ------------------------------


def _required_str(item: dict, key: str, where: str) -> str:
    value = _optional_str(item, key, where)
    if not value:
        raise AlertParseError(f"{where}: is required and should be a non-empty string")
    return value


def _optional_str(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AlertParseError(f"{where}: should be a string, not {json_type(value)}")
    _check_text(value, where)
    if len(value) > MAX_FIELD_CHARS:
        raise AlertParseError(f"{where}: is longer than {MAX_FIELD_CHARS:,} characters")
    return value.strip()


def _check_text(value: str, where: str) -> None:
    # Neither can be stored in PostgreSQL text, so they are refused at the door.
    if "\x00" in value:
        raise AlertParseError(f"{where}: contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise AlertParseError(
            f"{where}: contains an unpaired surrogate (\\u{ord(value[exc.start]):04x})"
        ) from exc


def _status(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if value not in STATUSES:
        raise AlertParseError(f'{where}: should be "firing" or "resolved", not {_show(value)}')
    return value


def _str_map(item: dict, key: str, where: str) -> dict[str, str]:
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise AlertParseError(f"{where}: should be an object of strings, not {json_type(value)}")
    out = {}
    for name in value:
        _check_text(name, f"{where} key")
        text = _optional_str(value, name, f"{where}.{clip(name, 40)}")
        if value[name] is not None:  # null is read as absent
            out[name] = text
    return out


def _timestamp(item: dict, key: str, where: str, *, required: bool) -> datetime | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise AlertParseError(
            f"{where}: should be an RFC 3339 timestamp string, not {json_type(value)}"
        )
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise AlertParseError(f"{where}: is not an RFC 3339 timestamp: {_show(value)}") from exc
    if parsed.tzinfo is None:
        raise AlertParseError(f"{where}: needs a time zone (e.g. Z or +02:00): {_show(value)}")
    # Go's zero time is how Alertmanager says "no end yet".
    if parsed.year == 1:
        if required:
            raise AlertParseError(f"{where}: is the zero time")
        return None
    try:
        return check_time(parsed, "the time").astimezone(UTC)
    except DateOutOfRange as exc:
        raise AlertParseError(f"{where}: is out of range: {exc}") from None


def _hash(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def _show(value: object) -> str:
    return clip(json.dumps(value, ensure_ascii=False, default=str), 60)
