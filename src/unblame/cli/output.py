"""Lint reports in every output format: text for people, JSON, SARIF and GitHub annotations.

Every format is built from the same FileReport list, so they cannot disagree
about what was found. The JSON shape is versioned; see docs/cli.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from unblame import __version__
from unblame.language import Finding

from .common import Palette, use_color

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1


@dataclass(frozen=True)
class FileReport:
    """One linted file: its display path and findings, each with its end position.

    `ends[i]` is the (line, column) just after finding i, 1-based, so a one-line
    span covers columns `column` to `end_column - 1`.
    """

    path: str
    findings: tuple[Finding, ...]
    ends: tuple[tuple[int, int], ...]
    quotes: tuple[str, ...] = ()

    @classmethod
    def build(cls, path: str, text: str, findings: Sequence[Finding]) -> FileReport:
        return cls(
            path,
            tuple(findings),
            tuple(end_position(text, f) for f in findings),
            tuple(quote(text, f) for f in findings),
        )

    def located(self) -> list[dict[str, object]]:
        """Findings as dictionaries: Finding.to_dict() plus path, end_line and end_column."""
        return [
            {**f.to_dict(), "path": self.path, "end_line": line, "end_column": column}
            for f, (line, column) in zip(self.findings, self.ends, strict=True)
        ]


def quote(text: str, finding: Finding, limit: int = 90) -> str:
    """The flagged words on one line, shortened in the middle when long."""
    words = " ".join(text[finding.start : finding.end].split())
    if len(words) <= limit:
        return words
    half = (limit - 1) // 2
    return f"{words[:half]}…{words[-half:]}"


def end_position(text: str, finding: Finding) -> tuple[int, int]:
    """Line and column just past the end of a finding's span."""
    breaks = text.count("\n", finding.start, finding.end)
    if not breaks:
        return finding.line, finding.column + (finding.end - finding.start)
    last_break = text.rfind("\n", finding.start, finding.end)
    return finding.line + breaks, finding.end - last_break


def render(fmt: str, reports: Sequence[FileReport], *, color_choice: str, stream: TextIO) -> str:
    """The whole report as one string, ending in a newline when not empty."""
    if fmt == "json":
        return render_json(reports)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(reports)
    if fmt == "github":
        return render_github(reports)
    return render_text(reports, Palette(use_color(color_choice, stream)))


def render_text(reports: Sequence[FileReport], palette: Palette) -> str:
    """Findings grouped under a header per file, then one summary line."""
    lines: list[str] = []
    for report in reports:
        if report.findings:
            lines.extend(_text_block(report, palette))
            lines.append("")
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"


def _text_block(report: FileReport, palette: Palette) -> list[str]:
    locations = [f"{f.line}:{f.column}" for f in report.findings]
    loc_width = max(len(loc) for loc in locations)
    name_width = max(len(f.name) for f in report.findings)
    indent = " " * (2 + loc_width + 2)
    lines = [palette.bold(report.path)]
    quotes = report.quotes or ("",) * len(report.findings)
    for finding, loc, words in zip(report.findings, locations, quotes, strict=True):
        code = palette.severity(finding.severity.value, finding.rule)
        name = finding.name.ljust(name_width)
        lines.append(f"  {loc.ljust(loc_width)}  {code}  {name}  {finding.message}")
        if words:
            lines.append(indent + palette.bold(f"“{words}”"))
        lines.append(indent + palette.dim(f"suggestion: {finding.suggestion}"))
    return lines


def summary_line(reports: Sequence[FileReport]) -> str:
    """`3 findings in 2 of 5 files: self_blame 2, counterfactual 1` or `No findings in 5 files.`"""
    checked = _plural(len(reports), "file")
    total = sum(len(r.findings) for r in reports)
    if not total:
        return f"No findings in {checked}."
    flagged = sum(1 for r in reports if r.findings)
    by_category = Counter(f.category.value for r in reports for f in r.findings)
    parts = ", ".join(f"{name} {count}" for name, count in by_category.most_common())
    where = checked if flagged == len(reports) else f"{flagged} of {checked}"
    return f"{_plural(total, 'finding')} in {where}: {parts}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def render_json(reports: Sequence[FileReport]) -> str:
    """The versioned JSON document described in docs/cli.md."""
    findings = [f for r in reports for f in r.findings]
    document = {
        "version": JSON_VERSION,
        "tool": {"name": "unblame", "version": __version__},
        "files": [{"path": r.path, "findings": r.located()} for r in reports],
        "summary": {
            "files": len(reports),
            "files_with_findings": sum(1 for r in reports if r.findings),
            "findings": len(findings),
            "by_category": dict(Counter(f.category.value for f in findings).most_common()),
            "by_severity": dict(Counter(f.severity.value for f in findings).most_common()),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# GitHub has no "info" annotation; "notice" is its quietest level.
GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(reports: Sequence[FileReport]) -> str:
    """One workflow command per finding, which GitHub Actions shows as an annotation."""
    lines = []
    for report in reports:
        for f, (end_line, end_column) in zip(report.findings, report.ends, strict=True):
            properties = {
                "file": report.path,
                "line": f.line,
                "col": f.column,
                "endLine": end_line,
                "endColumn": end_column,
                "title": f"{f.rule} {f.name}",
            }
            props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
            message = escape_data(f"{f.message}\nSuggestion: {f.suggestion}")
            lines.append(f"::{GITHUB_LEVELS[f.severity.value]} {props}::{message}")
    return "".join(line + "\n" for line in lines)


def escape_data(value: str) -> str:
    """Escape a workflow command's message as the Actions runner decodes it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: as a message, plus the `:` and `,` that delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
