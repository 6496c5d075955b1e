"""Email settings from UNBLAME_EMAIL_* variables, read fresh under different environments."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from .fresh_settings import load_settings, restore_settings_module  # noqa: F401 (autouse)


def test_mail_goes_to_the_console_by_default(monkeypatch, tmp_path):
    settings = load_settings(monkeypatch, tmp_path)
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    assert settings.SITE_URL == "http://127.0.0.1:8000"


def test_an_smtp_host_switches_to_smtp(monkeypatch, tmp_path):
    settings = load_settings(
        monkeypatch,
        tmp_path,
        UNBLAME_EMAIL_HOST="smtp.example.com",
        UNBLAME_EMAIL_PORT="587",
        UNBLAME_EMAIL_USE_TLS="true",
        UNBLAME_EMAIL_FROM="incidents@example.com",
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS) == (
        "smtp.example.com",
        587,
        True,
    )
    assert settings.DEFAULT_FROM_EMAIL == "incidents@example.com"


def test_the_console_can_be_kept_with_a_host_set(monkeypatch, tmp_path):
    settings = load_settings(
        monkeypatch,
        tmp_path,
        UNBLAME_EMAIL_HOST="smtp.example.com",
        UNBLAME_EMAIL_BACKEND="console",
    )
    assert settings.EMAIL_BACKEND.endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "env",
    [
        {"UNBLAME_EMAIL_BACKEND": "carrier-pigeon"},
        {"UNBLAME_EMAIL_PORT": "smtp"},
        {"UNBLAME_EMAIL_USE_TLS": "true", "UNBLAME_EMAIL_USE_SSL": "true"},
        {"UNBLAME_SITE_URL": "incidents.example.com"},
    ],
)
def test_bad_values_stop_start_up(monkeypatch, tmp_path, env):
    with pytest.raises(ImproperlyConfigured):
        load_settings(monkeypatch, tmp_path, **env)
