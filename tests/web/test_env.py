import pytest
from django.core.exceptions import ImproperlyConfigured

from unblame.server.env import env_bool, env_int, env_list, env_str, env_timezone


def test_env_str_returns_default_when_unset(monkeypatch):
    monkeypatch.delenv("UNBLAME_X", raising=False)
    assert env_str("UNBLAME_X", "fallback") == "fallback"


def test_env_str_treats_blank_as_unset(monkeypatch):
    monkeypatch.setenv("UNBLAME_X", "  ")
    assert env_str("UNBLAME_X", "fallback") == "fallback"


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("OFF", False), ("false", False)]
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("UNBLAME_X", raw)
    assert env_bool("UNBLAME_X") is expected


def test_env_bool_fails_loudly_naming_variable_and_value(monkeypatch):
    monkeypatch.setenv("UNBLAME_DEBUG", "sure")
    with pytest.raises(ImproperlyConfigured, match="UNBLAME_DEBUG='sure' is not a boolean"):
        env_bool("UNBLAME_DEBUG")


def test_env_int_parses(monkeypatch):
    monkeypatch.setenv("UNBLAME_X", "42")
    assert env_int("UNBLAME_X", 1) == 42


def test_env_int_fails_loudly(monkeypatch):
    monkeypatch.setenv("UNBLAME_THREADS", "eight")
    with pytest.raises(ImproperlyConfigured, match="UNBLAME_THREADS='eight' is not an integer"):
        env_int("UNBLAME_THREADS", 8)


def test_env_int_enforces_minimum(monkeypatch):
    monkeypatch.setenv("UNBLAME_THREADS", "0")
    with pytest.raises(ImproperlyConfigured, match="must be at least 1"):
        env_int("UNBLAME_THREADS", 8, minimum=1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("UNBLAME_ALLOWED_HOSTS", "a.example, b.example,,")
    assert env_list("UNBLAME_ALLOWED_HOSTS") == ["a.example", "b.example"]


def test_env_timezone_rejects_unknown_zone(monkeypatch):
    monkeypatch.setenv("UNBLAME_DEFAULT_TIMEZONE", "Europe/Atlantis")
    with pytest.raises(ImproperlyConfigured, match="UNBLAME_DEFAULT_TIMEZONE='Europe/Atlantis'"):
        env_timezone("UNBLAME_DEFAULT_TIMEZONE", "UTC")
