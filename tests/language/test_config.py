"""Lint configuration: `[tool.unblame]` tables, files, discovery and their errors."""

from __future__ import annotations

import pytest

from unblame.language import Config, ConfigError, Severity


def test_defaults_enable_every_rule_and_skip_quotes():
    config = Config()
    assert config.is_enabled("UB101")
    assert config.is_enabled("UB999")
    assert config.lint_quotes is False
    assert config.names == ()


@pytest.mark.parametrize(
    ("select", "ignore", "code", "enabled"),
    [
        (("UB1",), (), "UB101", True),
        (("UB1",), (), "UB201", False),
        (("UB101",), (), "UB101", True),
        (("UB101",), (), "UB102", False),
        ((), ("UB1",), "UB105", False),
        ((), ("UB1",), "UB305", True),
        (("UB1",), ("UB102",), "UB102", False),
        (("UB1",), ("UB102",), "UB103", True),
        (("UB1", "UB3"), (), "UB301", True),
    ],
)
def test_select_and_ignore_work_by_code_prefix(select, ignore, code, enabled):
    assert Config(select=select, ignore=ignore).is_enabled(code) is enabled


def test_from_mapping_reads_every_key_and_upper_cases_codes():
    config = Config.from_mapping(
        {
            "names": ["Odalys", "Ferro"],
            "select": ["ub1", "UB2"],
            "ignore": ["ub105"],
            "severity": {"ub101": "INFO", "UB201": "error"},
            "lint-quotes": True,
        }
    )
    assert config.names == ("Odalys", "Ferro")
    assert config.select == ("UB1", "UB2")
    assert config.ignore == ("UB105",)
    assert config.severity == {"UB101": Severity.INFO, "UB201": Severity.ERROR}
    assert config.lint_quotes is True


def test_lint_quotes_may_be_spelled_with_an_underscore():
    assert Config.from_mapping({"lint_quotes": True}).lint_quotes is True


def test_an_empty_table_gives_the_defaults():
    assert Config.from_mapping({}) == Config()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selekt": ["UB1"]}, "unknown key 'selekt'"),
        ({"names": "Odalys"}, "'names' must be a list of strings"),
        ({"names": ["Odalys", 3]}, "'names' must be a list of strings"),
        ({"select": 101}, "'select' must be a list of strings"),
        ({"ignore": [None]}, "'ignore' must be a list of strings"),
        ({"severity": ["UB101"]}, "'severity' must be a table"),
        ({"severity": {"UB101": "loud"}}, "must be error, warning or info, not 'loud'"),
        ({"lint-quotes": "yes"}, "'lint-quotes' must be true or false"),
    ],
)
def test_bad_values_are_rejected_with_a_message_naming_them(data, message):
    with pytest.raises(ConfigError, match=r"^my\.toml: ") as caught:
        Config.from_mapping(data, origin="my.toml")
    assert message in str(caught.value)


def test_the_first_unknown_key_in_order_is_named():
    with pytest.raises(ConfigError, match="unknown key 'alpha'"):
        Config.from_mapping({"zulu": 1, "alpha": 2})


def test_a_config_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


def test_with_overrides_returns_a_changed_copy():
    base = Config(select=("UB1",))
    changed = base.with_overrides(lint_quotes=True)
    assert changed.lint_quotes is True
    assert changed.select == ("UB1",)
    assert base.lint_quotes is False


def test_load_reads_a_dedicated_file(tmp_path):
    path = tmp_path / ".unblame.toml"
    path.write_text('names = ["Wren"]\nignore = ["UB3"]\n', encoding="utf-8")
    config = Config.load(path)
    assert config.names == ("Wren",)
    assert config.ignore == ("UB3",)


def test_load_reads_the_tool_table_of_pyproject(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.unblame]\nselect = ["ub2"]\n', encoding="utf-8")
    assert Config.load(path).select == ("UB2",)


def test_a_pyproject_without_the_table_gives_defaults(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert Config.load(path) == Config()


def test_unknown_keys_in_pyproject_are_reported_with_the_file(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.unblame]\nstrict = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'strict'") as caught:
        Config.load(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [b"names = [", b"\xff\xfe not utf-8"],
)
def test_an_unreadable_file_is_a_config_error(tmp_path, content):
    path = tmp_path / ".unblame.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match="cannot read config"):
        Config.load(path)


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config"):
        Config.load(tmp_path / ".unblame.toml")


def test_discover_finds_the_nearest_file_above(tmp_path):
    (tmp_path / ".unblame.toml").write_text('names = ["Top"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / ".unblame.toml").write_text('names = ["Near"]\n', encoding="utf-8")
    config, found = Config.discover(deep)
    assert config.names == ("Near",)
    assert found == (tmp_path / "a" / ".unblame.toml").resolve()


def test_discover_prefers_the_dedicated_file_over_pyproject_in_one_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.unblame]\nnames = ["Py"]\n', encoding="utf-8")
    (tmp_path / ".unblame.toml").write_text('names = ["Dot"]\n', encoding="utf-8")
    config, found = Config.discover(tmp_path)
    assert config.names == ("Dot",)
    assert found is not None and found.name == ".unblame.toml"


def test_discover_skips_a_pyproject_without_the_table(tmp_path):
    (tmp_path / ".unblame.toml").write_text('names = ["Outer"]\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "pkg"\n', encoding="utf-8")
    config, found = Config.discover(inner)
    assert config.names == ("Outer",)
    assert found == (tmp_path / ".unblame.toml").resolve()


def test_discover_skips_a_broken_pyproject(tmp_path):
    (tmp_path / ".unblame.toml").write_text('names = ["Outer"]\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.unblame\n", encoding="utf-8")
    config, _ = Config.discover(inner)
    assert config.names == ("Outer",)


def test_discover_reports_a_bad_dedicated_file_instead_of_ignoring_it(tmp_path):
    (tmp_path / ".unblame.toml").write_text("select = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'select' must be a list of strings"):
        Config.discover(tmp_path)


def test_discover_without_any_file_gives_defaults_and_no_path(tmp_path):
    assert Config.discover(tmp_path) == (Config(), None)
