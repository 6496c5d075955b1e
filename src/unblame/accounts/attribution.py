"""Names in imported content that find an account here, shown for the importer to confirm.

Chat uploads and review files both name people: a chat author, a responder,
a timeline entry's author, an action item's owner. A name that matches an
account is tied to it only when the person importing confirmed it in the
preview (one ticked `attribute` box per name, as includes/attribution_choices.html
draws them); the rest keep the name as text. None confirms every match, for
sources that vouch for who is who (the Slack app, the command line run by
whoever administers the installation).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

# The form field the preview's boxes post, one value per confirmed name.
FIELD = "attribute"


@dataclass
class Attribution:
    """One name as the import found it, the account it matches, and what it would be there."""

    name: str
    user: Any  # accounts.models.User; Any keeps this module free of the model import
    # What the name is in the import, each with how many times: {"responder (scribe)": 1}.
    parts: dict[str, int] = field(default_factory=dict)

    @property
    def what(self) -> str:
        """The parts in one phrase: 'responder (scribe); author of a timeline entry ×2'."""
        return "; ".join(part if n == 1 else f"{part} ×{n}" for part, n in self.parts.items())


class Confirmed:
    """The names the importer confirmed, compared without case; None means every match."""

    def __init__(self, names: Collection[str] | None) -> None:
        self.names = None if names is None else {name.casefold() for name in names}

    def __contains__(self, name: str) -> bool:
        return self.names is None or name.casefold() in self.names


class Attributions:
    """Attributions in the order their names were first found, one per name (without case)."""

    def __init__(self) -> None:
        self._by_name: dict[str, Attribution] = {}

    def add(self, name: str, user: Any, part: str) -> None:
        """Record that `name`, matching `user`, is `part` once more."""
        found = self._by_name.setdefault(name.casefold(), Attribution(name, user))
        found.parts[part] = found.parts.get(part, 0) + 1

    def as_list(self) -> list[Attribution]:
        return list(self._by_name.values())


__all__ = ["FIELD", "Attribution", "Attributions", "Confirmed"]
