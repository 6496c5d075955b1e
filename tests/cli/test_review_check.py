"""`unblame review check`: review files checked the way publishing checks them, no server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import write

FRONT = """\
---
unblame: 1
incident:
  title: Queue backlog after the broker upgrade
  severity: SEV3
  status: resolved
  responders:
  - username: robin
    name: Robin Lee
review:
  state: in_review
factors:
- category: Change management
  description: {factor}
action_items:
- title: {title}
  factors:
  - 1
{extra}---
"""

SECTIONS = """
# Queue backlog after the broker upgrade

<!-- unblame:section summary -->
## Summary

Messages waited up to 20 minutes in the queue after a broker upgrade.

<!-- unblame:section impact -->
## Impact

Order confirmations reached customers up to 20 minutes late.

<!-- unblame:section contributing_factors -->
## Contributing factors

The upgrade changed a default that no configuration pinned.

<!-- unblame:section action_items -->
## Action items

Pin the setting and alert on consumer lag.
{tail}"""

CLEAN_FACTOR = "The broker upgrade changed the prefetch default, and nothing pinned it."
CLEAN_TITLE = "Pin the prefetch setting in the broker config"
REASON = "The words of the vendor's upgrade guide, quoted as they were written"


def review(
    factor: str = CLEAN_FACTOR, title: str = CLEAN_TITLE, extra: str = "", tail: str = ""
) -> str:
    return FRONT.format(factor=factor, title=title, extra=extra) + SECTIONS.format(tail=tail)


def blaming() -> str:
    shared = (
        "\n<!-- unblame:section what_surprised_us -->\n## What surprised us\n\n"
        "*Shared by Robin Lee from their debrief:*\n\n"
        "It was all my fault, I'm so stupid.\n"
    )
    return review("Robin should have checked the broker config.", "Be more careful", tail=shared)


def line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def check_json(cli, *paths: str):
    result = cli("review", "check", "--format", "json", *paths)
    return result.code, json.loads(result.out)


def test_a_ready_review_file_exits_0(cli, tmp_path):
    write(tmp_path / "ready.md", review())
    result = cli("review", "check", "ready.md")
    assert (result.code, result.out) == (0, "ready.md: ready to publish\n")


def test_a_blaming_review_file_exits_1_with_each_gap_at_its_line(cli, tmp_path):
    write(tmp_path / "blaming.md", blaming())
    result = cli("review", "check", "blaming.md")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[-1] == "blaming.md: not ready, 4 gaps"
    where = {line.split(": ", 2)[1]: int(line.split(":")[1]) for line in lines[:-1]}
    assert where == {
        "What surprised us, shared by Robin Lee from a debrief": line_of(
            blaming(), "It was all my fault, I'm so stupid."
        ),
        "Contributing factor 1 (Change management)": line_of(
            blaming(), "  description: Robin should have checked the broker config."
        ),
        "Action item 1, title": line_of(blaming(), "- title: Be more careful"),
    }
    assert "Rewrite it, or acknowledge it under `acknowledgements:`" in result.out


def test_json_output_is_versioned_and_lists_every_gap(cli, tmp_path):
    write(tmp_path / "ready.md", review())
    write(tmp_path / "blaming.md", blaming())
    code, document = check_json(cli, "ready.md", "blaming.md")
    assert code == 1
    assert document["version"] == 1
    assert document["tool"]["name"] == "unblame"
    assert document["summary"] == {"files": 2, "ready": 1, "not_ready": 1, "gaps": 4}
    ready, blamed = document["files"]
    assert (ready["path"], ready["ready"], ready["gaps"]) == ("ready.md", True, [])
    kinds = [(gap["kind"], gap["rule"]) for gap in blamed["gaps"]]
    assert kinds == [
        ("shared_debrief_excerpt", "UB201"),
        ("shared_debrief_excerpt", "UB202"),
        ("factor_description", "UB301"),
        ("action_item_title", "UB501"),
    ]
    gap = blamed["gaps"][2]
    assert set(gap) == {"path", "code", "where", "kind", "line", "message", "rule", "quote"}
    line = line_of(blaming(), "  description: Robin should have checked the broker config.")
    assert (gap["path"], gap["line"], gap["quote"]) == (
        "blaming.md",
        line,
        "Robin should have checked",
    )


def test_an_acknowledgement_in_the_front_matter_with_a_reason_clears_a_finding(cli, tmp_path):
    extra = (
        "acknowledgements:\n"
        "- where: factors[1].description\n"
        "  rule: UB301\n"
        "  quote: Robin should have checked\n"
        f"  reason: {REASON}\n"
    )
    write(tmp_path / "kept.md", review("Robin should have checked the broker config.", extra=extra))
    code, document = check_json(cli, "kept.md")
    assert (code, document["files"][0]["gaps"], document["files"][0]["acknowledged"]) == (0, [], 1)


def test_a_flimsy_acknowledgement_in_the_front_matter_does_not(cli, tmp_path):
    extra = (
        "acknowledgements:\n"
        "- where: factors[1].description\n"
        "  rule: UB301\n"
        "  quote: Robin should have checked\n"
        "  reason: ok\n"
    )
    write(tmp_path / "thin.md", review("Robin should have checked the broker config.", extra=extra))
    code, document = check_json(cli, "thin.md")
    assert code == 1
    assert "too thin" in document["files"][0]["gaps"][0]["message"]


def test_a_missing_required_section_and_factor_are_gaps(cli, tmp_path):
    text = "# Outage\n\n## Summary\n\nThe queue stalled.\n\n## Impact\n\n## Timeline\n\nAt noon.\n"
    write(tmp_path / "elsewhere.md", text)
    code, document = check_json(cli, "elsewhere.md")
    assert code == 1
    gaps = [(gap["code"], gap["where"], gap["line"]) for gap in document["files"][0]["gaps"]]
    # An empty section points at the line after its heading.
    assert gaps == [("unwritten_section", "Impact", 8), ("no_factors", "", 1)]


def test_a_missing_file_exits_2(cli, tmp_path):
    result = cli("review", "check", "missing.md")
    assert result.code == 2
    assert result.err_lines == ["unblame review: missing.md: no such file or directory"]


def test_a_file_that_is_not_utf8_exits_2(cli, tmp_path):
    write(tmp_path / "latin.md", review("Caf\u00e9 config drifted silently."), encoding="latin-1")
    result = cli("review", "check", "latin.md")
    assert result.code == 2
    assert "not UTF-8" in result.err


def test_a_chat_export_is_not_a_review_and_exits_2(cli, tmp_path):
    write(tmp_path / "chat.md", '[{"user": "robin", "text": "looking"}]')
    result = cli("review", "check", "chat.md")
    assert result.code == 2
    assert "not a review" in result.err


def test_notes_without_review_sections_exit_2(cli, tmp_path):
    write(tmp_path / "notes.md", "# Shopping\n\n- milk\n- bread\n")
    result = cli("review", "check", "notes.md")
    assert result.code == 2
    assert "fewer than 2 headings that are review sections" in result.err


def test_one_unreadable_file_among_good_ones_exits_2(cli, tmp_path):
    write(tmp_path / "ready.md", review())
    assert cli("review", "check", "ready.md", "missing.md").code == 2


def test_it_needs_neither_django_nor_a_database(tmp_path):
    path = write(tmp_path / "ready.md", review())
    code = (
        "import sys\n"
        "from unblame.cli import main\n"
        f"status = main(['review', 'check', {str(path)!r}])\n"
        "print(status, 'django' in sys.modules)\n"
    )
    # The same import path as this run, and no Django settings in the environment.
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 False"
