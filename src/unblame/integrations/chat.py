"""Chat transcripts in, timeline messages out. No Django here: the CLI and tests use it too.

A transcript is plain text, one message per line, in one of these forms:

    [2024-05-01 14:03] dana: the deploy is rolling out
    [2024-05-01 14:03:22] dana: the deploy is rolling out
    [2024-05-01T14:03] dana: …            (a "T" between date and time works too)
    [14:03] dana: …     14:03 dana: …     14:03:22 dana: …

How each line is read:

- A line in one of the forms above starts a message. The author is everything
  between the time and the first colon (1 to 64 characters, so "Dana Smith" works).
- A line with a date sets the current date; a line with only a time uses the
  current date, which starts as the `date` argument. Without either, a time-only
  line is an error that asks for the date.
- When a time-only line goes back by more than ROLLOVER_HOURS from the message
  before it (23:58, then 00:04), the chat has crossed midnight: the date moves on
  one day and that message carries a note saying so. A smaller step back (14:05,
  then 14:03) is kept on the same day, in the order written.
- Any other line is a continuation of the message before it and is appended to
  its text, blank lines included (trailing blank lines are dropped). This keeps
  pasted stack traces and multi-line messages whole.
- Errors, each naming the 1-based line: a non-blank line before the first
  message (nothing to continue); a message line whose date or time does not
  exist (2024-02-30, 25:10); a time-only line with no date known yet; a NUL
  character (binary data, not a transcript); more than MAX_MESSAGES messages.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from unblame.incidents.dates import DateOutOfRange, check_day

from .describe import clip

MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024
MAX_MESSAGES = 20_000
MAX_AUTHOR_CHARS = 64
ROLLOVER_HOURS = 6
_SHOWN_CHARS = 80

_DATE = r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
MESSAGE_RE = re.compile(
    rf"""^(?:
        \[ (?:(?P<date>{_DATE})[ T])? (?P<time>{_TIME}) \]
      | (?:(?P<date2>{_DATE})[ T])? (?P<time2>{_TIME})
    )
    [ \t]+ (?P<author>[^\s:][^:]{{0,{MAX_AUTHOR_CHARS - 1}}}?) [ \t]* :
    (?:[ \t]|$) (?P<text>.*)$""",
    re.VERBOSE,
)


class ChatParseError(ValueError):
    """A chat import that cannot be read; `where` names the line or file, `reason` says why."""

    def __init__(self, where: str, reason: str, excerpt: str = "") -> None:
        self.where = where
        self.reason = reason
        self.excerpt = excerpt
        message = f"{where}: {reason}" if where else reason
        if excerpt:
            message += f": {shorten(excerpt)!r}"
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One chat message, ready to become a timeline event.

    `occurred_at` is an aware UTC datetime. `external_id` is stable across
    imports of the same content, so a second import can skip what it already
    added. `author_aliases` are other names the same person goes by (a Slack
    handle, a real name), for matching the author to an account. `note` is a
    remark for the preview, such as a date inferred across midnight.
    """

    occurred_at: datetime
    author: str
    text: str
    external_id: str
    channel: str = ""
    author_aliases: tuple[str, ...] = ()
    note: str = ""
    source_line: int | None = field(default=None, compare=False)


def shorten(text: str, limit: int = _SHOWN_CHARS) -> str:
    """A line as it is shown in an error: one line, at most `limit` characters."""
    return clip(text.replace("\r", "").replace("\n", " "), limit)


def clean_text(text: str) -> str:
    """Text as a database can store it: NUL and unpaired surrogates become U+FFFD."""
    text = text.replace("\x00", "\ufffd")
    if _encodable(text):
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def resolve_tz(tz: tzinfo | str) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ChatParseError("", f"unknown time zone {tz!r}") from exc


def decode_text(data: bytes, *, name: str = "transcript") -> str:
    """Bytes of an uploaded text file as str: UTF-8 (with or without BOM), or UTF-16 with a BOM.

    Undecodable bytes are an error naming the line they are on, never replaced
    silently, so nothing is lost without the user knowing.
    """
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise ChatParseError(name, f"is larger than {MAX_TRANSCRIPT_BYTES // (1024 * 1024)} MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ChatParseError(name, "is not valid UTF-16 text") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ChatParseError(
            f"{name}, line {line}", "is not UTF-8 text; save the file as UTF-8 and try again"
        ) from exc


def message_id(source: str, occurred_at: datetime, author: str, text: str) -> str:
    """A stable id for a message that has none of its own (transcripts)."""
    key = "\x1f".join((source, occurred_at.isoformat(), author, text))
    return f"{source}:{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def parse_transcript(
    text: str, *, tz: tzinfo | str, date: date | None = None, source: str = "transcript"
) -> list[ChatMessage]:
    """Read a plain-text chat transcript (see the module docstring for the rules).

    Times are local to `tz` (a tzinfo or an IANA name such as "Europe/Berlin")
    and come back in UTC. Raises ChatParseError naming the line it could not read.
    """
    zone = resolve_tz(tz)
    if date is not None:
        try:
            check_day(date, "the date of the transcript")
        except DateOutOfRange as exc:
            raise ChatParseError("", str(exc)) from None
    builder = _TranscriptBuilder(zone, date, source)
    for number, line in enumerate(text.splitlines(), start=1):
        builder.feed(number, line)
    return builder.finish()


class _TranscriptBuilder:
    """Line-by-line state of parse_transcript: the current date and the open message."""

    def __init__(self, zone: tzinfo, day: date | None, source: str) -> None:
        self.zone = zone
        self.day = day
        self.source = source
        self.messages: list[ChatMessage] = []
        self.open: dict | None = None
        self.last_local: datetime | None = None
        # 1 while in the second pass of an hour the clocks went back over (fold).
        self.fold = 0

    def feed(self, number: int, line: str) -> None:
        if "\x00" in line:
            raise ChatParseError(
                f"line {number}", "contains a NUL character; this looks like a binary file"
            )
        if not line.isascii() and not _encodable(line):
            raise ChatParseError(f"line {number}", "contains text that is not valid Unicode")
        match = MESSAGE_RE.match(line)
        if match:
            self._start(number, line, match)
        elif self.open is not None:
            self.open["lines"].append(line)
        elif line.strip():
            raise ChatParseError(
                f"line {number}",
                "is not a chat message; expected '[2024-05-01 14:03] name: text' "
                "or '14:03 name: text'",
                line,
            )

    def _start(self, number: int, line: str, match: re.Match[str]) -> None:
        self._close()
        if len(self.messages) >= MAX_MESSAGES:
            raise ChatParseError(
                f"line {number}", f"more than {MAX_MESSAGES:,} messages; split the transcript"
            )
        raw_date = match["date"] or match["date2"]
        raw_time = match["time"] or match["time2"]
        clock = _parse_time(number, line, raw_time)
        note = ""
        if raw_date:
            self.day = _parse_date(number, line, raw_date)
        elif self.day is None:
            raise ChatParseError(
                f"line {number}", "has a time but no date; choose the date of the transcript", line
            )
        elif self.last_local is not None:
            candidate = datetime.combine(self.day, clock)
            if self.last_local - candidate > timedelta(hours=ROLLOVER_HOURS):
                self.day = _in_range(number, line, self.day + timedelta(days=1))
                note = (
                    f"Time went back from {self.last_local:%H:%M} to {clock:%H:%M}: "
                    f"read as the next day, {self.day.isoformat()}."
                )
        local = datetime.combine(self.day, clock)
        self.fold = self._fold(local)
        self.last_local = local
        self.open = {
            "number": number,
            "local": local.replace(fold=self.fold),
            "author": match["author"].strip(),
            "lines": [match["text"]],
            "note": note,
        }

    def _fold(self, local: datetime) -> int:
        """Which pass through a repeated hour `local` is in, messages being in order.

        When the clocks go back, 01:00-01:59 happens twice; a time that goes
        back into such an hour is its second pass (fold 1), as are the times
        after it until the hour is over.
        """
        first = local.replace(tzinfo=self.zone, fold=0).utcoffset()
        if first == local.replace(tzinfo=self.zone, fold=1).utcoffset():
            return 0
        went_back = self.last_local is not None and local < self.last_local
        return 1 if went_back else self.fold

    def _close(self) -> None:
        if self.open is None:
            return
        item, self.open = self.open, None
        lines = item["lines"]
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        text = "\n".join(lines).strip()
        if not text:
            return  # "14:03 dana:" with nothing after it adds nothing to a timeline
        occurred = item["local"].replace(tzinfo=self.zone).astimezone(UTC)
        self.messages.append(
            ChatMessage(
                occurred_at=occurred,
                author=item["author"],
                text=text,
                external_id=message_id(self.source, occurred, item["author"], text),
                note=item["note"],
                source_line=item["number"],
            )
        )

    def finish(self) -> list[ChatMessage]:
        self._close()
        return unique_ids(self.messages)


def unique_ids(messages: list[ChatMessage]) -> list[ChatMessage]:
    """Number repeated ids (#2, #3…): "ok" said twice in one minute is two messages."""
    seen: dict[str, int] = {}
    out = []
    for message in messages:
        count = seen.get(message.external_id, 0) + 1
        seen[message.external_id] = count
        if count > 1:
            message = replace(message, external_id=f"{message.external_id}#{count}")
        out.append(message)
    return out


def _parse_time(number: int, line: str, raw: str) -> time:
    parts = [int(p) for p in raw.split(":")]
    try:
        return time(*parts)
    except ValueError as exc:
        raise ChatParseError(
            f"line {number}", f"has a time that does not exist ({raw})", line
        ) from exc


def _parse_date(number: int, line: str, raw: str) -> date:
    year, month, day = (int(p) for p in raw.split("-"))
    try:
        parsed = date(year, month, day)
    except ValueError as exc:
        raise ChatParseError(
            f"line {number}", f"has a date that does not exist ({raw})", line
        ) from exc
    return _in_range(number, line, parsed)


def _in_range(number: int, line: str, day: date) -> date:
    # Bounded here, the next day (a time going back past midnight) cannot overflow either.
    try:
        return check_day(day)
    except DateOutOfRange as exc:
        raise ChatParseError(f"line {number}", f"has a date out of range: {exc}", line) from None
