"""Every command answers bad input with one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from unblame.accounts.models import User
from unblame.cli import main
from unblame.incidents.models import Incident

BILLION_LAUGHS = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\n---\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


@pytest.mark.parametrize(
    "text, says",
    [
        (
            "---\nunblame: 1\nincident:\n  declared: 2024-02-30\n---\n",
            "line 4: front matter has an impossible date '2024-02-30'",
        ),
        ("---\ntitle: x\ndate: 2023-02-29\n---\n", "impossible date '2023-02-29'"),
        (
            "---\nunblame: 1\nincident:\n  declared: 9999-12-31T23:59:59Z\n---\n",
            "is out of range: time 9999-12-31T23:59:59+00:00 is not between 1970 and 2100",
        ),
        (BILLION_LAUGHS, "line 2: front matter uses a YAML anchor or alias"),
        ("---\nx: " + "[" * 3000 + "]" * 3000 + "\n---\n", "nests deeper than"),
    ],
)
def test_review_import_of_bad_front_matter_is_one_line_exit_2_and_imports_nothing(
    db, tmp_path, capsys, text, says
) -> None:
    path = write(tmp_path, "bad.md", text)
    assert main(["review", "import", str(path)]) == 2
    assert says in one_line(capsys.readouterr().err)
    assert not Incident.objects.exists()


def test_review_import_of_a_folder_is_one_line(db, tmp_path, capsys) -> None:
    assert main(["review", "import", str(tmp_path)]) == 2
    assert one_line(capsys.readouterr().err).endswith("is a directory")


def test_review_check_of_an_impossible_date_is_one_line(tmp_path, capsys) -> None:
    path = write(tmp_path, "bad.md", "---\ndate: 2024-02-30\n---\n")
    assert main(["review", "check", str(path)]) == 2
    assert "impossible date" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize("number", ["99999999999999999999999", "0", "-5", "abc"])
def test_review_export_of_an_impossible_number_is_a_usage_error(db, capsys, number) -> None:
    assert main(["review", "export", number]) == 2
    err = capsys.readouterr().err
    assert "argument ID:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "username, says",
    [
        ("", "the username is empty"),
        ("  ", "the username is empty"),
        ("a b/c", "Enter a valid username"),
        ("x" * 151, "at most 150 characters"),
    ],
)
def test_createuser_refuses_a_username_the_sign_in_form_could_not_take(
    db, capsys, username, says
) -> None:
    assert main(["createuser", username]) == 2
    assert says in one_line(capsys.readouterr().err)
    assert not User.objects.exists()


def test_demo_refuses_an_impossible_number_of_incidents(db, capsys) -> None:
    assert main(["demo", "--incidents", "99999999999"]) == 2
    assert "from 0 to 100,000" in one_line(capsys.readouterr().err)
    assert not Incident.objects.exists()


def test_the_installed_command_prints_no_traceback_for_an_impossible_date(tmp_path) -> None:
    path = write(tmp_path, "bad.md", "---\nunblame: 1\nincident:\n  declared: 2024-02-30\n---\n")
    env = {"UNBLAME_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "unblame.cli", "review", "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "impossible date" in one_line(done.stderr)


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unblame.cli", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env, says",
    [
        ({"UNBLAME_DATABASE_URL": "nonsense"}, "UNBLAME_DATABASE_URL cannot be used"),
        ({"UNBLAME_DATABASE_URL": "postgres://[::1"}, "UNBLAME_DATABASE_URL cannot be used"),
        ({"UNBLAME_DATABASE_URL": "postgres://nobody@127.0.0.1:1/x"}, "cannot use the database"),
        ({"UNBLAME_DATA_DIR": "/proc/no-such-folder"}, "/proc/no-such-folder"),
    ],
)
def test_a_web_command_with_an_unusable_setup_says_so_in_one_line(tmp_path, env, says):
    env = {"UNBLAME_DATA_DIR": str(tmp_path / "data"), **env}
    done = _run(["createuser", "somebody"], **env)
    assert done.returncode == 2
    assert says in one_line(done.stderr)
