import io
import json
import struct
import zipfile
from datetime import UTC, datetime

import pytest

from unblame.integrations import slack
from unblame.integrations.chat import ChatParseError
from unblame.integrations.slack import list_channels, parse_slack_export

from .samples import CHANNELS, MESSAGES, USERS, export_files, make_folder, make_zip


def test_it_reads_a_zipped_export():
    msgs = parse_slack_export(make_zip(export_files()))
    assert [(m.author, m.text) for m in msgs] == [
        ("Dana", "deploy started"),
        ("Sam Lee", "@Dana errors > 5%"),
    ]


def test_it_reads_an_unpacked_folder(tmp_path):
    msgs = parse_slack_export(make_folder(tmp_path, export_files()))
    assert len(msgs) == 2


def test_it_reads_a_zip_file_by_path(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip(export_files()))
    assert len(parse_slack_export(path)) == 2


def test_it_reads_a_zip_with_a_top_level_folder():
    files = {f"My Workspace Slack export/{k}": v for k, v in export_files().items()}
    msgs = parse_slack_export(make_zip(files))
    assert msgs[0].author == "Dana"
    assert msgs[0].channel == "incident-42"


def test_it_reads_a_single_day_file_by_path_and_takes_the_channel_from_its_folder(tmp_path):
    make_folder(tmp_path, export_files())
    msgs = parse_slack_export(tmp_path / "incident-42" / "2024-05-01.json")
    assert msgs[0].channel == "incident-42"
    # No users.json beside a single file: the author is the user id.
    assert msgs[0].author == "U1"


def test_it_reads_a_single_day_file_from_bytes_with_a_channel_name():
    msgs = parse_slack_export(json.dumps(MESSAGES).encode(), name="x.json", channel="ops")
    assert msgs[0].external_id == "slack:ops:1714572180.000100"


def test_it_uses_the_user_profile_of_a_message_when_there_is_no_users_file():
    messages = [{"user": "U9", "text": "hi", "ts": "1.0", "user_profile": {"real_name": "Kim"}}]
    [msg] = parse_slack_export(json.dumps(messages).encode())
    assert msg.author == "Kim"


def test_it_reads_the_web_api_history_shape():
    body = {"ok": True, "messages": MESSAGES}
    assert len(parse_slack_export(json.dumps(body).encode())) == 2


def test_it_reads_a_file_like_object():
    assert len(parse_slack_export(io.BytesIO(make_zip(export_files())))) == 2


def test_it_converts_ts_to_utc():
    msg = parse_slack_export(make_zip(export_files()))[0]
    assert msg.occurred_at == datetime(2024, 5, 1, 14, 3, 0, 100, tzinfo=UTC)


def test_external_ids_are_channel_and_ts():
    msg = parse_slack_export(make_zip(export_files()))[0]
    assert msg.external_id == "slack:incident-42:1714572180.000100"


def test_it_gives_the_other_names_of_the_author_as_aliases():
    msg = parse_slack_export(make_zip(export_files()))[0]
    assert msg.author_aliases == ("Dana Smith", "dana")


def test_it_skips_joins_and_leaves_and_topic_changes():
    messages = [
        {"subtype": s, "user": "U1", "text": "x", "ts": "1.0"}
        for s in ("channel_join", "channel_leave", "channel_topic", "channel_purpose")
    ]
    assert parse_slack_export(make_zip(export_files(messages))) == []


def test_it_keeps_bot_messages_with_their_name():
    messages = [{"subtype": "bot_message", "username": "PagerBot", "text": "fired", "ts": "1.0"}]
    [msg] = parse_slack_export(make_zip(export_files(messages)))
    assert msg.author == "PagerBot"


def test_it_uses_attachment_text_when_the_message_text_is_empty():
    messages = [{"text": "", "ts": "1.0", "attachments": [{"fallback": "CPU high"}]}]
    [msg] = parse_slack_export(make_zip(export_files(messages)))
    assert msg.text == "CPU high"


def test_it_skips_messages_with_no_text_at_all():
    assert parse_slack_export(make_zip(export_files([{"text": "", "ts": "1.0"}]))) == []


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<@U1>", "@Dana"),
        ("<@U2|sam>", "@Sam Lee"),
        ("<@U77|kim>", "@kim"),
        ("<@U77>", "@U77"),
        ("<#C2>", "#general"),
        ("<#C9|war-room>", "#war-room"),
        ("<!here>", "@here"),
        ("<!subteam^S1|@sre>", "@sre"),
        ("<https://status.example.com>", "https://status.example.com"),
        (
            "<https://grafana.example.com/d/1|dashboard>",
            "dashboard (https://grafana.example.com/d/1)",
        ),
        ("<http://example.com|example.com>", "http://example.com"),
        ("a &lt;b&gt; &amp; c", "a <b> & c"),
    ],
)
def test_it_renders_slack_markup_as_plain_text(raw, shown):
    [msg] = parse_slack_export(make_zip(export_files([{"user": "U1", "text": raw, "ts": "1.0"}])))
    assert msg.text == shown


def test_it_sorts_messages_by_time_across_days_and_channels():
    files = export_files()
    files["general/2024-04-30.json"] = [{"user": "U2", "text": "earlier", "ts": "1714400000.0"}]
    msgs = parse_slack_export(make_zip(files))
    assert msgs[0].text == "earlier"
    assert msgs[0].channel == "general"


def test_it_imports_only_the_chosen_channels():
    files = export_files()
    files["general/2024-04-30.json"] = [{"user": "U2", "text": "earlier", "ts": "1714400000.0"}]
    msgs = parse_slack_export(make_zip(files), channels=["#incident-42"])
    assert {m.channel for m in msgs} == {"incident-42"}


def test_it_names_the_channels_it_has_when_a_chosen_one_is_missing():
    with pytest.raises(ChatParseError, match="no channel named 'nope'; it has incident-42"):
        parse_slack_export(make_zip(export_files()), channels=["nope"])


def test_it_lists_the_channels_of_an_export():
    files = export_files()
    files["general/2024-04-30.json"] = []
    assert list_channels(make_zip(files)) == ["general", "incident-42"]


# -- Errors name the file and the position ---------------------------------------


def test_it_names_the_file_and_position_of_invalid_json():
    files = export_files()
    files["incident-42/2024-05-01.json"] = b'[\n  {"ts": "1.0",\n  "text": }\n]'
    with pytest.raises(ChatParseError) as info:
        parse_slack_export(make_zip(files))
    assert info.value.where == "incident-42/2024-05-01.json, line 3 column 11"


def test_it_names_the_file_of_truncated_json():
    files = export_files()
    files["incident-42/2024-05-01.json"] = json.dumps(MESSAGES).encode()[:50]
    with pytest.raises(ChatParseError, match=r"incident-42/2024-05-01.json, line 1"):
        parse_slack_export(make_zip(files))


def test_it_names_the_file_that_is_not_utf8():
    files = export_files()
    files["incident-42/2024-05-01.json"] = b'[{"ts": "1.0", "text": "caf\xe9"}]'
    with pytest.raises(ChatParseError, match=r"2024-05-01.json, byte 27: is not UTF-8"):
        parse_slack_export(make_zip(files))


def test_it_names_the_message_with_a_wrong_type():
    files = export_files([{"ts": "1.0", "text": "ok"}, {"ts": 2.5, "text": "bad"}])
    with pytest.raises(
        ChatParseError, match=r"2024-05-01.json, message 2: 'ts' should be a string"
    ):
        parse_slack_export(make_zip(files))


def test_it_names_a_message_whose_text_is_not_a_string():
    files = export_files([{"ts": "1.0", "text": ["x"]}])
    with pytest.raises(ChatParseError, match=r"message 1: 'text' should be a string, not an array"):
        parse_slack_export(make_zip(files))


def test_it_refuses_a_ts_that_is_not_a_slack_timestamp():
    files = export_files([{"ts": "yesterday", "text": "x"}])
    with pytest.raises(ChatParseError, match="'ts' is not a Slack timestamp"):
        parse_slack_export(make_zip(files))


def test_it_refuses_a_channel_file_that_is_not_an_array():
    files = export_files({"ts": "1.0"})
    with pytest.raises(ChatParseError, match="should be a JSON array of messages, not an object"):
        parse_slack_export(make_zip(files))


def test_it_refuses_a_message_that_is_not_an_object():
    with pytest.raises(ChatParseError, match="message 1: should be an object, not a string"):
        parse_slack_export(make_zip(export_files(["hello"])))


def test_it_refuses_a_users_file_of_the_wrong_shape():
    files = export_files()
    files["users.json"] = [{"name": "no id"}]
    with pytest.raises(ChatParseError, match=r"users.json, user 1: should be an object"):
        parse_slack_export(make_zip(files))


def test_it_refuses_a_users_file_uploaded_alone():
    with pytest.raises(ChatParseError, match="lists users or channels, not messages"):
        parse_slack_export(json.dumps(USERS).encode(), name="users.json")


def test_it_refuses_a_zip_with_no_channel_files():
    with pytest.raises(ChatParseError, match="has no channel files"):
        parse_slack_export(make_zip({"users.json": USERS, "channels.json": CHANNELS}))


def test_it_refuses_a_file_that_is_not_a_zip_but_starts_like_one():
    with pytest.raises(ChatParseError, match=r"export.zip: is not a readable zip archive"):
        parse_slack_export(b"PK\x03\x04" + b"\x00" * 100, name="export.zip")


def test_it_refuses_a_truncated_zip():
    data = make_zip(export_files())
    with pytest.raises(ChatParseError, match="not a readable zip archive"):
        parse_slack_export(data[: len(data) // 2], name="export.zip")


def test_it_refuses_a_zip_entry_whose_data_is_damaged():
    data = bytearray(make_zip(export_files(), compression=zipfile.ZIP_DEFLATED))
    offset = data.index(b"incident-42/2024-05-01.json") + len("incident-42/2024-05-01.json")
    data[offset + 5 : offset + 25] = b"\xff" * 20
    with pytest.raises(ChatParseError, match=r"damaged|not valid JSON|not UTF-8"):
        parse_slack_export(bytes(data), name="export.zip")


# -- Hostile archives ---------------------------------------------------------------


@pytest.mark.parametrize(
    "evil",
    ["../../etc/passwd", "/etc/passwd", "a/../../b.json", "..\\..\\x.json", "C:/x.json"],
)
def test_it_refuses_a_zip_entry_that_climbs_out_of_the_archive(evil):
    files = export_files()
    files[evil] = b"[]"
    with pytest.raises(ChatParseError, match="unsafe path"):
        parse_slack_export(make_zip(files), name="export.zip")


def test_it_refuses_a_zip_entry_with_an_empty_name():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in export_files().items():
            archive.writestr(name, json.dumps(content))
        archive.writestr(zipfile.ZipInfo(""), b"[]")
    with pytest.raises(ChatParseError, match="unsafe path"):
        parse_slack_export(buffer.getvalue(), name="export.zip")


def test_it_stops_a_zip_bomb_at_the_size_limit(monkeypatch):
    monkeypatch.setattr(slack, "MAX_FILE_BYTES", 1024 * 1024)
    files = export_files()
    # 5 MB of zeros compress to a few KB.
    files["incident-42/2024-05-02.json"] = b"[" + b" " * (5 * 1024 * 1024) + b"]"
    data = make_zip(files)
    assert len(data) < 50_000
    with pytest.raises(ChatParseError, match=r"2024-05-02.json: is larger than 1 MB"):
        parse_slack_export(data)


def test_it_stops_at_the_total_unpacked_size(monkeypatch):
    monkeypatch.setattr(slack, "MAX_TOTAL_BYTES", 3000)
    files = export_files()
    for day in range(1, 20):
        files[f"incident-42/2024-06-{day:02d}.json"] = MESSAGES
    with pytest.raises(ChatParseError, match="takes the export past"):
        parse_slack_export(make_zip(files))


def test_it_does_not_trust_the_declared_size_of_an_entry():
    files = export_files()
    files["incident-42/2024-05-02.json"] = b"[" + b" " * 5000 + b"]"
    data = bytearray(make_zip(files, compression=zipfile.ZIP_STORED))
    # Lie in both headers: claim the 5 KB entry unpacks to 10 bytes.
    name = b"incident-42/2024-05-02.json"
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.index(name) if signature == b"PK\x03\x04" else data.rindex(name)
        header = data.rindex(signature, 0, start)
        data[header + size_offset : header + size_offset + 4] = struct.pack("<I", 10)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name.decode()).file_size == 10
    with pytest.raises(ChatParseError, match=r"2024-05-02.json: is damaged"):
        parse_slack_export(bytes(data))


def test_it_refuses_an_archive_with_too_many_files(monkeypatch):
    monkeypatch.setattr(slack, "MAX_FILES", 10)
    files = export_files()
    for i in range(20):
        files[f"x/{i}.txt"] = b""
    with pytest.raises(ChatParseError, match="more than 10 files"):
        parse_slack_export(make_zip(files), name="export.zip")


def test_it_refuses_too_many_messages(monkeypatch):
    monkeypatch.setattr(slack, "MAX_MESSAGES", 3)
    files = export_files([{"text": str(i), "ts": f"{i}.0"} for i in range(1, 6)])
    with pytest.raises(ChatParseError, match="past 3 messages"):
        parse_slack_export(make_zip(files))


def test_it_refuses_deeply_nested_json():
    files = export_files()
    files["incident-42/2024-05-01.json"] = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(ChatParseError, match="nested too deeply"):
        parse_slack_export(make_zip(files))


def test_it_refuses_an_integer_too_long_to_read():
    files = export_files()
    files["incident-42/2024-05-01.json"] = b"[" + b"9" * 10_000 + b"]"
    with pytest.raises(ChatParseError, match="not valid JSON"):
        parse_slack_export(make_zip(files))


def test_it_replaces_nul_characters_in_message_text():
    [msg] = parse_slack_export(make_zip(export_files([{"text": "a\u0000b", "ts": "1.0"}])))
    assert msg.text == "a\ufffdb"


def test_it_replaces_unpaired_surrogates_in_message_text():
    files = export_files()
    files["incident-42/2024-05-01.json"] = b'[{"text": "a\\ud800b", "ts": "1.0"}]'
    [msg] = parse_slack_export(make_zip(files))
    msg.text.encode("utf-8")  # storable


def test_it_ignores_symlinks_in_a_folder(tmp_path):
    make_folder(tmp_path / "export", export_files())
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps([{"text": "secret", "ts": "1.0"}]))
    (tmp_path / "export" / "incident-42" / "2024-05-09.json").symlink_to(secret)
    msgs = parse_slack_export(tmp_path / "export")
    assert "secret" not in [m.text for m in msgs]


def test_it_refuses_a_huge_upload(monkeypatch):
    monkeypatch.setattr(slack, "MAX_UPLOAD_BYTES", 100)
    with pytest.raises(ChatParseError, match="upload: is larger than"):
        parse_slack_export(b"[" + b" " * 200 + b"]")


@pytest.mark.parametrize("ts", ["4200000000.000000", "99999999999.0"])
def test_a_ts_past_the_stored_range_is_refused_with_a_reason(ts):
    messages = [{"type": "message", "user": "U1", "text": "later", "ts": ts}]
    with pytest.raises(ChatParseError, match=r"'ts' is out of range.*between 1970 and 2100"):
        parse_slack_export(make_zip(export_files(messages)))
