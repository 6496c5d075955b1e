"""`unblame eval`: score the analyzer on labelled sentences (JSON Lines).

The scoring lives in unblame.language.evaluation; this module reads the file,
formats the report and turns thresholds into an exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from unblame.language import Config, ConfigError
from unblame.language.analyzer import CONTEXTS
from unblame.language.evaluation import (
    BinaryScores,
    DatasetError,
    Prediction,
    Report,
    evaluate,
    load_examples,
)

from .common import CliError, read_stream, read_text, split_list

NAME = "eval"
HELP = "Score the analyzer on labelled sentences (JSON Lines)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.jsonl", help="labelled sentences, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="list false positives, false negatives and wrong categories",
    )
    for metric in ("precision", "recall", "f1"):
        parser.add_argument(
            f"--min-{metric}",
            type=_fraction,
            metavar="X",
            help=f"exit 1 when the binary {metric} over all sentences is below X (0 to 1)",
        )
    parser.add_argument("--names", metavar="NAMES", help="people's names, comma-separated")
    parser.add_argument(
        "--config", metavar="FILE", type=Path, help="analyzer config (default: built-in defaults)"
    )
    parser.add_argument("--context", choices=CONTEXTS, default="document")


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def run(args: argparse.Namespace) -> int:
    label = "<stdin>" if args.file == "-" else args.file
    text = read_stream(sys.stdin.buffer, label) if args.file == "-" else read_text(Path(args.file))
    try:
        examples = load_examples(text.splitlines())
        # A fixed default config keeps scores comparable between machines.
        config = Config.load(args.config) if args.config else Config()
    except DatasetError as exc:
        raise CliError(f"{label}: {exc}") from None
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    if not examples:
        raise CliError(f"{label}: no sentences to score")
    names = split_list(args.names) if args.names else ()
    report = evaluate(examples, config=config, names=names, context=args.context)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(errors=args.show_errors), indent=2) + "\n")
    else:
        sys.stdout.write(render_text(label, report, show_errors=args.show_errors))
    return check_thresholds(report.overall, args)


def check_thresholds(scores: BinaryScores, args: argparse.Namespace) -> int:
    """1 when any requested minimum is not met; each shortfall is named on stderr."""
    failed = False
    for metric in ("precision", "recall", "f1"):
        minimum = getattr(args, f"min_{metric}")
        value = getattr(scores, metric)
        if minimum is not None and value < minimum:
            print(f"unblame eval: {metric} {value:.3f} is below {minimum:.3f}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def render_text(label: str, report: Report, *, show_errors: bool = False) -> str:
    lines = [
        f"{label}: {len(report.predictions)} sentences, {report.ambiguous_count} ambiguous",
        "",
        "blame vs none          precision  recall     F1      n",
        _binary_row("all sentences", report.overall),
        _binary_row("without ambiguous", report.unambiguous),
        "",
        "category          recall              precision",
    ]
    for c in report.categories:
        recall = _fraction_cell(c.recall, c.correct, c.support)
        precision = _fraction_cell(c.precision, c.correct, c.predicted)
        lines.append(f"  {c.category:<16}{recall:<20}{precision}")
    if show_errors:
        lines.extend(_error_lines("False positives", report.false_positives))
        lines.extend(_error_lines("False negatives", report.false_negatives))
        lines.extend(_error_lines("Wrong category", report.wrong_category))
    return "\n".join(lines) + "\n"


def _binary_row(title: str, s: BinaryScores) -> str:
    return f"  {title:<20}{s.precision:>9.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.count:>7}"


def _fraction_cell(value: float | None, num: int, den: int) -> str:
    shown = "  -  " if value is None else f"{value:.3f}"
    return f"{shown}  ({num}/{den})"


def _error_lines(title: str, predictions: list[Prediction]) -> list[str]:
    lines = ["", f"{title} ({len(predictions)})"]
    for p in predictions:
        ex = p.example
        mark = " [ambiguous]" if ex.ambiguous else ""
        lines.append(f"  line {ex.line}: label {ex.label}, predicted {p.predicted}{mark}")
        lines.append(f"    {ex.text}")
    return lines
