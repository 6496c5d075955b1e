"""`unblame rules`: the rule catalogue, and one rule explained.

`render_markdown` also writes docs/rules.md (`make docs`), so the documentation
is the registry and a test fails when the file falls behind.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence

from unblame import __version__
from unblame.language import RULES, Category, get_rule
from unblame.language.rule import Rule

from .common import CliError

NAME = "rules"
HELP = "List the rules, or explain one: unblame rules UB101."

CATEGORY_TITLES = {
    Category.BLAME_OTHER: "Blaming others",
    Category.SELF_BLAME: "Self-blame",
    Category.COUNTERFACTUAL: "Counterfactuals",
    Category.HUMAN_ERROR: "Human error as a cause",
    Category.TRY_HARDER: "Try-harder remedies",
    Category.ROOT_CAUSE: "A single root cause",
    Category.HINDSIGHT: "Hindsight",
}
WIDTH = 88
REGENERATE = "make docs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", metavar="CODE", help="a rule code or name to explain")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def run(args: argparse.Namespace) -> int:
    rules = RULES if args.rule is None else (find_rule(args.rule),)
    if args.format == "json":
        text = render_json(rules)
    elif args.format == "markdown":
        text = render_markdown(rules) if args.rule is None else markdown_rule(rules[0])
    else:
        text = render_table(rules) if args.rule is None else explain(rules[0])
    sys.stdout.write(text)
    return 0


def find_rule(key: str) -> Rule:
    try:
        return get_rule(key)
    except KeyError:
        raise CliError(f"no rule {key!r}; `unblame rules` lists every code and name") from None


def render_table(rules: Sequence[Rule]) -> str:
    """One line per rule: code, name, category, severity, message."""
    if not rules:
        return "No rules are registered.\n"
    name_w = max(len(r.name) for r in rules)
    cat_w = max(len(r.category.value) for r in rules)
    lines = [
        f"{r.code}  {r.name.ljust(name_w)}  {r.category.value.ljust(cat_w)}  "
        f"{r.severity.value.ljust(7)}  {r.message}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def explain(rule: Rule) -> str:
    """Everything a writer needs to understand one rule, for a terminal."""
    kind = "counts as blame" if rule.category.is_blame else "style guidance"
    sections = [
        f"{rule.code} {rule.name}\n"
        f"Category: {rule.category.value} ({kind})   Severity: {rule.severity.value}   "
        f"Since: {rule.since}\n"
        f"Runs in: {', '.join(sorted(rule.contexts))}",
        _wrap(rule.message),
        "Why:\n" + _wrap(rule.rationale, "  "),
        "Instead:\n" + _wrap(rule.suggestion, "  "),
        *(["A frame to write into:\n" + _wrap(rule.rewrite, "  ")] if rule.rewrite else []),
        "Flagged:\n" + "\n".join(_wrap(t, "  - ", "    ") for t in rule.bad),
        "Not flagged:\n" + "\n".join(_wrap(t, "  - ", "    ") for t in rule.good),
        "Source:\n" + _wrap(rule.source, "  "),
    ]
    return "\n\n".join(sections) + "\n"


def _wrap(text: str, first: str = "", rest: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=first if rest is None else rest
    )


def rule_dict(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "blame": rule.category.is_blame,
        "severity": rule.severity.value,
        "message": rule.message,
        "rationale": rule.rationale,
        "source": rule.source,
        "suggestion": rule.suggestion,
        "about_writer": rule.about_writer,
        "rewrite": rule.rewrite,
        "bad": list(rule.bad),
        "good": list(rule.good),
        "contexts": sorted(rule.contexts),
        "since": rule.since,
    }


def render_json(rules: Sequence[Rule]) -> str:
    document = {
        "version": 1,
        "tool": {"name": "unblame", "version": __version__},
        "rules": [rule_dict(r) for r in rules],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_markdown(rules: Sequence[Rule]) -> str:
    """docs/rules.md: an index table, then every rule under its category."""
    parts = [
        "# Rules\n",
        f"<!-- Generated from the rule registry by `unblame rules --format markdown`. "
        f"Do not edit: run `{REGENERATE}`. -->\n",
        f"unblame has {len(rules)} rules. Each flags wording, never facts, and suggests a "
        "question or a rewrite. Select or ignore rules by code or prefix (`--select UB1`, "
        "`--ignore UB301`, or `select`/`ignore` under `[tool.unblame]`), or switch them off "
        "for one block with `<!-- unblame-ignore UB301 -->`. `unblame rules CODE` shows the "
        "same text in a terminal.\n",
        "Categories marked *style* are guidance: they are reported but do not count as blame "
        "when `unblame eval` scores the analyzer.\n",
        _index_table(rules),
    ]
    for category in Category:
        members = [r for r in rules if r.category is category]
        if members:
            kind = "" if category.is_blame else " (style)"
            parts.append(f"## {CATEGORY_TITLES[category]}{kind}\n")
            parts.extend(markdown_rule(r, level=3) for r in members)
    return "\n".join(parts)


def _index_table(rules: Sequence[Rule]) -> str:
    rows = [
        "| Code | Name | Category | Severity | Message |",
        "|------|------|----------|----------|---------|",
    ]
    for r in rules:
        anchor = f"{r.code.lower()}-{r.name}"
        rows.append(
            f"| [{r.code}](#{anchor}) | `{r.name}` | {r.category.value} | {r.severity.value} "
            f"| {_cell(r.message)} |"
        )
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_rule(rule: Rule, level: int = 2) -> str:
    bad = "\n".join(f"- {text}" for text in rule.bad)
    good = "\n".join(f"- {text}" for text in rule.good)
    return (
        f"{'#' * level} {rule.code}: {rule.name}\n\n"
        f"**Category:** {rule.category.value} · **Severity:** {rule.severity.value} · "
        f"**Runs in:** {', '.join(sorted(rule.contexts))} · **Since:** {rule.since}\n\n"
        f"{rule.message}\n\n"
        f"**Why.** {rule.rationale}\n\n"
        f"**Instead.** {rule.suggestion}\n\n"
        + (f"**A frame to write into.** {rule.rewrite}\n\n" if rule.rewrite else "")
        + f"**Flagged:**\n\n{bad}\n\n"
        f"**Not flagged:**\n\n{good}\n\n"
        f"**Source:** {rule.source}\n"
    )
