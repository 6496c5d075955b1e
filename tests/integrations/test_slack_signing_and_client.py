"""Slack's request signing and the Web API client, without Django."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unblame.integrations.slack_client import SlackClient, SlackError
from unblame.integrations.slack_signing import MAX_AGE_SECONDS, is_genuine, signature

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
NOW = 1_772_625_600.0


def slack_signs(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    """As Slack's documentation describes it, written out independently."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def test_it_matches_slacks_documented_scheme():
    body = b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather"
    assert signature(SECRET, "1531420618", body) == slack_signs(body, "1531420618")


def test_a_genuine_request_is_accepted():
    body = b'{"type":"url_verification"}'
    assert is_genuine(SECRET, str(int(NOW)), slack_signs(body, str(int(NOW))), body, NOW)


@pytest.mark.parametrize("age", [MAX_AGE_SECONDS + 1, -(MAX_AGE_SECONDS + 1), 86_400])
def test_a_timestamp_more_than_five_minutes_away_is_refused_even_when_signed(age):
    stamp = str(int(NOW - age))
    assert not is_genuine(SECRET, stamp, slack_signs(b"{}", stamp), b"{}", NOW)


def test_the_five_minute_edge_is_still_accepted():
    stamp = str(int(NOW - MAX_AGE_SECONDS))
    assert is_genuine(SECRET, stamp, slack_signs(b"{}", stamp), b"{}", NOW)


@pytest.mark.parametrize(
    ("secret", "timestamp", "sent"),
    [
        ("", "1772625600", "v0=abc"),
        (SECRET, None, "v0=abc"),
        (SECRET, "1772625600", None),
        (SECRET, "", "v0=abc"),
        (SECRET, "17726256OO", "v0=abc"),
        (SECRET, "-1772625600", "v0=abc"),
        (SECRET, "١٧٧٢٦٢٥٦٠٠", "v0=abc"),  # digits, but not ASCII ones
        (SECRET, "9" * 40, "v0=abc"),
    ],
)
def test_missing_or_malformed_parts_are_refused(secret, timestamp, sent):
    assert not is_genuine(secret, timestamp, sent, b"{}", NOW)


def test_a_signature_of_another_version_is_refused():
    stamp = str(int(NOW))
    forged = slack_signs(b"{}", stamp).replace("v0=", "v1=")
    assert not is_genuine(SECRET, stamp, forged, b"{}", NOW)


@given(body=st.binary(max_size=200), flip=st.integers(min_value=0, max_value=199))
def test_any_change_to_the_body_breaks_the_signature(body, flip):
    stamp = str(int(NOW))
    sent = slack_signs(body, stamp)
    assert is_genuine(SECRET, stamp, sent, body, NOW)
    if body:
        index = flip % len(body)
        changed = body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1 :]
        assert not is_genuine(SECRET, stamp, sent, changed, NOW)
    assert not is_genuine(SECRET, stamp, sent, body + b" ", NOW)


# -- The Web API client -------------------------------------------------------------------------


class _Slack:
    """A Web API stand-in answering each method from `answers`, recording what it was sent."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, str], bytes]] = []
        self.answers: dict[str, tuple[int, bytes]] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.calls.append((self.path, dict(self.headers), body))
                status, data = outer.answers.get(self.path, (200, b'{"ok": true}'))
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def slack():
    fake = _Slack()
    yield fake
    fake.close()


def test_post_ephemeral_sends_json_with_the_bot_token(slack):
    SlackClient("xoxb-1", slack.url).post_ephemeral("C1", "U1", "hello", [{"type": "divider"}])
    path, headers, body = slack.calls[0]
    assert path == "/api/chat.postEphemeral"
    assert headers["Authorization"] == "Bearer xoxb-1"
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body) == {
        "channel": "C1",
        "user": "U1",
        "text": "hello",
        "blocks": [{"type": "divider"}],
    }


def test_users_info_is_sent_form_encoded_as_slack_requires(slack):
    slack.answers["/api/users.info"] = (200, b'{"ok": true, "user": {"id": "U1", "name": "dana"}}')
    user = SlackClient("xoxb-1", slack.url + "/").user_info("U1")
    assert user["name"] == "dana"
    _, headers, body = slack.calls[0]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert body == b"user=U1"


def test_an_answer_that_is_not_ok_raises_with_slacks_error_code(slack):
    slack.answers["/api/chat.postEphemeral"] = (200, b'{"ok": false, "error": "channel_not_found"}')
    with pytest.raises(SlackError, match=r"chat\.postEphemeral: channel_not_found"):
        SlackClient("xoxb-1", slack.url).post_ephemeral("C404", "U1", "x")


@pytest.mark.parametrize("answer", [b"<html>rate limited</html>", b"[1, 2]", b'"ok"'])
def test_an_answer_that_is_not_a_json_object_raises(slack, answer):
    slack.answers["/api/chat.postEphemeral"] = (200, answer)
    with pytest.raises(SlackError):
        SlackClient("xoxb-1", slack.url).post_ephemeral("C1", "U1", "x")


def test_an_http_error_raises(slack):
    slack.answers["/api/chat.postEphemeral"] = (429, b'{"ok": false, "error": "ratelimited"}')
    with pytest.raises(SlackError, match=r"chat\.postEphemeral"):
        SlackClient("xoxb-1", slack.url).post_ephemeral("C1", "U1", "x")


def test_an_unreachable_api_raises(slack):
    url = slack.url
    slack.close()
    with pytest.raises(SlackError):
        SlackClient("xoxb-1", url).post_ephemeral("C1", "U1", "x")


def test_without_a_token_nothing_is_sent(slack):
    with pytest.raises(SlackError, match="no bot token"):
        SlackClient("", slack.url).post_ephemeral("C1", "U1", "x")
    assert slack.calls == []
