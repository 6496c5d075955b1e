"""Property tests: whatever arrives, the parsers answer with data or their own error."""

import contextlib
import json
import os
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fuzzing import examples
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unblame.incidents.dates import EARLIEST, LATEST, DateOutOfRange, check_time
from unblame.integrations.alerts import AlertParseError, parse_alertmanager, parse_generic
from unblame.integrations.chat import MESSAGE_RE, ChatParseError, decode_text, parse_transcript
from unblame.integrations.slack import parse_slack_export
from unblame.integrations.upload import parse_chat_upload

from .samples import ALERTMANAGER, MESSAGES, export_files, make_zip

# Fixed examples in CI, so a run never fails on an input no earlier run could
# have met; fresh ones on developers' machines, where new finds belong.
FAST = settings(
    max_examples=examples(50),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
line_text = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
authors = (
    st.text(
        st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters=":"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


# -- Nothing but the parse error, whatever the input ----------------------------------


@FAST
@given(st.text(max_size=500), st.sampled_from(["UTC", "Europe/Berlin", "America/St_Johns"]))
def test_any_text_gives_messages_or_a_chat_parse_error(text, tz):
    try:
        messages = parse_transcript(text, tz=tz, date=date(2024, 5, 1))
    except ChatParseError:
        return
    for message in messages:
        assert message.occurred_at.tzinfo is UTC
        assert message.text and message.author


@FAST
@given(st.binary(max_size=500))
def test_any_bytes_decode_or_give_a_chat_parse_error(data):
    with contextlib.suppress(ChatParseError):
        decode_text(data)


@FAST
@given(st.binary(max_size=500), st.sampled_from(["a.zip", "a.json", "a.txt"]))
def test_any_upload_gives_messages_or_a_chat_parse_error(data, filename):
    with contextlib.suppress(ChatParseError):
        parse_chat_upload(filename, data, tz="UTC", date=date(2024, 5, 1))


@FAST
@given(json_values)
def test_any_json_in_a_channel_file_gives_messages_or_a_chat_parse_error(value):
    with contextlib.suppress(ChatParseError):
        parse_slack_export(make_zip(export_files(value)))


@FAST
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "ts",
                    "text",
                    "user",
                    "subtype",
                    "type",
                    "attachments",
                    "files",
                    "user_profile",
                    "username",
                    "bot_profile",
                ]
            ),
            json_values,
        ),
        max_size=5,
    )
)
def test_any_message_fields_give_messages_or_a_chat_parse_error(messages):
    with contextlib.suppress(ChatParseError):
        parse_slack_export(make_zip(export_files(messages)))


@FAST
@given(json_values)
def test_any_users_file_gives_messages_or_a_chat_parse_error(users):
    files = export_files()
    files["users.json"] = users
    with contextlib.suppress(ChatParseError):
        parse_slack_export(make_zip(files))


@FAST
@given(st.data())
def test_a_truncated_export_gives_messages_or_a_chat_parse_error(data):
    whole = make_zip(export_files())
    cut = data.draw(st.integers(0, len(whole)))
    with contextlib.suppress(ChatParseError):
        parse_slack_export(whole[:cut], name="export.zip")


@FAST
@given(st.data())
def test_a_corrupted_export_gives_messages_or_a_chat_parse_error(data):
    whole = bytearray(make_zip(export_files()))
    for _ in range(data.draw(st.integers(1, 5))):
        whole[data.draw(st.integers(0, len(whole) - 1))] = data.draw(st.integers(0, 255))
    with contextlib.suppress(ChatParseError):
        parse_slack_export(bytes(whole), name="export.zip")


@FAST
@given(st.binary(max_size=500))
def test_any_bytes_give_alerts_or_an_alert_parse_error(data):
    for parse in (parse_alertmanager, parse_generic):
        with contextlib.suppress(AlertParseError):
            parse(data)


@FAST
@given(json_values)
def test_any_json_gives_alerts_or_an_alert_parse_error(value):
    for parse in (parse_alertmanager, parse_generic):
        with contextlib.suppress(AlertParseError):
            parse(json.dumps(value).encode())


@FAST
@given(
    st.dictionaries(
        st.sampled_from(
            ["status", "labels", "annotations", "startsAt", "endsAt", "fingerprint", "generatorURL"]
        ),
        json_values,
    )
)
def test_any_alert_fields_give_alerts_or_an_alert_parse_error(fields):
    data = {**ALERTMANAGER, "alerts": [{**ALERTMANAGER["alerts"][0], **fields}]}
    with contextlib.suppress(AlertParseError):
        parse_alertmanager(json.dumps(data).encode())


@FAST
@given(st.data())
def test_a_truncated_alert_body_gives_an_alert_parse_error(data):
    whole = json.dumps(ALERTMANAGER).encode()
    cut = data.draw(st.integers(0, len(whole) - 1))
    try:
        parse_alertmanager(whole[:cut])
    except AlertParseError:
        return
    raise AssertionError("a truncated body was accepted")


# -- Round trips: what was written is what is read -------------------------------------


@st.composite
def conversations(draw):
    start = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
    start = start.replace(microsecond=0)
    steps = draw(st.lists(st.integers(0, 4 * 3600), min_size=1, max_size=15))
    moments = []
    for step in steps:
        start += timedelta(seconds=step)
        moments.append(start)
    lines = draw(
        st.lists(st.tuples(authors, line_text), min_size=len(moments), max_size=len(moments))
    )
    return [(moment, author, text) for moment, (author, text) in zip(moments, lines, strict=True)]


@FAST
@given(conversations())
def test_a_dated_transcript_round_trips(conversation):
    text = "\n".join(f"[{m:%Y-%m-%d %H:%M:%S}] {a}: {t}" for m, a, t in conversation)
    parsed = parse_transcript(text, tz="UTC")
    assert [(m.occurred_at, m.author, m.text) for m in parsed] == [
        (moment.replace(tzinfo=UTC), author, text) for moment, author, text in conversation
    ]
    assert len({m.external_id for m in parsed}) == len(parsed)


@FAST
@given(conversations())
def test_a_time_only_transcript_round_trips_across_midnight(conversation):
    # Steps of at most 4 hours: every step back on the clock is a new day.
    text = "\n".join(f"{m:%H:%M:%S} {a}: {t}" for m, a, t in conversation)
    parsed = parse_transcript(text, tz="UTC", date=conversation[0][0].date())
    assert [m.occurred_at for m in parsed] == [m.replace(tzinfo=UTC) for m, _, _ in conversation]


@FAST
@given(conversations(), st.lists(line_text, min_size=1, max_size=3))
def test_continuation_lines_stay_with_their_message(conversation, extra):
    assume(not any(MESSAGE_RE.match(line) for line in extra))
    moment, author, first = conversation[0]
    text = f"[{moment:%Y-%m-%d %H:%M:%S}] {author}: {first}\n" + "\n".join(extra)
    [message] = parse_transcript(text, tz="UTC")
    assert message.text == "\n".join([first, *extra])


@FAST
@given(st.lists(st.tuples(st.integers(946684800, 4102444800), line_text), min_size=1, max_size=10))
def test_a_slack_export_round_trips(items):
    assume(not any("<" in t or "&" in t for _, t in items))
    messages = [{"user": "U1", "text": t, "ts": f"{ts}.{i:06d}"} for i, (ts, t) in enumerate(items)]
    parsed = parse_slack_export(make_zip(export_files(messages)))
    assert sorted(m.text for m in parsed) == sorted(t for _, t in items)
    assert len({m.external_id for m in parsed}) == len(items)


def test_the_sample_export_still_parses():
    # Guards the fixtures the property tests above mutate.
    assert len(parse_slack_export(make_zip(export_files(MESSAGES)))) == 2


# -- Every date read lies in the stored range (incidents/dates.py) ---------------------------

EDGE_ZONES = st.sampled_from([UTC, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")])


@FAST
@given(st.datetimes(timezones=EDGE_ZONES))
def test_any_alert_time_is_in_range_or_refused_and_shows_in_every_zone(moment):
    alert = {**ALERTMANAGER["alerts"][0], "startsAt": moment.isoformat()}
    try:
        [parsed] = parse_alertmanager(json.dumps({**ALERTMANAGER, "alerts": [alert]}).encode())
    except AlertParseError:
        return
    assert EARLIEST <= parsed.starts_at < LATEST
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        parsed.starts_at.astimezone(ZoneInfo(zone))  # never an OverflowError


@FAST
@given(st.integers(min_value=0, max_value=10**11), st.integers(min_value=0, max_value=999_999))
def test_any_slack_ts_is_in_range_or_refused(seconds, micros):
    messages = [{"type": "message", "user": "U1", "text": "x", "ts": f"{seconds}.{micros:06d}"}]
    try:
        [parsed] = parse_slack_export(make_zip(export_files(messages)))
    except ChatParseError:
        return
    assert EARLIEST <= parsed.occurred_at < LATEST


@FAST
@given(st.dates(), st.sampled_from(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]))
def test_any_transcript_date_is_in_range_or_refused(day, tz):
    try:
        [message] = parse_transcript(f"{day.isoformat()} 23:59 dana: ok", tz=tz)
    except ChatParseError:
        return
    assert EARLIEST <= message.occurred_at < LATEST


@FAST
@given(st.datetimes(timezones=st.none() | EDGE_ZONES))
def test_check_time_accepts_exactly_the_range(moment):
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        inside = EARLIEST <= aware < LATEST
    except OverflowError:
        inside = False
    if inside:
        assert check_time(moment) == aware
    else:
        with pytest.raises(DateOutOfRange):
            check_time(moment)


@FAST
@given(
    st.sampled_from(
        [
            ("America/New_York", datetime(2026, 11, 1, 4, 30, tzinfo=UTC)),
            ("Europe/Berlin", datetime(2026, 10, 25, 0, 0, tzinfo=UTC)),
            ("Australia/Lord_Howe", datetime(2026, 4, 4, 14, 0, tzinfo=UTC)),
        ]
    ),
    st.lists(st.integers(0, 20 * 60), min_size=1, max_size=20),
)
def test_a_transcript_written_through_a_clock_change_keeps_its_order(zone_and_start, steps):
    # Written in local time as the chat showed it: the repeated hour repeats on the page.
    name, moment = zone_and_start
    zone = ZoneInfo(name)
    moments = []
    for step in steps:
        moment += timedelta(seconds=step)
        moments.append(moment)
    text = "\n".join(
        f"[{m.astimezone(zone):%Y-%m-%d %H:%M:%S}] dana: ok {i}" for i, m in enumerate(moments)
    )
    parsed = parse_transcript(text, tz=name)
    read = [m.occurred_at for m in parsed]
    assert read == sorted(read)
    # Each is the time written, in one pass or the other of a repeated hour.
    for got, written in zip(read, moments, strict=True):
        assert got.astimezone(zone).replace(tzinfo=None) == written.astimezone(zone).replace(
            tzinfo=None
        )
        assert abs(got - written) <= timedelta(hours=1)
