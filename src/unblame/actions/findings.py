"""An action item's try-harder findings, stored with the item so that lists need not analyse.

Reading one short title takes the analyzer milliseconds (9 ms on the loaded
development machine), and the API's list of 100 items read 200 texts. The
findings are worked out when an item's text is saved and stored on the item
(`ActionItem.stored_findings`) under a key naming everything they depend on:
the text itself, and

- the analyzer: a digest of the files of the `unblame.language` package, so
  an upgrade or an edited rule makes every stored result stale;
- the roster names that can stand in the text. The analyzer reads a roster
  name only where it occurs in the text (`language.names.name_spans`, over a
  masked copy whose non-blank characters are the text's own), so the names
  whose every word occurs in the text decide the result and no other name
  can change it. A new account, roster name or chat author that appears in
  an item's words makes its stored findings stale; any other leaves them be.

A stored result whose key differs from the one worked out at reading is never
used: the findings are analysed again and written back (`prepare`), so items
created in bulk (generated history, imports) and items read after an upgrade
catch up as they are shown, and what a page shows is always what the
analyzer gives for the item's roster today.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from unblame.language import Category, Finding, Severity
from unblame.language.names import Roster, as_roster

FIELDS = ("title", "description")
LANGUAGE = Path(__file__).resolve().parent.parent / "language"


@lru_cache(maxsize=1)
def analyzer_digest() -> str:
    """A digest of the analyzer's source and data: it changes whenever its findings may."""
    digest = hashlib.sha256()
    for path in sorted(LANGUAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(LANGUAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def names_in(text: str, names: Iterable[str]) -> frozenset[str]:
    """The names of `names` whose every word occurs in `text`: the only ones it can contain."""
    parts = names.parts if isinstance(names, Roster) else (frozenset(names),)
    found: list[str] = []
    for part in parts:
        single, several = _split(part)
        found += [name for name in single if name in text]
        found += [name for name, words in several if all(word in text for word in words)]
    return frozenset(found)


@lru_cache(maxsize=256)
def _split(part: frozenset[str]) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(one-word names, (name, words) of the others); a roster part is split once, not per text."""
    single = tuple(name for name in part if len(name.split()) == 1)
    several = tuple((name, tuple(name.split())) for name in part if len(name.split()) > 1)
    return single, several


def relevant_roster(text: str, names: Iterable[str]) -> Roster:
    """A roster that gives `text` the same findings as `names` does: the names it can contain.

    Shared by every incident whose roster agrees on those names, so the
    analyzer's cache serves the same words across incidents.
    """
    return Roster(names_in(text, as_roster(names)))


def key_for(title: str, description: str, names: Iterable[str]) -> str:
    """What an item's stored findings depend on: its text, the analyzer and the names in it.

    The text is in the key, so findings stored for other words (an edit
    around save(), an update in bulk) are never taken for this text's.
    """
    return _key(title, description, as_roster(names))


@lru_cache(maxsize=8192)
def _key(title: str, description: str, names: Roster) -> str:
    # Lists show the same items again and again; a roster hashes in O(1).
    # Joined by a line break, no word of a name can match across the two fields.
    present = sorted(names_in(f"{title}\n{description}", names))
    parts = [analyzer_digest(), title, description, *present]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


def stored(key: str, by_field: dict[str, list[Finding]]) -> dict[str, Any]:
    """The JSON kept on an item: its key and each field's findings as Finding.to_dict gives them."""
    return {"key": key, **{name: [f.to_dict() for f in by_field[name]] for name in FIELDS}}


def read(data: dict[str, Any]) -> dict[str, list[Finding]]:
    """Each field's findings from what `stored` kept (none for a field it lacks)."""
    return {name: [_finding(entry) for entry in data.get(name, [])] for name in FIELDS}


def _finding(entry: dict[str, Any]) -> Finding:
    values = dict(entry)
    values["category"] = Category(values["category"])
    values["severity"] = Severity(values["severity"])
    return Finding(**values)


def prepare(items: Iterable[Any]) -> int:
    """Check each item's stored findings against today's roster; store the stale ones again,
    and say how many were stale.

    For a list about to show the items: one query writes back every stale
    item of the page (none when all are current), and the rows then read
    their findings from what is stored. Uses queryset.bulk_update, so the
    items' versions, `updated_at` and history are untouched: the findings are
    derived from the text, not an edit.
    """
    from unblame.actions.models import ActionItem

    stale = [item for item in items if item.refresh_stored_findings()]
    if stale:
        ActionItem.objects.bulk_update(stale, ["stored_findings"])
    return len(stale)
