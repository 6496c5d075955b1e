"""`unblame rules`: the catalogue and one rule explained."""

from __future__ import annotations

import json

from unblame.language import RULES

FIRST = RULES[0]


def test_rules_lists_every_rule_on_one_line(cli):
    result = cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES, strict=True):
        assert line.startswith(f"{rule.code}  {rule.name}")
        assert rule.category.value in line and rule.severity.value in line
        assert line.endswith(rule.message)


def test_rules_json_carries_each_rule_and_its_examples(cli):
    document = json.loads(cli("rules", "--format", "json").out)
    assert document["version"] == 1
    assert [r["code"] for r in document["rules"]] == [r.code for r in RULES]
    first = document["rules"][0]
    assert first["bad"] == list(FIRST.bad) and first["good"] == list(FIRST.good)
    assert first["category"] == FIRST.category.value
    assert first["blame"] == FIRST.category.is_blame


def test_rules_markdown_has_a_section_per_rule(cli):
    out = cli("rules", "--format", "markdown").out
    assert out.startswith("# Rules\n")
    for rule in RULES:
        assert f"### {rule.code}: {rule.name}\n" in out
        assert f"(#{rule.code.lower()}-{rule.name})" in out


def test_rules_code_explains_one_rule(cli):
    result = cli("rules", FIRST.code)
    assert result.code == 0
    flat = " ".join(result.out.split())
    assert result.out.startswith(f"{FIRST.code} {FIRST.name}\n")
    for text in (FIRST.rationale, FIRST.source, FIRST.suggestion, *FIRST.bad, *FIRST.good):
        assert " ".join(text.split()) in flat


def test_rules_accepts_a_name_or_a_lower_case_code(cli):
    by_code = cli("rules", FIRST.code).out
    assert cli("rules", FIRST.name).out == by_code
    assert cli("rules", FIRST.code.lower()).out == by_code


def test_rules_explains_one_rule_as_json(cli):
    document = json.loads(cli("rules", FIRST.code, "--format", "json").out)
    assert [r["code"] for r in document["rules"]] == [FIRST.code]


def test_rules_exits_2_for_an_unknown_code(cli):
    result = cli("rules", "UB999")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err_lines) == 1
    assert "UB999" in result.err
