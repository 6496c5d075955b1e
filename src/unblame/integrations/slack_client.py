"""A small client for Slack's Web API: JSON POSTs with the bot token. No Django.

Only the few methods unblame calls are used (chat.postEphemeral, users.info).
The base URL is configurable so tests point it at a local fake server.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

DEFAULT_API_URL = "https://slack.com/api/"
TIMEOUT_SECONDS = 10


class SlackError(Exception):
    """A call that failed: Slack's `error` code, or why the answer could not be read."""


class SlackClient:
    def __init__(self, token: str, api_url: str = DEFAULT_API_URL) -> None:
        self.token = token
        self.api_url = api_url.rstrip("/") + "/"

    def call(self, method: str, *, form: bool = False, **params: Any) -> dict[str, Any]:
        """POST `params` to `method`; the answer when Slack says ok, else SlackError.

        Params go as JSON, or form-encoded with form=True: Slack's read
        methods (users.info) do not accept JSON bodies.
        """
        if not self.token:
            raise SlackError("no bot token is set")
        if form:
            body = urllib.parse.urlencode(params).encode()
            kind = "application/x-www-form-urlencoded"
        else:
            body, kind = json.dumps(params).encode(), "application/json; charset=utf-8"
        request = urllib.request.Request(
            self.api_url + method,
            data=body,
            headers={"Content-Type": kind, "Authorization": f"Bearer {self.token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                answer = json.loads(response.read(1_000_000) or b"{}")
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SlackError(f"{method}: {exc}") from exc
        except ValueError as exc:
            raise SlackError(f"{method}: the answer is not JSON") from exc
        if not isinstance(answer, dict) or not answer.get("ok"):
            error = answer.get("error", "unknown_error") if isinstance(answer, dict) else "bad"
            raise SlackError(f"{method}: {error}")
        return answer

    def post_ephemeral(self, channel: str, user: str, text: str, blocks: list | None = None):
        params: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if blocks:
            params["blocks"] = blocks
        return self.call("chat.postEphemeral", **params)

    def user_info(self, user: str) -> dict[str, Any]:
        return self.call("users.info", form=True, user=user).get("user") or {}
