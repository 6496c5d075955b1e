"""How an import's error messages name a bad value. No Django here: the parsers use it."""

from __future__ import annotations


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, as in "should be an object, not an array"."""
    if value is None:
        return "null"
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def clip(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, the last of them "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
