"""One entry point for an uploaded chat file, whatever its format. No Django here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, tzinfo
from pathlib import PurePosixPath

from unblame.server import import_slots

from .chat import ChatMessage, ChatParseError, decode_text, parse_transcript
from .slack import parse_slack_export

FORMATS = {"slack": "Slack export", "transcript": "plain transcript"}


class ImportsBusy(ChatParseError, import_slots.ImportsBusy):
    """Every import slot stayed taken; nothing was read and the upload can be sent again.

    A ChatParseError, as the chat pages expect, and the server's ImportsBusy.
    """

    def __init__(self) -> None:
        ChatParseError.__init__(self, "", import_slots.BUSY_REASON)


@contextmanager
def parse_slot(wait: float | None = None) -> Iterator[None]:
    """Hold one of the server's import slots (server.import_slots); ImportsBusy if none frees.

    The same slots as every other import: chat and review files share the cap.
    """
    with import_slots.import_slot(wait, busy=ImportsBusy):
        yield


def detect_format(filename: str, data: bytes) -> str:
    """ "slack" for a zip or JSON file, "transcript" for anything else."""
    suffix = PurePosixPath(filename).suffix.lower()
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06") or suffix in (".zip", ".json"):
        return "slack"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{") and not _looks_like_transcript(data):
        return "slack"
    return "transcript"


def _looks_like_transcript(data: bytes) -> bool:
    # "[2024-05-01 14:03] dana: …" also starts with a bracket.
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:3]
    return head[:1] == b"[" and head[1:2].isdigit()


def parse_chat_upload(
    filename: str,
    data: bytes,
    *,
    tz: tzinfo | str,
    date: date | None = None,
    channel: str = "",
) -> list[ChatMessage]:
    """Parse an uploaded transcript or Slack export; ChatParseError says what could not be read.

    `tz` and `date` apply to transcripts only (Slack timestamps are UTC);
    `channel` picks one channel of a whole Slack export, or names the channel
    of a single day file. Raises ImportsBusy (a ChatParseError) when other
    uploads hold every parse slot.
    """
    name = PurePosixPath(filename.replace("\\", "/")).name or "upload"
    with parse_slot():
        if detect_format(filename, data) == "slack":
            if data[:2] == b"PK" and channel:
                return parse_slack_export(data, name=name, channels=[channel])
            return parse_slack_export(data, name=name, channel=channel)
        return parse_transcript(decode_text(data, name=name), tz=tz, date=date)
