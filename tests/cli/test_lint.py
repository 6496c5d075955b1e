"""`unblame lint`: inputs, exit codes, options and suppression comments."""

from __future__ import annotations

import io
import json

from unblame.cli.common import MAX_FILE_BYTES, Progress

from .conftest import CLEAN, COUNTERFACTUAL, SELF_BLAME, FakeTerminal, codes_in, write


def lint_json(cli, *args: str, **kwargs):
    """Run lint with JSON output and return (exit code, parsed document)."""
    result = cli("lint", "--format", "json", *args, **kwargs)
    return result.code, json.loads(result.out)


def found_codes(document) -> set[str]:
    return {f["rule"] for file in document["files"] for f in file["findings"]}


# Exit codes


def test_lint_exits_0_for_a_clean_file(cli, tmp_path):
    write(tmp_path / "clean.md", CLEAN)
    result = cli("lint", "clean.md")
    assert result.code == 0
    assert result.out == "No findings in 1 file.\n"


def test_lint_exits_1_when_a_finding_reaches_the_default_threshold(cli, tmp_path):
    write(tmp_path / "review.md", COUNTERFACTUAL)
    assert cli("lint", "review.md").code == 1


def test_lint_fail_on_never_exits_0_despite_findings(cli, tmp_path):
    write(tmp_path / "review.md", COUNTERFACTUAL)
    result = cli("lint", "review.md", "--fail-on", "never")
    assert result.code == 0
    assert "finding" in result.out


def test_lint_fail_on_error_ignores_warnings(cli, tmp_path):
    codes = codes_in(COUNTERFACTUAL)
    write(tmp_path / ".unblame.toml", "".join(f'severity.{c} = "warning"\n' for c in codes))
    write(tmp_path / "review.md", COUNTERFACTUAL)
    assert cli("lint", "review.md", "--fail-on", "error").code == 0


def test_lint_fail_on_error_exits_1_for_an_error(cli, tmp_path):
    codes = codes_in(COUNTERFACTUAL)
    write(tmp_path / ".unblame.toml", "".join(f'severity.{c} = "error"\n' for c in codes))
    write(tmp_path / "review.md", COUNTERFACTUAL)
    assert cli("lint", "review.md", "--fail-on", "error").code == 1


def test_lint_fail_on_info_counts_info_findings(cli, tmp_path):
    codes = codes_in(COUNTERFACTUAL)
    write(tmp_path / ".unblame.toml", "".join(f'severity.{c} = "info"\n' for c in codes))
    write(tmp_path / "review.md", COUNTERFACTUAL)
    assert cli("lint", "review.md").code == 0
    assert cli("lint", "review.md", "--fail-on", "info").code == 1


def test_lint_exits_2_for_a_missing_path(cli):
    result = cli("lint", "nowhere.md")
    assert result.code == 2
    assert result.out == ""
    assert result.err_lines == ["unblame lint: nowhere.md: no such file or directory"]


def test_lint_exits_2_for_a_directory_with_nothing_to_lint(cli, tmp_path):
    write(tmp_path / "empty" / "notes.py", "x = 1\n")
    result = cli("lint", "empty")
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "empty" in result.err and "no *.md" in result.err


def test_lint_exits_2_naming_a_file_that_is_not_utf8(cli, tmp_path):
    write(tmp_path / "ok.md", CLEAN)
    write(tmp_path / "latin.md", "Caf\u00e9 r\u00e9sum\u00e9\n", encoding="latin-1")
    result = cli("lint", "ok.md", "latin.md")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err_lines) == 1
    assert "latin.md" in result.err and "not UTF-8" in result.err


def test_lint_exits_2_for_a_file_over_20_mb(cli, tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:  # sparse: no 20 MB written to disk
        handle.truncate(MAX_FILE_BYTES + 1)
    result = cli("lint", "huge.md")
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "huge.md" in result.err and "20 MB" in result.err


def test_lint_exits_2_for_an_unknown_format(cli, tmp_path):
    write(tmp_path / "clean.md", CLEAN)
    assert cli("lint", "clean.md", "--format", "xml").code == 2


def test_lint_exits_2_for_a_malformed_rule_code(cli, tmp_path):
    write(tmp_path / "clean.md", CLEAN)
    result = cli("lint", "clean.md", "--select", "UB1,blame")
    assert result.code == 2
    assert result.err_lines == [
        "unblame lint: --select: 'BLAME' is not a rule code or prefix like UB1 or UB301"
    ]


# Inputs


def test_lint_reads_standard_input(cli):
    result = cli("lint", "-", stdin=SELF_BLAME.encode())
    assert result.code == 1
    assert result.out.splitlines()[0] == "-"


def test_lint_reports_stdin_under_the_stdin_filename(cli):
    code, document = lint_json(
        cli, "-", "--stdin-filename", "docs/review.md", stdin=SELF_BLAME.encode()
    )
    assert code == 1
    assert document["files"][0]["path"] == "docs/review.md"


def test_lint_refuses_stdin_that_is_not_utf8(cli):
    result = cli("lint", "-", stdin="caf\u00e9".encode("latin-1"))
    assert result.code == 2
    assert "not UTF-8" in result.err


def test_lint_searches_directories_recursively_for_markdown_and_text(cli, tmp_path):
    write(tmp_path / "docs" / "a.md", CLEAN)
    write(tmp_path / "docs" / "deep" / "b.markdown", SELF_BLAME)
    write(tmp_path / "docs" / "deep" / "c.txt", COUNTERFACTUAL)
    write(tmp_path / "docs" / "d.py", SELF_BLAME)
    code, document = lint_json(cli, "docs")
    assert code == 1
    paths = [f["path"] for f in document["files"]]
    assert paths == ["docs/a.md", "docs/deep/b.markdown", "docs/deep/c.txt"]


def test_lint_skips_hidden_folders_virtualenvs_and_node_modules(cli, tmp_path):
    write(tmp_path / "docs" / "a.md", CLEAN)
    for skipped in (".git", ".venv", "node_modules"):
        write(tmp_path / "docs" / skipped / "x.md", SELF_BLAME)
    code, document = lint_json(cli, "docs")
    assert code == 0
    assert [f["path"] for f in document["files"]] == ["docs/a.md"]


def test_lint_checks_a_named_file_whatever_its_extension(cli, tmp_path):
    write(tmp_path / "notes.rst", SELF_BLAME)
    assert cli("lint", "notes.rst").code == 1


def test_lint_reports_a_file_named_twice_once(cli, tmp_path):
    write(tmp_path / "docs" / "a.md", SELF_BLAME)
    _, document = lint_json(cli, "docs", "docs/a.md")
    assert len(document["files"]) == 1


def test_lint_finds_the_same_positions_with_crlf_line_endings(cli, tmp_path):
    text = f"# Review\n\n{CLEAN}\n\n{COUNTERFACTUAL}\n"
    write(tmp_path / "lf.md", text)
    write(tmp_path / "crlf.md", text.replace("\n", "\r\n"))
    _, document = lint_json(cli, "lf.md", "crlf.md")
    lf, crlf = (
        [(f["line"], f["column"], f["rule"]) for f in file["findings"]]
        for file in document["files"]
    )
    assert lf and lf == crlf
    assert all(f["end_line"] == f["line"] for f in document["files"][1]["findings"])


def test_lint_ignores_a_byte_order_mark(cli, tmp_path):
    write(tmp_path / "plain.md", SELF_BLAME)
    write(tmp_path / "bom.md", "\ufeff" + SELF_BLAME)
    _, document = lint_json(cli, "plain.md", "bom.md")
    plain, bom = (
        [(f["column"], f["start"]) for f in file["findings"]] for file in document["files"]
    )
    assert plain and plain == bom


# Options


def test_lint_ignore_drops_those_codes(cli, tmp_path):
    write(tmp_path / "review.md", SELF_BLAME)
    codes = ",".join(codes_in(SELF_BLAME))
    assert cli("lint", "review.md", "--ignore", codes).code == 0


def test_lint_select_keeps_only_matching_prefixes(cli, tmp_path):
    write(tmp_path / "review.md", f"{SELF_BLAME}\n\n{COUNTERFACTUAL}\n")
    prefix = sorted(codes_in(COUNTERFACTUAL))[0][:3]
    _, document = lint_json(cli, "review.md", "--select", prefix.lower())
    assert found_codes(document)
    assert all(code.startswith(prefix) for code in found_codes(document))


def test_lint_select_on_the_command_line_replaces_the_configured_select(cli, tmp_path):
    self_codes = sorted(codes_in(SELF_BLAME))
    other = sorted(codes_in(COUNTERFACTUAL))
    write(tmp_path / ".unblame.toml", f'select = ["{other[0]}"]\n')
    write(tmp_path / "review.md", f"{SELF_BLAME}\n\n{COUNTERFACTUAL}\n")
    _, configured = lint_json(cli, "review.md")
    _, overridden = lint_json(cli, "review.md", "--select", self_codes[0])
    assert found_codes(configured) == {other[0]}
    assert found_codes(overridden) == {self_codes[0]}


def test_lint_names_make_a_name_count_as_a_person(cli, tmp_path):
    # A made-up lower-case handle: no list of given names knows it, and unlike a
    # capitalised word in subject position it does not read as a name by its shape.
    text = COUNTERFACTUAL.replace("The on-call engineer", "then dravelle")
    write(tmp_path / "review.md", text)
    assert codes_in(text, names=["dravelle"]) != codes_in(text), "precondition: name unknown"
    _, without = lint_json(cli, "review.md")
    _, with_names = lint_json(cli, "review.md", "--names", "Lee, dravelle")
    assert found_codes(with_names) == codes_in(text, names=["dravelle"])
    assert found_codes(without) == codes_in(text)


def test_lint_skips_block_quotes_unless_asked(cli, tmp_path):
    write(tmp_path / "review.md", f"> {SELF_BLAME}\n")
    assert cli("lint", "review.md").code == 0
    assert cli("lint", "review.md", "--lint-quotes").code == 1


def test_lint_context_chat_makes_self_blame_a_gentle_note(cli, tmp_path):
    write(tmp_path / "chat.txt", SELF_BLAME)
    code, document = lint_json(cli, "chat.txt", "--context", "chat")
    assert code == 0
    assert {f["severity"] for f in document["files"][0]["findings"]} == {"info"}


def test_lint_honours_a_block_suppression_comment(cli, tmp_path):
    write(tmp_path / "review.md", f"<!-- unblame-ignore -->\n{SELF_BLAME}\n\n{CLEAN}\n")
    assert cli("lint", "review.md").code == 0


def test_lint_block_suppression_only_covers_the_named_codes(cli, tmp_path):
    codes = " ".join(codes_in(SELF_BLAME))
    write(
        tmp_path / "review.md", f"<!-- unblame-ignore {codes} -->\n{SELF_BLAME}\n\n{SELF_BLAME}\n"
    )
    _, document = lint_json(cli, "review.md")
    assert {f["line"] for f in document["files"][0]["findings"]} == {4}


def test_lint_honours_a_file_suppression_comment(cli, tmp_path):
    write(tmp_path / "review.md", f"{SELF_BLAME}\n\n<!-- unblame-ignore-file -->\n")
    assert cli("lint", "review.md").code == 0


# Configuration


def test_lint_discovers_config_in_a_parent_folder(cli, tmp_path):
    codes = ", ".join(f'"{c}"' for c in codes_in(SELF_BLAME))
    write(tmp_path / "pyproject.toml", f"[tool.unblame]\nignore = [{codes}]\n")
    write(tmp_path / "docs" / "review.md", SELF_BLAME)
    assert cli("lint", "docs/review.md").code == 0


def test_lint_discovers_config_next_to_the_first_path(cli, tmp_path, monkeypatch):
    codes = ", ".join(f'"{c}"' for c in codes_in(SELF_BLAME))
    write(tmp_path / "team" / ".unblame.toml", f"ignore = [{codes}]\n")
    write(tmp_path / "team" / "review.md", SELF_BLAME)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert cli("lint", "../team/review.md").code == 0


def test_lint_uses_an_explicit_config_file(cli, tmp_path):
    codes = ", ".join(f'"{c}"' for c in codes_in(SELF_BLAME))
    write(tmp_path / "custom.toml", f"ignore = [{codes}]\n")
    write(tmp_path / "review.md", SELF_BLAME)
    assert cli("lint", "review.md").code == 1
    assert cli("lint", "review.md", "--config", "custom.toml").code == 0


def test_lint_exits_2_for_a_config_with_an_unknown_key(cli, tmp_path):
    write(tmp_path / ".unblame.toml", "colour = true\n")
    write(tmp_path / "review.md", CLEAN)
    result = cli("lint", "review.md")
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert ".unblame.toml" in result.err and "colour" in result.err


def test_lint_exits_2_for_a_config_that_is_not_toml(cli, tmp_path):
    write(tmp_path / ".unblame.toml", "select = [\n")
    write(tmp_path / "review.md", CLEAN)
    result = cli("lint", "review.md")
    assert result.code == 2
    assert len(result.err_lines) == 1


def test_lint_exits_2_for_a_missing_config_file(cli, tmp_path):
    write(tmp_path / "review.md", CLEAN)
    result = cli("lint", "review.md", "--config", "missing.toml")
    assert result.code == 2
    assert "missing.toml" in result.err


# Progress


def test_progress_bar_shows_only_for_many_files_on_a_terminal():
    assert Progress.for_files(21, FakeTerminal()).enabled
    assert not Progress.for_files(20, FakeTerminal()).enabled
    assert not Progress.for_files(100, io.StringIO()).enabled


def test_progress_bar_counts_files_and_clears_itself():
    stream = FakeTerminal()
    progress = Progress.for_files(40, stream)
    for _ in range(40):
        progress.step()
    progress.finish()
    assert "\r[" + "#" * Progress.WIDTH + "] 40/40 files" in stream.getvalue()
    assert stream.getvalue().endswith("\r\033[K")


def test_lint_prints_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path):
    for i in range(25):
        write(tmp_path / "docs" / f"{i:02}.md", CLEAN)
    result = cli("lint", "docs")
    assert result.code == 0
    assert result.err == ""
    assert result.out == "No findings in 25 files.\n"
