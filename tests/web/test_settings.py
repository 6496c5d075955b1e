"""The settings module read fresh under different environments."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from .fresh_settings import load_settings, restore_settings_module  # noqa: F401 (autouse)


def test_sqlite_lives_in_the_data_dir_with_wal_and_busy_timeout(monkeypatch, tmp_path):
    settings = load_settings(monkeypatch, tmp_path)
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == tmp_path / "unblame.sqlite3"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["timeout"] == 20


def test_postgres_comes_from_the_url(monkeypatch, tmp_path):
    settings = load_settings(
        monkeypatch, tmp_path, UNBLAME_DATABASE_URL="postgres://u:p@db:5432/unblame"
    )
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db", "unblame", "u")


def test_a_secret_key_is_made_once_and_kept(monkeypatch, tmp_path):
    first = load_settings(monkeypatch, tmp_path).SECRET_KEY
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert first == load_settings(monkeypatch, tmp_path).SECRET_KEY


def test_the_secret_key_variable_wins(monkeypatch, tmp_path):
    assert load_settings(monkeypatch, tmp_path, UNBLAME_SECRET_KEY="k" * 50).SECRET_KEY == "k" * 50


def test_debug_is_off_by_default(monkeypatch, tmp_path):
    assert load_settings(monkeypatch, tmp_path).DEBUG is False


def test_a_bad_value_stops_start_up(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="UNBLAME_DEBUG"):
        load_settings(monkeypatch, tmp_path, UNBLAME_DEBUG="maybe")


def test_allowed_hosts_come_from_the_environment(monkeypatch, tmp_path):
    settings = load_settings(monkeypatch, tmp_path, UNBLAME_ALLOWED_HOSTS="incidents.example.com")
    assert settings.ALLOWED_HOSTS == ["incidents.example.com"]


def test_cookies_can_be_made_insecure_for_plain_http(monkeypatch, tmp_path):
    settings = load_settings(monkeypatch, tmp_path, UNBLAME_SECURE_COOKIES="false")
    assert settings.SESSION_COOKIE_SECURE is False
