import io

import pytest

from unblame.accounts.models import User
from unblame.incidents.models import Incident
from unblame.server import serve


@pytest.fixture
def no_waitress(monkeypatch):
    calls = []
    monkeypatch.setattr(serve, "run_waitress", lambda host, port, out: calls.append((host, port)))
    monkeypatch.delenv("UNBLAME_SECURE_COOKIES", raising=False)
    return calls


def test_first_run_creates_admin_prints_password_once_and_loads_demo(db, no_waitress):
    out = io.StringIO()
    serve.serve("127.0.0.1", 8000, demo=True, out=out)
    text = out.getvalue()
    password = text.split("password: ")[1].split()[0]
    admin = User.objects.get(username="admin")
    assert admin.is_admin and admin.check_password(password)
    assert "http://127.0.0.1:8000/" in text
    assert Incident.objects.count() == 12
    assert no_waitress == [("127.0.0.1", 8000)]


def test_later_runs_keep_data_and_explain_how_to_reset(db, no_waitress):
    serve.serve("127.0.0.1", 8000, demo=True, out=io.StringIO())
    Incident.objects.first().delete()
    out = io.StringIO()
    serve.serve("127.0.0.1", 8000, demo=True, out=out)
    assert "password:" not in out.getvalue()
    assert "unblame createuser admin --reset-password" in out.getvalue()
    assert User.objects.filter(role="admin").count() == 1
    assert Incident.objects.count() == 11


def test_without_demo_flag_no_demo_data(db, no_waitress):
    serve.serve("127.0.0.1", 8000, demo=False, out=io.StringIO())
    assert not Incident.objects.exists()


def test_loopback_serving_allows_plain_http_cookies(db, no_waitress):
    import os

    serve.serve("127.0.0.1", 8000, out=io.StringIO())
    assert os.environ["UNBLAME_SECURE_COOKIES"] == "false"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("10.0.0.5", False),
    ],
)
def test_is_loopback(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_set_user_refuses_to_overwrite_without_reset(viewer):
    with pytest.raises(ValueError, match="--reset-password"):
        serve.set_user("vic", "viewer", None, reset=False)


def test_set_user_resets_a_password(viewer):
    _, password, created = serve.set_user("vic", "admin", None, reset=True)
    viewer.refresh_from_db()
    assert not created
    assert viewer.check_password(password)
    assert viewer.role == "viewer"  # a reset leaves the role alone


def test_the_reset_hint_names_the_full_path_when_unblame_is_not_on_path(monkeypatch, tmp_path):
    from unblame.server import serve as serve_module

    exe = tmp_path / ".venv" / "bin" / "unblame"
    monkeypatch.setattr(serve_module.sys, "argv", [str(exe), "serve"])
    monkeypatch.setattr(serve_module.shutil, "which", lambda name: None)
    assert serve_module._command() == str(exe.resolve())


def test_the_reset_hint_uses_the_bare_name_when_it_is_on_path(monkeypatch, tmp_path):
    from unblame.server import serve as serve_module

    exe = tmp_path / "bin" / "unblame"
    monkeypatch.setattr(serve_module.sys, "argv", [str(exe), "serve"])
    monkeypatch.setattr(serve_module.shutil, "which", lambda name: str(exe))
    assert serve_module._command() == "unblame"


def test_serving_compiles_the_analyzer_before_the_first_request(db, monkeypatch):
    from unblame.language import analyzer

    # A fresh set of compiled checks, none compiled yet, as in a new process; the checks
    # a config leaves on are cached from the old set, so they start afresh too (else a later
    # test in this worker compares the old set's checks with the new).
    analyzer.compiled_rules.cache_clear()
    analyzer._enabled_checks.cache_clear()
    assert not any("regex" in vars(c) for c in analyzer.compiled_rules())
    compiled_when_serving = []

    def record(host, port, out):
        compiled_when_serving.extend("regex" in vars(c) for c in analyzer.compiled_rules())

    monkeypatch.setattr(serve, "run_waitress", record)
    serve.serve("127.0.0.1", 8000, out=io.StringIO())
    assert compiled_when_serving and all(compiled_when_serving)
