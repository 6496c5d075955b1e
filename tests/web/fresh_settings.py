"""The settings module read afresh under a chosen environment, and put back after each test.

A test module imports `load_settings` and the autouse fixture `restore_settings_module`.
"""

from __future__ import annotations

import importlib

import pytest

# Unset before each load, so a value in the shell running the tests changes nothing.
CLEARED = (
    "UNBLAME_DATABASE_URL",
    "UNBLAME_SECRET_KEY",
    "UNBLAME_SITE_URL",
    *(
        f"UNBLAME_EMAIL_{name}"
        for name in ("HOST", "BACKEND", "PORT", "USE_TLS", "USE_SSL", "FROM")
    ),
)


def load_settings(monkeypatch, tmp_path, **env):
    """unblame.server.settings as read with its data in tmp_path and these variables set."""
    monkeypatch.setenv("UNBLAME_DATA_DIR", str(tmp_path))
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import unblame.server.settings as module

    return importlib.reload(module)


@pytest.fixture(autouse=True)
def restore_settings_module(monkeypatch):
    yield
    monkeypatch.undo()
    import unblame.server.settings as module

    importlib.reload(module)
