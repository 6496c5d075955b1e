"""Score the analyzer against labelled sentences, as its users will judge it.

A dataset is JSON Lines: `{"text": ..., "label": ...}` with `label` one of the
category slugs or `none`, and optionally `"ambiguous": true`. A sentence is
predicted blaming when `analyze` returns at least one finding in the five
BLAME_CATEGORIES; its predicted category is that of the first such finding.
`root_cause` and `hindsight` labels count as `none`, since they are style
guidance, not blame.

Used by `unblame eval` and reusable by the web app: no Django, no printing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .analyzer import analyze
from .config import Config
from .finding import BLAME_CATEGORIES, Category

NONE = "none"
LABELS = frozenset({*(c.value for c in Category), NONE})
BLAME_LABELS = tuple(c.value for c in Category if c in BLAME_CATEGORIES)
# Some sources quote the sentence; the sentence is judged, not the quotation marker.
QUOTE_MARKER_RE = re.compile(r"\A> ?")


class DatasetError(ValueError):
    """A dataset line that cannot be scored; the message names the line number."""


@dataclass(frozen=True)
class Example:
    """One labelled sentence; `line` is its 1-based line number in the file."""

    text: str
    label: str
    ambiguous: bool = False
    line: int = 0
    id: str = ""

    @property
    def gold(self) -> str:
        """The label as scored: a blame category, or `none` for everything else."""
        return self.label if self.label in BLAME_LABELS else NONE


@dataclass(frozen=True)
class Prediction:
    example: Example
    predicted: str  # a blame category slug, or "none"


@dataclass(frozen=True)
class BinaryScores:
    """Blame versus none: counts and the derived precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def count(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "count": self.count,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class CategoryScores:
    """One blame category: recall of its label and precision of its predictions."""

    category: str
    support: int  # sentences labelled with it
    predicted: int  # sentences predicted as it
    correct: int  # both

    @property
    def recall(self) -> float | None:
        return self.correct / self.support if self.support else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "support": self.support,
            "predicted": self.predicted,
            "correct": self.correct,
            "recall": self.recall,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class Report:
    """Everything `unblame eval` prints, computed once."""

    predictions: tuple[Prediction, ...]
    overall: BinaryScores
    unambiguous: BinaryScores
    categories: tuple[CategoryScores, ...]
    ambiguous_count: int = 0

    @property
    def false_positives(self) -> list[Prediction]:
        return [p for p in self.predictions if p.example.gold == NONE and p.predicted != NONE]

    @property
    def false_negatives(self) -> list[Prediction]:
        return [p for p in self.predictions if p.example.gold != NONE and p.predicted == NONE]

    @property
    def wrong_category(self) -> list[Prediction]:
        """Blame found, but filed under another category than the label."""
        return [
            p
            for p in self.predictions
            if NONE not in (p.example.gold, p.predicted) and p.example.gold != p.predicted
        ]

    def to_dict(self, *, errors: bool = False) -> dict[str, object]:
        data: dict[str, object] = {
            "version": 1,
            "sentences": len(self.predictions),
            "ambiguous": self.ambiguous_count,
            "binary": {"all": self.overall.to_dict(), "unambiguous": self.unambiguous.to_dict()},
            "categories": [c.to_dict() for c in self.categories],
        }
        if errors:
            data["errors"] = {
                "false_positives": [_error_dict(p) for p in self.false_positives],
                "false_negatives": [_error_dict(p) for p in self.false_negatives],
                "wrong_category": [_error_dict(p) for p in self.wrong_category],
            }
        return data


def _error_dict(p: Prediction) -> dict[str, object]:
    return {
        "line": p.example.line,
        "id": p.example.id,
        "text": p.example.text,
        "label": p.example.label,
        "predicted": p.predicted,
        "ambiguous": p.example.ambiguous,
    }


def _ratio(num: int, den: int) -> float:
    """Zero when undefined, so a system that predicts nothing scores 0, not NaN."""
    return num / den if den else 0.0


def load_examples(lines: Iterable[str]) -> list[Example]:
    """Parse JSON Lines; blank lines are skipped, anything malformed raises DatasetError."""
    examples = []
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            examples.append(parse_example(raw, number))
    return examples


def parse_example(raw: str, number: int) -> Example:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"line {number}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise DatasetError(f"line {number}: expected a JSON object")
    text, label = data.get("text"), data.get("label")
    if not isinstance(text, str):
        raise DatasetError(f"line {number}: 'text' must be a string")
    if label not in LABELS:
        raise DatasetError(
            f"line {number}: 'label' must be one of {', '.join(sorted(LABELS))}, not {label!r}"
        )
    ambiguous = data.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise DatasetError(f"line {number}: 'ambiguous' must be true or false")
    return Example(QUOTE_MARKER_RE.sub("", text), label, ambiguous, number, str(data.get("id", "")))


def predict(
    text: str, *, config: Config | None = None, names: Sequence[str] = (), context: str = "document"
) -> str:
    """The category of the first blame finding in `text`, or `none`."""
    for finding in analyze(text, names=names, config=config, context=context):
        if finding.category in BLAME_CATEGORIES:
            return finding.category.value
    return NONE


def evaluate(
    examples: Sequence[Example],
    *,
    config: Config | None = None,
    names: Sequence[str] = (),
    context: str = "document",
) -> Report:
    """Predict every example and score the predictions."""
    predictions = tuple(
        Prediction(ex, predict(ex.text, config=config, names=names, context=context))
        for ex in examples
    )
    return Report(
        predictions=predictions,
        overall=binary_scores(predictions),
        unambiguous=binary_scores([p for p in predictions if not p.example.ambiguous]),
        categories=tuple(category_scores(predictions, c) for c in BLAME_LABELS),
        ambiguous_count=sum(1 for p in predictions if p.example.ambiguous),
    )


def binary_scores(predictions: Iterable[Prediction]) -> BinaryScores:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for p in predictions:
        actual, flagged = p.example.gold != NONE, p.predicted != NONE
        key = ("t" if actual == flagged else "f") + ("p" if flagged else "n")
        counts[key] += 1
    return BinaryScores(**counts)


def category_scores(predictions: Sequence[Prediction], category: str) -> CategoryScores:
    return CategoryScores(
        category=category,
        support=sum(1 for p in predictions if p.example.gold == category),
        predicted=sum(1 for p in predictions if p.predicted == category),
        correct=sum(1 for p in predictions if p.example.gold == category == p.predicted),
    )
