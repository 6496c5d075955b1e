"""Slack workspace exports in, timeline messages out. No Django here.

An export (Workspace settings → Import/Export Data → Export) is a zip of JSON:

    users.json                   [{"id": "U123", "name": "dana", "real_name": …, "profile": {…}}]
    channels.json                [{"id": "C123", "name": "incident-42", …}]
    incident-42/2024-05-01.json  [{"type": "message", "user": "U123", "text": "…", "ts": "…"}]

`parse_slack_export` reads the zip, the unpacked folder, or one channel-day file.
Authors become names through users.json (or each message's `user_profile`);
`<@U123>` mentions and `<#C123>` channel links become readable names; joins,
leaves, topic and purpose changes are skipped. A message's external id is
`slack:<channel>:<ts>`, so importing the same export twice adds nothing the
second time.

The input is untrusted, and the limits below hold it to what an incident
channel's export needs: a bounded number of files, bounded unpacked size (a zip
bomb stops at the limit with an error), no entry names that climb out of the
archive, strict UTF-8 and JSON with the file and position of the first error.
Nothing is ever unpacked to disk.
"""

from __future__ import annotations

import io
import json
import lzma
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from unblame.incidents.dates import DateOutOfRange, check_time

from .chat import ChatMessage, ChatParseError, clean_text, shorten
from .describe import json_type

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Unpacked, per file and per upload. A busy incident channel's day is a few
# hundred KB; parsed, JSON takes ten to thirty times its size in memory.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
# Objects, arrays and elements of one JSON file, counted on the bytes before
# parsing: 19 MB of `{},` became 1.6 million dicts and half a gigabyte.
MAX_JSON_VALUES = 300_000
MAX_FILES = 5_000
MAX_MESSAGES = 20_000

# Channel housekeeping, not conversation.
SKIPPED_SUBTYPES = frozenset(
    {
        "channel_join",
        "channel_leave",
        "group_join",
        "group_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "group_topic",
        "group_purpose",
        "group_name",
        "group_archive",
        "group_unarchive",
        "pinned_item",
        "unpinned_item",
        "bot_add",
        "bot_remove",
        "message_deleted",
        "message_changed",
        "tombstone",
    }
)
DAY_FILE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\.json$")
TS_RE = re.compile(r"^([0-9]{1,11})(?:\.([0-9]{1,6}))?$")
LINK_RE = re.compile(r"<([^<>\n]{1,2000})>")
_CHANNEL_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")
# Everything zipfile and its decompressors raise on damaged or exotic archives.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    IndexError,
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One file of the export: its path inside the export and how to read it."""

    name: str
    size: int
    read: Callable[[int], bytes]


Source = str | os.PathLike[str] | bytes | bytearray | BinaryIO


def parse_slack_export(
    source: Source,
    *,
    name: str = "",
    channel: str = "",
    channels: Iterable[str] | None = None,
) -> list[ChatMessage]:
    """Read a Slack export: a folder, a .zip, or one channel's `YYYY-MM-DD.json`.

    `source` is a path, the uploaded bytes, or a binary file. `name` is how
    errors refer to uploaded bytes. `channel` names the channel of a single
    day file (otherwise taken from its parent folder). `channels` limits a
    whole export to those channel names. Messages come back sorted by time.
    Raises ChatParseError naming the file, and the position in it, that could
    not be read.
    """
    entries, single = _entries(source, name)
    return _Export(entries, single=single, channel=channel).messages(channels)


def list_channels(source: Source, *, name: str = "") -> list[str]:
    """The channel folders of an export, for asking which one to import."""
    entries, _ = _entries(source, name)
    return sorted({_channel_of(e.name) for e in entries if _channel_of(e.name)})


# -- Where the files come from ----------------------------------------------------


def _entries(source: Source, name: str) -> tuple[list[_Entry], bool]:
    """The export's files, and whether the source was a single file."""
    if isinstance(source, (bytes, bytearray)):
        return _entries_from_bytes(bytes(source), name or "upload")
    if hasattr(source, "read"):
        data = source.read(MAX_UPLOAD_BYTES + 1)
        return _entries_from_bytes(data, name or getattr(source, "name", "") or "upload")
    path = Path(source)
    if path.is_dir():
        return _folder_entries(path), False
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ChatParseError(str(path), "cannot be opened") from exc
    if size > MAX_UPLOAD_BYTES:
        raise ChatParseError(path.name, f"is larger than {_mb(MAX_UPLOAD_BYTES)}")
    return _entries_from_bytes(path.read_bytes(), name or _display_path(path))


def _display_path(path: Path) -> str:
    # Keep the channel folder in the name of a single day file.
    if DAY_FILE_RE.match(path.name) and path.parent.name:
        return f"{path.parent.name}/{path.name}"
    return path.name


def _entries_from_bytes(data: bytes, name: str) -> tuple[list[_Entry], bool]:
    if len(data) > MAX_UPLOAD_BYTES:
        raise ChatParseError(name, f"is larger than {_mb(MAX_UPLOAD_BYTES)}")
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return _zip_entries(data, name), False
    return [_Entry(name, len(data), lambda limit: data[:limit])], True


def _zip_entries(data: bytes, name: str) -> list[_Entry]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise ChatParseError(name, "is not a readable zip archive") from exc
    if len(infos) > MAX_FILES:
        raise ChatParseError(name, f"has more than {MAX_FILES:,} files; export one channel")
    entries = []
    for info in infos:
        _check_entry_name(name, info.filename)
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise ChatParseError(f"{name}: {info.filename}", "is encrypted")
        entries.append(_Entry(info.filename, info.file_size, _zip_reader(archive, info, name)))
    return entries


def _zip_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str):
    def read(limit: int) -> bytes:
        try:
            with archive.open(info) as handle:
                return handle.read(limit)
        except _ZIP_ERRORS as exc:
            raise ChatParseError(
                f"{name}: {info.filename}", "is damaged or truncated in the archive"
            ) from exc

    return read


def _check_entry_name(archive: str, entry: str) -> None:
    """Refuse names that would climb out of the archive if anyone ever unpacked it."""
    parts = PurePosixPath(entry).parts
    unsafe = (
        not entry
        or entry.startswith(("/", "\\"))
        or "\\" in entry
        or "\x00" in entry
        or ".." in parts
        or re.match(r"^[A-Za-z]:", entry) is not None
    )
    if unsafe:
        raise ChatParseError(
            archive, "has a file with an unsafe path; this is not a Slack export", entry
        )


def _folder_entries(root: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for filename in sorted(files):
            path = Path(folder, filename)
            # Symlinks could point anywhere on the machine; an export has none.
            if path.is_symlink() or not filename.endswith(".json"):
                continue
            entries.append(
                _Entry(path.relative_to(root).as_posix(), _size(path), _file_reader(path))
            )
            if len(entries) > MAX_FILES:
                raise ChatParseError(root.name, f"has more than {MAX_FILES:,} JSON files")
    return entries


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _file_reader(path: Path):
    def read(limit: int) -> bytes:
        try:
            with path.open("rb") as handle:
                return handle.read(limit)
        except OSError as exc:
            raise ChatParseError(path.name, "cannot be read") from exc

    return read


# -- Reading the files ------------------------------------------------------------


class _Export:
    """The files of one export, read lazily and within the size budget."""

    def __init__(self, entries: list[_Entry], *, single: bool, channel: str) -> None:
        self.entries = entries
        self.single = single
        self.channel = channel
        self.budget = MAX_TOTAL_BYTES
        self.users: dict[str, dict[str, str]] = {}
        self.channel_names: dict[str, str] = {}

    def messages(self, wanted: Iterable[str] | None) -> list[ChatMessage]:
        if self.single:
            entry = self.entries[0]
            self._refuse_metadata_file(entry)
            day_files = [(self.channel or _channel_of(entry.name), entry)]
        else:
            self._read_metadata()
            day_files = self._day_files(wanted)
        out: list[ChatMessage] = []
        for channel, entry in day_files:
            out.extend(self._read_day(channel, entry))
            if len(out) > MAX_MESSAGES:
                raise ChatParseError(
                    entry.name, f"takes the export past {MAX_MESSAGES:,} messages; export less"
                )
        out.sort(key=lambda m: (m.occurred_at, m.channel, m.external_id))
        return out

    def _refuse_metadata_file(self, entry: _Entry) -> None:
        base = PurePosixPath(entry.name).name
        if base in ("users.json", "integration_logs.json", *_CHANNEL_LISTS):
            raise ChatParseError(
                entry.name,
                "lists users or channels, not messages; upload the whole export zip or a "
                "channel's YYYY-MM-DD.json",
            )

    def _day_files(self, wanted: Iterable[str] | None) -> list[tuple[str, _Entry]]:
        found = [(_channel_of(e.name), e) for e in self.entries if _channel_of(e.name)]
        if not found:
            raise ChatParseError(
                "export", "has no channel files (expected <channel>/<YYYY-MM-DD>.json)"
            )
        if wanted is None:
            return sorted(found, key=lambda pair: pair[1].name)
        wanted = {w.strip().lstrip("#") for w in wanted if w.strip()}
        present = {channel for channel, _ in found}
        missing = sorted(wanted - present)
        if missing:
            raise ChatParseError(
                "export",
                f"has no channel named {missing[0]!r}; it has {', '.join(sorted(present))}",
            )
        return sorted((p for p in found if p[0] in wanted), key=lambda pair: pair[1].name)

    def _read_metadata(self) -> None:
        for entry in self._shallowest("users.json"):
            self.users = _user_map(entry.name, self._load(entry))
        for filename in _CHANNEL_LISTS:
            for entry in self._shallowest(filename):
                self.channel_names.update(_channel_map(entry.name, self._load(entry)))

    def _shallowest(self, filename: str) -> list[_Entry]:
        matches = [e for e in self.entries if PurePosixPath(e.name).name == filename]
        matches.sort(key=lambda e: len(PurePosixPath(e.name).parts))
        return matches[:1]

    def _load(self, entry: _Entry) -> object:
        if entry.size > MAX_FILE_BYTES:
            raise ChatParseError(entry.name, f"is larger than {_mb(MAX_FILE_BYTES)}")
        if entry.size > self.budget:
            raise ChatParseError(entry.name, f"takes the export past {_mb(MAX_TOTAL_BYTES)}")
        data = entry.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ChatParseError(entry.name, f"is larger than {_mb(MAX_FILE_BYTES)}")
        self.budget -= len(data)
        if self.budget < 0:
            raise ChatParseError(entry.name, f"takes the export past {_mb(MAX_TOTAL_BYTES)}")
        return load_json(entry.name, data)

    def _read_day(self, channel: str, entry: _Entry) -> list[ChatMessage]:
        data = self._load(entry)
        # The Web API's conversations.history answer wraps the same messages.
        if isinstance(data, dict) and isinstance(data.get("messages"), list):
            data = data["messages"]
        if not isinstance(data, list):
            raise ChatParseError(
                entry.name, f"should be a JSON array of messages, not {json_type(data)}"
            )
        out = []
        for index, item in enumerate(data, start=1):
            message = self._message(channel, f"{entry.name}, message {index}", item)
            if message is not None:
                out.append(message)
        return out

    def _message(self, channel: str, where: str, item: object) -> ChatMessage | None:
        if not isinstance(item, dict):
            raise ChatParseError(where, f"should be an object, not {json_type(item)}")
        subtype = _optional_str(where, item, "subtype")
        kind = _optional_str(where, item, "type")
        if subtype in SKIPPED_SUBTYPES or kind not in (None, "message"):
            return None
        occurred = _parse_ts(where, item.get("ts"))
        channel = clean_text(channel)
        text = self.render(_message_text(where, item))
        if not text:
            return None
        author, aliases = self._author(item)
        return ChatMessage(
            occurred_at=occurred,
            author=author,
            text=text,
            external_id=f"slack:{channel}:{item['ts']}",
            channel=channel,
            author_aliases=aliases,
        )

    def _author(self, item: dict) -> tuple[str, tuple[str, ...]]:
        user_id = item.get("user") if isinstance(item.get("user"), str) else ""
        names = dict(self.users.get(user_id, {}))
        profile = item.get("user_profile")
        if isinstance(profile, dict):
            for key in ("display_name", "real_name", "name"):
                if isinstance(profile.get(key), str) and profile[key].strip():
                    names.setdefault(key, profile[key].strip())
        # Bot messages carry their own name.
        if isinstance(item.get("username"), str) and item["username"].strip():
            names.setdefault("display_name", item["username"].strip())
        bot = item.get("bot_profile")
        if isinstance(bot, dict) and isinstance(bot.get("name"), str) and bot["name"].strip():
            names.setdefault("display_name", bot["name"].strip())
        ordered = [names.get(k, "") for k in ("display_name", "real_name", "name")]
        ordered = [clean_text(n)[:64] for n in dict.fromkeys(ordered) if n]
        if not ordered:
            return clean_text(user_id or "unknown")[:64], ()
        return ordered[0], tuple(ordered[1:])

    def render(self, text: str) -> str:
        """Slack's markup as plain text: mentions and links readable, entities unescaped."""
        text = LINK_RE.sub(self._link, clean_text(text))
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()

    def _link(self, match: re.Match[str]) -> str:
        target, _, label = match[1].partition("|")
        if target.startswith("@"):
            names = self.users.get(target[1:], {})
            shown = next(
                (names[k] for k in ("display_name", "real_name", "name") if k in names), ""
            )
            return "@" + (shown or label.lstrip("@") or target[1:])
        if target.startswith("#"):
            return "#" + (label or self.channel_names.get(target[1:], target[1:]))
        if target.startswith("!"):
            special = target[1:].split("^", 1)[0]
            return label or (f"@{special}" if special in ("here", "channel", "everyone") else "")
        if not label or label in target:
            return target
        return f"{label} ({target})"


def load_json(name: str, data: bytes) -> object:
    """Strict JSON from bytes, with errors that name the file and the position.

    Refused before parsing when it holds more than MAX_JSON_VALUES values,
    which is what bounds the memory parsing takes.
    """
    # An upper bound on the values (a brace or comma inside a string counts
    # too), found without building any of them.
    values = data.count(b"{") + data.count(b"[") + data.count(b",")
    if values > MAX_JSON_VALUES:
        raise ChatParseError(
            name, f"holds more than {MAX_JSON_VALUES:,} JSON values; export a shorter range"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChatParseError(
            f"{name}, byte {exc.start}", "is not UTF-8; Slack exports are UTF-8 JSON"
        ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{name}, line {exc.lineno} column {exc.colno}"
        raise ChatParseError(where, f"is not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise ChatParseError(name, "is nested too deeply to be a Slack export") from exc
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise ChatParseError(name, f"is not valid JSON ({shorten(str(exc))})") from exc


def _user_map(name: str, data: object) -> dict[str, dict[str, str]]:
    if not isinstance(data, list):
        raise ChatParseError(name, f"should be a JSON array of users, not {json_type(data)}")
    users: dict[str, dict[str, str]] = {}
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise ChatParseError(f"{name}, user {index}", "should be an object with a string 'id'")
        profile = item.get("profile") if isinstance(item.get("profile"), dict) else {}
        names = {
            "display_name": profile.get("display_name"),
            "real_name": profile.get("real_name") or item.get("real_name"),
            "name": item.get("name"),
        }
        users[item["id"]] = {
            k: v.strip()[:64] for k, v in names.items() if isinstance(v, str) and v.strip()
        }
    return users


def _channel_map(name: str, data: object) -> dict[str, str]:
    if not isinstance(data, list):
        raise ChatParseError(name, f"should be a JSON array of channels, not {json_type(data)}")
    return {
        item["id"]: item["name"]
        for item in data
        if isinstance(item, dict)
        and isinstance(item.get("id"), str)
        and isinstance(item.get("name"), str)
    }


def _message_text(where: str, item: dict) -> str:
    text = item.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ChatParseError(where, f"'text' should be a string, not {json_type(text)}")
    if text.strip():
        return text
    # A bot's alert or a file share often has its words in attachments or files.
    parts = []
    for attachment in _list(item.get("attachments")):
        if isinstance(attachment, dict):
            for key in ("fallback", "text", "title"):
                if isinstance(attachment.get(key), str) and attachment[key].strip():
                    parts.append(attachment[key])
                    break
    for shared in _list(item.get("files")):
        if isinstance(shared, dict):
            title = shared.get("title") or shared.get("name")
            if isinstance(title, str) and title.strip():
                parts.append(f"[file: {title}]")
    return "\n".join(parts)


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _optional_str(where: str, item: dict, key: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise ChatParseError(where, f"'{key}' should be a string, not {json_type(value)}")
    return value


def _parse_ts(where: str, value: object) -> datetime:
    if not isinstance(value, str):
        raise ChatParseError(
            where, f"'ts' should be a string like \"1714572180.000100\", not {json_type(value)}"
        )
    match = TS_RE.match(value)
    if not match:
        raise ChatParseError(where, "'ts' is not a Slack timestamp", value)
    seconds = int(match[1])
    micros = int((match[2] or "0").ljust(6, "0"))
    try:
        return check_time(datetime.fromtimestamp(seconds, UTC).replace(microsecond=micros))
    except DateOutOfRange as exc:
        raise ChatParseError(where, f"'ts' is out of range: {exc}", value) from None
    except (OverflowError, OSError, ValueError) as exc:
        raise ChatParseError(where, "'ts' is out of range", value) from exc


def _channel_of(entry_name: str) -> str:
    parts = PurePosixPath(entry_name).parts
    if len(parts) >= 2 and DAY_FILE_RE.match(parts[-1]):
        return parts[-2]
    return ""


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"
