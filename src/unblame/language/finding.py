"""The diagnostic shape shared by the library, the CLI, CI output and the web editor."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious; used by `--fail-on` and sorting."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(StrEnum):
    BLAME_OTHER = "blame_other"
    SELF_BLAME = "self_blame"
    COUNTERFACTUAL = "counterfactual"
    HUMAN_ERROR = "human_error"
    TRY_HARDER = "try_harder"
    ROOT_CAUSE = "root_cause"
    HINDSIGHT = "hindsight"

    @property
    def is_blame(self) -> bool:
        """The five categories that count as blame; the other two are style guidance."""
        return self in BLAME_CATEGORIES


BLAME_CATEGORIES = frozenset(
    {
        Category.BLAME_OTHER,
        Category.SELF_BLAME,
        Category.COUNTERFACTUAL,
        Category.HUMAN_ERROR,
        Category.TRY_HARDER,
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span of text.

    `start` and `end` are character offsets into the analysed text (end
    exclusive); `line` and `column` are 1-based and point at `start`.
    """

    rule: str
    name: str
    category: Category
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    message: str
    suggestion: str
    # The writer speaks of themself ("I should have…", "my fault"): chat
    # answers privately and the editor suggests a kind rewrite.
    about_writer: bool = False

    def to_dict(self) -> dict[str, object]:
        """Every field by name, in field order, the two enums as their values: what
        `dataclasses.asdict` gives, without its deep copy of each value (a lint
        of many findings spent half its JSON output time copying)."""
        data: dict[str, object] = {name: getattr(self, name) for name in _FIELDS}
        data["category"] = self.category.value
        data["severity"] = self.severity.value
        return data


_FIELDS = tuple(f.name for f in fields(Finding))
