import copy
import json
from datetime import UTC, datetime

import pytest

from unblame.integrations.alerts import (
    MAX_BODY_BYTES,
    AlertParseError,
    parse_alertmanager,
    parse_generic,
)

from .samples import ALERTMANAGER


def body(data: object) -> bytes:
    return json.dumps(data).encode()


def am(**changes) -> bytes:
    data = copy.deepcopy(ALERTMANAGER)
    data["alerts"][0].update(changes)
    return body(data)


def test_it_reads_an_alertmanager_notification():
    [alert] = parse_alertmanager(body(ALERTMANAGER))
    assert alert.group_key == ALERTMANAGER["groupKey"]
    assert alert.status == "firing"
    assert alert.is_firing
    assert alert.title == "CheckoutErrors: 5xx above 5% on checkout"
    assert alert.fingerprint == "1a30ba71cca2921f"
    assert alert.starts_at == datetime(2024, 5, 1, 14, 3, 0, 123456, tzinfo=UTC)
    assert alert.ends_at is None
    assert alert.severity == "critical"
    assert alert.service == "checkout"
    assert alert.text == "Error ratio 7.2% for 10 minutes."
    assert alert.url.startswith("http://prometheus")
    assert alert.labels["instance"] == "web-1"


def test_it_reads_a_resolved_alert_with_its_end_time():
    [alert] = parse_alertmanager(am(status="resolved", endsAt="2024-05-01T15:00:00+02:00"))
    assert alert.status == "resolved"
    assert alert.ends_at == datetime(2024, 5, 1, 13, 0, tzinfo=UTC)


def test_it_titles_an_alert_without_a_summary_by_its_name():
    [alert] = parse_alertmanager(am(annotations={}))
    assert alert.title == "CheckoutErrors"


def test_it_takes_common_labels_when_an_alert_lacks_them():
    [alert] = parse_alertmanager(am(labels={"instance": "web-1"}))
    assert alert.labels["alertname"] == "CheckoutErrors"


def test_it_computes_a_fingerprint_when_there_is_none():
    data = copy.deepcopy(ALERTMANAGER)
    del data["alerts"][0]["fingerprint"]
    [first] = parse_alertmanager(body(data))
    [second] = parse_alertmanager(body(data))
    assert first.fingerprint and first.fingerprint == second.fingerprint


def test_a_resent_notification_has_the_same_delivery_key():
    [first] = parse_alertmanager(body(ALERTMANAGER))
    [again] = parse_alertmanager(body(ALERTMANAGER))
    [resolved] = parse_alertmanager(am(status="resolved"))
    [refired] = parse_alertmanager(am(startsAt="2024-05-02T09:00:00Z"))
    assert first.delivery_key == again.delivery_key
    assert len({first.delivery_key, resolved.delivery_key, refired.delivery_key}) == 3


def test_it_reads_several_alerts_of_one_group():
    data = copy.deepcopy(ALERTMANAGER)
    data["alerts"].append({**data["alerts"][0], "fingerprint": "2b"})
    assert [a.fingerprint for a in parse_alertmanager(body(data))] == ["1a30ba71cca2921f", "2b"]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "body is empty"),
        (b"   ", "body is empty"),
        (b"{", "body is not valid JSON: Expecting property name"),
        (b"\xff\xfe{}", "body is not UTF-8"),
        (b"[]", "body should be a JSON object, not an array"),
        (b'"alerts"', "body should be a JSON object, not a string"),
        (b'{"version": "3", "groupKey": "g", "alerts": []}', "version: only Alertmanager"),
        (b'{"alerts": [{}]}', "groupKey: is required"),
        (b'{"groupKey": 5, "alerts": [{}]}', "groupKey: should be a string, not a number"),
        (b'{"groupKey": "g"}', "alerts: should be a non-empty array"),
        (b'{"groupKey": "g", "alerts": []}', "alerts: should be a non-empty array"),
        (b'{"groupKey": "g", "alerts": {}}', "alerts: should be a non-empty array"),
        (b'{"groupKey": "g", "alerts": [1]}', "alerts[0]: should be an object, not a number"),
    ],
)
def test_it_rejects_malformed_alertmanager_bodies_with_a_reason(payload, reason):
    with pytest.raises(AlertParseError) as info:
        parse_alertmanager(payload)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"status": "pending"},
            'alerts[0].status: should be "firing" or "resolved", not "pending"',
        ),
        ({"status": None}, "alerts[0].status: should be"),
        ({"labels": ["a"]}, "alerts[0].labels: should be an object of strings, not an array"),
        ({"labels": {"a": 1}}, "alerts[0].labels.a: should be a string, not a number"),
        ({"annotations": {"summary": None}}, ""),  # null is read as absent
        ({"startsAt": None}, "alerts[0].startsAt: should be an RFC 3339 timestamp string"),
        ({"startsAt": "yesterday"}, "alerts[0].startsAt: is not an RFC 3339 timestamp"),
        ({"startsAt": "2024-05-01T14:03:00"}, "alerts[0].startsAt: needs a time zone"),
        ({"startsAt": "0001-01-01T00:00:00Z"}, "alerts[0].startsAt: is the zero time"),
        ({"endsAt": 12}, "alerts[0].endsAt: should be an RFC 3339 timestamp string"),
        ({"fingerprint": ["x"]}, "alerts[0].fingerprint: should be a string"),
        ({"labels": {"alertname": "a\u0000b"}}, "alerts[0].labels.alertname: contains a NUL"),
        ({"labels": {"a\u0000": "b"}}, "alerts[0].labels key: contains a NUL"),
    ],
)
def test_it_names_the_field_that_is_wrong(changes, reason):
    if not reason:
        parse_alertmanager(am(**changes))
        return
    with pytest.raises(AlertParseError) as info:
        parse_alertmanager(am(**changes))
    assert reason in info.value.reason


def test_it_rejects_unpaired_surrogates():
    payload = am(annotations={"summary": "PLACEHOLDER"}).replace(b"PLACEHOLDER", b"\\udc00")
    with pytest.raises(AlertParseError, match="unpaired surrogate"):
        parse_alertmanager(payload)


def test_it_rejects_a_timestamp_too_far_out_to_convert():
    with pytest.raises(AlertParseError, match="out of range"):
        parse_alertmanager(am(startsAt="9999-12-31T23:59:59-23:59"))


def test_it_rejects_bodies_over_one_megabyte():
    payload = am(annotations={"description": "x" * MAX_BODY_BYTES})
    with pytest.raises(AlertParseError, match="body is larger than 1024 KB"):
        parse_alertmanager(payload)


def test_it_rejects_deeply_nested_json():
    with pytest.raises(AlertParseError, match="nested too deeply"):
        parse_alertmanager(b"[" * 200_000 + b"]" * 200_000)


def test_it_rejects_too_many_alerts():
    data = copy.deepcopy(ALERTMANAGER)
    data["alerts"] = data["alerts"] * 101
    with pytest.raises(AlertParseError, match="more than 100 alerts"):
        parse_alertmanager(body(data))


def test_it_clips_very_long_titles():
    [alert] = parse_alertmanager(am(annotations={"summary": "x" * 5000}))
    assert len(alert.title) == 200


# -- The generic form ----------------------------------------------------------------


def test_it_reads_the_generic_form():
    [alert] = parse_generic(
        body(
            {
                "title": "Checkout down",
                "status": "firing",
                "severity": "critical",
                "service": "checkout",
                "group": "checkout-availability",
                "starts_at": "2024-05-01T16:03:00+02:00",
                "text": "Synthetic check failing from 3 regions",
                "extra": "ignored",
            }
        )
    )
    assert alert.title == "Checkout down"
    assert alert.group_key == "checkout-availability"
    assert alert.starts_at == datetime(2024, 5, 1, 14, 3, tzinfo=UTC)
    assert alert.severity == "critical"
    assert alert.service == "checkout"
    assert alert.text == "Synthetic check failing from 3 regions"


def test_the_generic_group_defaults_to_the_title():
    [alert] = parse_generic(body({"title": "Disk full", "status": "firing"}))
    assert alert.group_key == "Disk full"
    assert alert.starts_at is None
    assert alert.fingerprint


def test_it_reads_an_array_of_generic_alerts():
    alerts = parse_generic(
        body([{"title": "a", "status": "firing"}, {"title": "b", "status": "resolved"}])
    )
    assert [a.status for a in alerts] == ["firing", "resolved"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"status": "firing"}, "title: is required"),
        ({"title": "", "status": "firing"}, "title: is required"),
        ({"title": 5, "status": "firing"}, "title: should be a string, not a number"),
        ({"title": "a"}, 'status: should be "firing" or "resolved", not null'),
        ({"title": "a", "status": "FIRING"}, "status: should be"),
        ({"title": "a", "status": "firing", "starts_at": "soon"}, "starts_at: is not an RFC 3339"),
        ({"title": "a", "status": "firing", "severity": {}}, "severity: should be a string"),
        ([], "body should be an object or a non-empty array, not an array"),
        (3, "body should be an object or a non-empty array, not a number"),
        ([{"title": "a", "status": "firing"}, 7], "[1]: should be an object"),
        ([{"title": "a", "status": "firing"}, {"title": "b"}], "[1].status: should be"),
    ],
)
def test_it_names_the_generic_field_that_is_wrong(data, reason):
    with pytest.raises(AlertParseError) as info:
        parse_generic(body(data))
    assert reason in info.value.reason
