"""`unblame lint --format`: text, JSON, SARIF and GitHub annotations carry the same findings."""

from __future__ import annotations

import io
import json
import re

import pytest

from unblame import __version__
from unblame.cli.common import use_color
from unblame.cli.output import escape_data, escape_property
from unblame.language import RULES, analyze

from .conftest import CLEAN, COUNTERFACTUAL, SELF_BLAME, FakeTerminal, write

REVIEW = f"# Review\n\n{CLEAN}\n\n{SELF_BLAME}\n\n- {COUNTERFACTUAL}\n"


@pytest.fixture
def review(tmp_path):
    write(tmp_path / "docs" / "review.md", REVIEW)
    write(tmp_path / "docs" / "clean.md", CLEAN)
    return tmp_path / "docs" / "review.md"


def expected_findings():
    return analyze(REVIEW)


# Text


FINDING_LINE = re.compile(r"^  \d+:\d+ +UB[1-9]\d\d  [a-z-]+ +\S.*$")


def test_text_groups_findings_under_a_file_header(cli, review):
    result = cli("lint", "docs")
    lines = result.out.splitlines()
    assert lines[0] == "docs/review.md"
    finding_lines = [line for line in lines if FINDING_LINE.match(line)]
    assert len(finding_lines) == len(expected_findings())
    assert "docs/clean.md" not in result.out


def test_text_quotes_the_flagged_words_then_the_suggestion(cli, review):
    lines = cli("lint", "docs").out.splitlines()
    for i, line in enumerate(lines):
        if FINDING_LINE.match(line):
            assert lines[i + 1].lstrip().startswith("“") and lines[i + 1].endswith("”")
            assert lines[i + 2].lstrip().startswith("suggestion: ")
            assert lines[i + 1].startswith("     ") and lines[i + 2].startswith("     ")


def test_text_ends_with_a_summary_by_category(cli, review):
    findings = expected_findings()
    last = cli("lint", "docs").out.splitlines()[-1]
    assert last.startswith(f"{len(findings)} findings in 1 of 2 files: ")
    for finding in findings:
        assert finding.category.value in last


def test_text_shows_each_finding_line_and_column(cli, review):
    out = cli("lint", "docs").out
    for finding in expected_findings():
        assert f"  {finding.line}:{finding.column} " in out
        assert f"{finding.rule}  {finding.name}" in out


def test_text_has_no_colour_when_stdout_is_not_a_terminal(cli, review):
    assert "\033[" not in cli("lint", "docs").out


def test_text_has_colour_when_forced(cli, review):
    assert "\033[" in cli("lint", "docs", "--color", "always").out


def test_auto_colour_follows_the_terminal_and_no_color(monkeypatch):
    assert use_color("auto", FakeTerminal())
    assert not use_color("auto", io.StringIO())
    assert not use_color("never", FakeTerminal())
    assert use_color("always", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", FakeTerminal())


# JSON


def test_json_is_versioned_and_names_the_tool(cli, review):
    document = json.loads(cli("lint", "docs", "--format", "json").out)
    assert document["version"] == 1
    assert document["tool"] == {"name": "unblame", "version": __version__}


def test_json_lists_every_linted_file_with_its_findings(cli, review):
    document = json.loads(cli("lint", "docs", "--format", "json").out)
    by_path = {f["path"]: f["findings"] for f in document["files"]}
    assert by_path["docs/clean.md"] == []
    expected = [{**f.to_dict(), "path": "docs/review.md"} for f in expected_findings()]
    got = [
        {k: v for k, v in f.items() if not k.startswith("end_")} for f in by_path["docs/review.md"]
    ]
    assert got == expected


def test_json_end_positions_cover_the_flagged_text(cli, review):
    document = json.loads(cli("lint", "docs", "--format", "json").out)
    lines = REVIEW.splitlines()
    for f in document["files"][1]["findings"]:
        assert f["end_line"] == f["line"]
        flagged = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        assert flagged == REVIEW[f["start"] : f["end"]]


def test_json_summary_counts_findings_by_category_and_severity(cli, review):
    summary = json.loads(cli("lint", "docs", "--format", "json").out)["summary"]
    findings = expected_findings()
    assert summary["files"] == 2
    assert summary["files_with_findings"] == 1
    assert summary["findings"] == len(findings)
    assert sum(summary["by_category"].values()) == len(findings)
    assert sum(summary["by_severity"].values()) == len(findings)


# SARIF


@pytest.fixture
def sarif(cli, review):
    result = cli("lint", "docs", "--format", "sarif")
    assert result.code == 1
    return json.loads(result.out)


def test_sarif_is_a_2_1_0_log_with_one_run(sarif):
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    assert len(sarif["runs"]) == 1


def test_sarif_driver_lists_every_rule_with_its_documentation(sarif):
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "unblame" and driver["version"] == __version__
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for descriptor, rule in zip(driver["rules"], RULES, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.message
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert " ".join(rule.suggestion.split()) in " ".join(descriptor["help"]["text"].split())
        assert rule.suggestion in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_sarif_results_point_at_the_flagged_text(sarif):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = expected_findings()
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] in {"error", "warning", "note"}
        assert finding.message in result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "docs/review.md"
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["endLine"] == finding.line
        assert region["endColumn"] - region["startColumn"] == finding.end - finding.start


def test_sarif_maps_info_to_note(cli, tmp_path):
    write(tmp_path / "chat.txt", SELF_BLAME)
    log = json.loads(cli("lint", "chat.txt", "--format", "sarif", "--context", "chat").out)
    assert {r["level"] for r in log["runs"][0]["results"]} == {"note"}


def test_sarif_uris_are_percent_encoded(cli, tmp_path):
    write(tmp_path / "my review.md", SELF_BLAME)
    log = json.loads(cli("lint", "my review.md", "--format", "sarif").out)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"my%20review.md"}


def test_sarif_with_no_findings_still_lists_the_rules(cli, tmp_path):
    write(tmp_path / "clean.md", CLEAN)
    result = cli("lint", "clean.md", "--format", "sarif")
    run = json.loads(result.out)["runs"][0]
    assert result.code == 0
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == len(RULES)


# GitHub annotations

ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def test_github_prints_one_annotation_per_finding(cli, review):
    lines = cli("lint", "docs", "--format", "github").out.splitlines()
    findings = expected_findings()
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings, strict=True):
        match = ANNOTATION.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert props["file"] == "docs/review.md"
        assert (int(props["line"]), int(props["col"])) == (finding.line, finding.column)
        assert int(props["endLine"]) == finding.line
        assert int(props["endColumn"]) == finding.column + finding.end - finding.start
        assert props["title"] == f"{finding.rule} {finding.name}"
        assert match["message"].startswith(escape_data(finding.message))
        assert "%0ASuggestion: " in match["message"]


def test_github_escapes_commas_and_colons_in_the_file_name(cli, tmp_path):
    write(tmp_path / "a,b:c.md", SELF_BLAME)
    line = cli("lint", "a,b:c.md", "--format", "github").out.splitlines()[0]
    assert "file=a%2Cb%3Ac.md," in line


def test_github_escaping_follows_the_runner_rules():
    assert escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert escape_property("50%\r\nnext: a, b") == "50%25%0D%0Anext%3A a%2C b"
