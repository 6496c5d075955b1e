from datetime import UTC, date, datetime

import pytest

from unblame.integrations.chat import (
    MAX_MESSAGES,
    ChatParseError,
    decode_text,
    parse_transcript,
)

BERLIN = "Europe/Berlin"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_it_reads_bracketed_lines_with_a_date():
    [msg] = parse_transcript("[2024-05-01 14:03] dana: deploy started", tz="UTC")
    assert msg.occurred_at == utc(2024, 5, 1, 14, 3)
    assert msg.author == "dana"
    assert msg.text == "deploy started"


def test_it_reads_seconds():
    [msg] = parse_transcript("[2024-05-01 14:03:22] dana: hi", tz="UTC")
    assert msg.occurred_at == utc(2024, 5, 1, 14, 3, 22)


def test_it_reads_a_t_between_date_and_time():
    [msg] = parse_transcript("[2024-05-01T14:03] dana: hi", tz="UTC")
    assert msg.occurred_at == utc(2024, 5, 1, 14, 3)


def test_it_reads_time_only_lines_with_the_date_argument():
    [msg] = parse_transcript("14:03 dana: hi", tz="UTC", date=date(2024, 5, 1))
    assert msg.occurred_at == utc(2024, 5, 1, 14, 3)


def test_it_reads_bracketed_time_only_lines():
    [msg] = parse_transcript("[14:03] dana: hi", tz="UTC", date=date(2024, 5, 1))
    assert msg.occurred_at == utc(2024, 5, 1, 14, 3)


def test_it_converts_local_times_to_utc():
    [msg] = parse_transcript("[2024-05-01 14:03] dana: hi", tz=BERLIN)
    assert msg.occurred_at == utc(2024, 5, 1, 12, 3)  # CEST is UTC+2
    assert msg.occurred_at.tzinfo is UTC


def test_it_uses_winter_time_in_winter():
    [msg] = parse_transcript("[2024-01-15 14:03] dana: hi", tz=BERLIN)
    assert msg.occurred_at == utc(2024, 1, 15, 13, 3)


def test_it_accepts_a_tzinfo_object():
    from zoneinfo import ZoneInfo

    [msg] = parse_transcript("[2024-05-01 14:03] dana: hi", tz=ZoneInfo(BERLIN))
    assert msg.occurred_at == utc(2024, 5, 1, 12, 3)


def test_it_rejects_an_unknown_time_zone():
    with pytest.raises(ChatParseError, match="unknown time zone"):
        parse_transcript("[2024-05-01 14:03] dana: hi", tz="Mars/Olympus")


def test_it_reads_authors_with_spaces():
    [msg] = parse_transcript("14:03 Dana Smith: hi", tz="UTC", date=date(2024, 5, 1))
    assert msg.author == "Dana Smith"


def test_it_keeps_colons_in_the_text():
    [msg] = parse_transcript(
        "14:03 dana: error: disk full at 14:02", tz="UTC", date=date(2024, 5, 1)
    )
    assert msg.text == "error: disk full at 14:02"


def test_it_appends_continuation_lines_to_the_previous_message():
    text = "14:03 dana: traceback:\n  File x.py\n\n  KeyError\n14:04 sam: ok\n"
    first, second = parse_transcript(text, tz="UTC", date=date(2024, 5, 1))
    assert first.text == "traceback:\n  File x.py\n\n  KeyError"
    assert second.text == "ok"


def test_it_drops_trailing_blank_lines_of_a_message():
    [msg] = parse_transcript("14:03 dana: hi\n\n\n", tz="UTC", date=date(2024, 5, 1))
    assert msg.text == "hi"


def test_it_skips_messages_with_no_text():
    msgs = parse_transcript("14:03 dana:\n14:04 sam: ok", tz="UTC", date=date(2024, 5, 1))
    assert [m.author for m in msgs] == ["sam"]


def test_it_ignores_blank_lines_before_the_first_message():
    [msg] = parse_transcript("\n\n  \n14:03 dana: hi", tz="UTC", date=date(2024, 5, 1))
    assert msg.source_line == 4


def test_it_names_the_line_that_comes_before_any_message():
    with pytest.raises(ChatParseError) as info:
        parse_transcript("\nhello there\n14:03 dana: hi", tz="UTC", date=date(2024, 5, 1))
    assert info.value.where == "line 2"
    assert "hello there" in str(info.value)


def test_it_truncates_the_offending_line_in_the_error():
    with pytest.raises(ChatParseError) as info:
        parse_transcript("x" * 5000, tz="UTC")
    assert len(str(info.value)) < 300


def test_it_asks_for_a_date_when_a_line_has_only_a_time():
    with pytest.raises(ChatParseError, match="line 1: has a time but no date"):
        parse_transcript("14:03 dana: hi", tz="UTC")


def test_a_dated_line_gives_the_date_to_the_time_only_lines_after_it():
    text = "[2024-05-01 14:03] dana: hi\n14:05 sam: hello"
    _, second = parse_transcript(text, tz="UTC")
    assert second.occurred_at == utc(2024, 5, 1, 14, 5)


def test_it_rejects_a_date_that_does_not_exist():
    with pytest.raises(
        ChatParseError, match=r"line 2: has a date that does not exist \(2024-02-30\)"
    ):
        parse_transcript("[2024-05-01 14:03] a: x\n[2024-02-30 14:03] dana: hi", tz="UTC")


def test_it_rejects_a_time_that_does_not_exist():
    with pytest.raises(ChatParseError, match=r"line 1: has a time that does not exist \(25:10\)"):
        parse_transcript("25:10 dana: hi", tz="UTC", date=date(2024, 5, 1))


def test_it_moves_to_the_next_day_when_time_goes_back_across_midnight():
    text = "23:58 dana: still failing\n00:04 sam: recovered\n00:10 dana: confirmed"
    first, second, third = parse_transcript(text, tz="UTC", date=date(2024, 5, 1))
    assert first.occurred_at == utc(2024, 5, 1, 23, 58)
    assert second.occurred_at == utc(2024, 5, 2, 0, 4)
    assert third.occurred_at == utc(2024, 5, 2, 0, 10)


def test_it_says_so_in_a_note_when_it_moves_to_the_next_day():
    text = "23:58 dana: a\n00:04 sam: b"
    first, second = parse_transcript(text, tz="UTC", date=date(2024, 5, 1))
    assert first.note == ""
    assert "next day, 2024-05-02" in second.note


def test_it_keeps_small_steps_back_on_the_same_day():
    text = "14:05 dana: a\n14:03 sam: b"
    _, second = parse_transcript(text, tz="UTC", date=date(2024, 5, 1))
    assert second.occurred_at == utc(2024, 5, 1, 14, 3)
    assert second.note == ""


def test_a_dated_line_never_rolls_over():
    text = "[2024-05-01 23:58] dana: a\n[2024-05-01 00:04] sam: b"
    _, second = parse_transcript(text, tz="UTC")
    assert second.occurred_at == utc(2024, 5, 1, 0, 4)


def test_it_refuses_nul_characters():
    with pytest.raises(ChatParseError, match="line 2: contains a NUL"):
        parse_transcript("14:03 dana: hi\nab\x00cd", tz="UTC", date=date(2024, 5, 1))


def test_it_refuses_unpaired_surrogates():
    with pytest.raises(ChatParseError, match="line 1"):
        parse_transcript("14:03 dana: hi \ud800", tz="UTC", date=date(2024, 5, 1))


def test_it_refuses_more_than_the_message_limit():
    text = "\n".join(f"[2024-05-01 14:03] dana: {i}" for i in range(MAX_MESSAGES + 1))
    with pytest.raises(ChatParseError, match="split the transcript"):
        parse_transcript(text, tz="UTC")


def test_external_ids_are_stable_across_parses():
    text = "[2024-05-01 14:03] dana: hi\n[2024-05-01 14:04] sam: ok"
    first = parse_transcript(text, tz="UTC")
    second = parse_transcript(text, tz="UTC")
    assert [m.external_id for m in first] == [m.external_id for m in second]


def test_external_ids_differ_when_the_text_differs():
    a = parse_transcript("[2024-05-01 14:03] dana: hi", tz="UTC")[0]
    b = parse_transcript("[2024-05-01 14:03] dana: ho", tz="UTC")[0]
    assert a.external_id != b.external_id


def test_the_same_line_said_twice_gets_two_ids():
    text = "[2024-05-01 14:03] dana: ok\n[2024-05-01 14:03] dana: ok"
    first, second = parse_transcript(text, tz="UTC")
    assert first.external_id != second.external_id
    assert second.external_id == first.external_id + "#2"


def test_it_reads_windows_line_endings():
    msgs = parse_transcript("14:03 dana: a\r\n14:04 sam: b\r\n", tz="UTC", date=date(2024, 5, 1))
    assert [m.text for m in msgs] == ["a", "b"]


def test_it_decodes_utf8_with_a_bom():
    assert decode_text("\ufeff14:03 dana: é".encode()) == "14:03 dana: é"


def test_it_decodes_utf16_with_a_bom():
    assert decode_text("14:03 dana: é".encode("utf-16")) == "14:03 dana: é"


def test_it_names_the_line_of_bad_utf8():
    with pytest.raises(ChatParseError) as info:
        decode_text(b"14:03 dana: ok\n14:04 sam: caf\xe9\n", name="chat.txt")
    assert info.value.where == "chat.txt, line 2"
    assert "not UTF-8" in str(info.value)


def test_it_refuses_a_huge_file():
    with pytest.raises(ChatParseError, match="larger than 5 MB"):
        decode_text(b"a" * (5 * 1024 * 1024 + 1))


# -- Dates outside the range unblame stores (incidents/dates.py) ----------------------------


@pytest.mark.parametrize("raw", ["9999-12-31", "1969-12-31", "2101-01-01"])
def test_a_message_dated_outside_the_range_is_refused_naming_the_line(raw):
    with pytest.raises(ChatParseError) as caught:
        parse_transcript(f"2024-05-01 10:00 dana: ok\n{raw} 10:01 dana: no", tz="UTC")
    assert caught.value.where == "line 2"
    assert "between 1970 and 2100" in str(caught.value)


def test_a_transcript_date_outside_the_range_is_refused():
    with pytest.raises(ChatParseError, match="between 1970 and 2100"):
        parse_transcript("10:00 dana: hi", tz="UTC", date=date(9999, 12, 31))


def test_midnight_rollover_past_the_last_day_is_refused_not_an_overflow():
    text = "2100-12-31 23:50 dana: late\n00:10 dana: next day"
    with pytest.raises(ChatParseError, match="line 2"):
        parse_transcript(text, tz="UTC")


NEW_YORK = "America/New_York"
# New York's clocks went back from 02:00 EDT to 01:00 EST on 1 November 2026:
# 01:00-01:59 happened twice, first at UTC-4, then at UTC-5.
FALL_BACK = """[2026-11-01 01:50] dana: failover started
[2026-11-01 01:55] sam: primary is down
[2026-11-01 01:05] dana: clocks went back; replica promoted
01:20 sam: traffic is back
02:10 dana: closing the bridge
"""


def test_the_hour_the_clocks_go_back_keeps_the_messages_in_their_order():
    messages = parse_transcript(FALL_BACK, tz=NEW_YORK)
    assert [m.occurred_at for m in messages] == [
        utc(2026, 11, 1, 5, 50),  # 01:50 EDT
        utc(2026, 11, 1, 5, 55),  # 01:55 EDT
        utc(2026, 11, 1, 6, 5),  # 01:05 EST, the second time round
        utc(2026, 11, 1, 6, 20),  # 01:20 EST
        utc(2026, 11, 1, 7, 10),  # 02:10 EST
    ]


def test_the_first_pass_through_the_repeated_hour_is_daylight_time():
    [first, second] = parse_transcript(
        "[2026-11-01 01:10] dana: one\n[2026-11-01 01:40] dana: two\n", tz=NEW_YORK
    )
    assert (first.occurred_at, second.occurred_at) == (
        utc(2026, 11, 1, 5, 10),
        utc(2026, 11, 1, 5, 40),
    )


def test_a_small_step_back_outside_a_clock_change_stays_as_written():
    # Messages pasted slightly out of order on an ordinary day are not shifted an hour.
    messages = parse_transcript(
        "[2026-10-20 01:50] dana: one\n[2026-10-20 01:05] sam: two\n", tz=NEW_YORK
    )
    assert [m.occurred_at for m in messages] == [utc(2026, 10, 20, 5, 50), utc(2026, 10, 20, 5, 5)]
