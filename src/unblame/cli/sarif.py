"""SARIF 2.1.0 output, shaped for GitHub code scanning (`upload-sarif`).

Every rule of the registry is listed in `tool.driver.rules`, so code scanning
can show a rule's help even for rules that found nothing in this run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

from unblame import __version__
from unblame.language import RULES
from unblame.language.rule import Rule

from .output import FileReport
from .rules import explain, markdown_rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/unblame/unblame"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(reports: Sequence[FileReport]) -> str:
    """One run of the unblame driver with every finding of every file as a result."""
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = [
        _result(report, finding, end, index)
        for report in reports
        for finding, end in zip(report.findings, report.ends, strict=True)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "unblame",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [sarif_rule(rule) for rule in RULES],
                    }
                },
                # Our columns count characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def sarif_rule(rule: Rule) -> dict[str, object]:
    """A reportingDescriptor: the rule's documentation as code scanning shows it."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": explain(rule), "markdown": markdown_rule(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {
            "tags": [rule.category.value, "blame" if rule.category.is_blame else "style"],
        },
    }


def _result(report, finding, end: tuple[int, int], index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity.value],
        "message": {"text": f"{finding.message} {finding.suggestion}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(report.path)},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": end[0],
                        "endColumn": end[1],
                    },
                }
            }
        ],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def artifact_uri(path: str) -> str:
    """A URI reference for a display path: relative stays relative (to the repository root)."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return posix.as_uri()
    return quote(posix.as_posix())
