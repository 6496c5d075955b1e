"""Slack's request signing (v0), checked before anything else reads a request. No Django.

Slack sends `X-Slack-Request-Timestamp` and `X-Slack-Signature: v0=<hex>`,
the HMAC-SHA256 of `v0:{timestamp}:{raw body}` under the app's signing
secret. A request is genuine when the signature matches (compared in constant
time) and its timestamp is within MAX_AGE_SECONDS of now, either way, so a
captured request cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac

MAX_AGE_SECONDS = 5 * 60
VERSION = "v0"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The `X-Slack-Signature` value Slack would send for this body at this time."""
    base = f"{VERSION}:{timestamp}:".encode() + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return f"{VERSION}={digest}"


def is_genuine(
    secret: str, timestamp: str | None, sent: str | None, body: bytes, now: float
) -> bool:
    """Whether a request was signed by Slack with `secret` less than five minutes ago.

    False for a missing secret, header or signature, a timestamp that is not
    a whole number, or one more than five minutes from `now` (Unix seconds).
    """
    if not secret or not timestamp or not sent:
        return False
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return False
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body).encode(), sent.encode())
