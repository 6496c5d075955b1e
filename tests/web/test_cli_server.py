"""The web-app subcommands of `unblame`, run in-process."""

import importlib.util

import pytest

from unblame.accounts.models import User
from unblame.cli import main
from unblame.incidents.models import Incident


def test_createuser_makes_a_user_with_a_printed_password(db, capsys):
    assert main(["createuser", "rita", "--role", "editor"]) == 0
    out = capsys.readouterr().out
    password = out.split("password: ")[1].split()[0]
    user = User.objects.get(username="rita")
    assert user.role == "editor" and user.check_password(password)


def test_createuser_refuses_an_existing_user(viewer, capsys):
    assert main(["createuser", "vic"]) == 2
    assert "--reset-password" in capsys.readouterr().err


def test_createuser_refuses_another_spelling_of_an_existing_user(viewer, capsys):
    # Sign-in failures of "VIC" would count against vic (throttle.account_key).
    assert main(["createuser", "VIC"]) == 2
    assert "already answers to 'VIC'" in capsys.readouterr().err
    assert list(User.objects.values_list("username", flat=True)) == ["vic"]


def test_createuser_stores_the_name_as_sign_in_reads_it(db, capsys):
    # Full-width letters: sign-in applies NFKC, so the account must be "rita" to be found.
    assert main(["createuser", "ｒｉｔａ"]) == 0
    out = capsys.readouterr().out
    assert "Created viewer rita." in out
    password = out.split("password: ")[1].split()[0]
    from django.test import Client

    client = Client()
    signed_in = client.post("/login/", {"username": "ｒｉｔａ", "password": password})
    assert signed_in.status_code == 302
    assert client.get("/incidents/").status_code == 200


def test_createuser_resets_the_password_of_the_user_named(viewer, capsys):
    assert main(["createuser", "vic", "--reset-password"]) == 0
    out = capsys.readouterr().out
    assert "New password for vic." in out
    password = out.split("password: ")[1].split()[0]
    viewer.refresh_from_db()
    assert viewer.check_password(password) and viewer.role == "viewer"


def test_createuser_reads_a_password_from_stdin(db, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["createuser", "sam", "--password-stdin"]) == 0
    assert "a long enough password" not in capsys.readouterr().out
    assert User.objects.get(username="sam").check_password("a long enough password")


def test_createuser_rejects_a_short_password(db, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["createuser", "sam", "--password-stdin"]) == 2
    assert not User.objects.exists()


def test_demo_loads_then_says_it_is_loaded(db, capsys):
    assert main(["demo"]) == 0
    assert main(["demo"]) == 0
    assert "already loaded" in capsys.readouterr().out
    assert Incident.objects.count() == 12


def test_demo_reset_reloads(incident, capsys):
    assert main(["demo", "--reset"]) == 0
    assert Incident.objects.count() == 12


def test_manage_passes_through_to_django(db, capsys):
    assert main(["manage", "check"]) == 0
    assert "no issues" in capsys.readouterr().out


def test_serve_rejects_a_bad_port(capsys):
    assert main(["serve", "--port", "99999"]) == 2


@pytest.mark.parametrize("command", [["serve"], ["createuser", "x"], ["demo"], ["manage", "check"]])
def test_it_says_how_to_install_the_server_extra(monkeypatch, capsys, command):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "django" else real(name, *a)
    )
    assert main(command) == 2
    assert "pip install 'unblame[server]'" in capsys.readouterr().err


def test_demo_generates_history_up_to_the_number_of_incidents_asked(db, capsys):
    from unblame.incidents.history import has_history
    from unblame.insights.models import SearchEntry

    assert main(["demo", "--incidents", "30", "--seed", "3"]) == 0
    captured = capsys.readouterr()
    assert Incident.objects.count() == 30
    assert has_history()
    assert "Loaded 12 demo incidents." in captured.out
    assert "Generated 18 incidents in" in captured.out
    assert "for search in" in captured.out
    # Off a terminal the progress bar is one full line per step, ending at the total:
    # the 18 generated, then the insights rollups of all 30.
    lines = captured.err.splitlines()
    assert any(line.startswith("[" + "#" * 30 + "] 18/18 incidents") for line in lines)
    assert lines[-1].startswith("[" + "#" * 30 + "] 30/30 incidents")
    # Bulk writes send no signals: the index was rebuilt for the generated incidents.
    newest = Incident.objects.order_by("-pk").first()
    assert SearchEntry.objects.filter(incident=newest).exists()
    # Nor were the published sections' findings counted: the demo counts them.
    from unblame.insights.writing import stale_sections
    from unblame.reviews.models import ReviewSection, ReviewState

    published = ReviewSection.objects.filter(review__state=ReviewState.PUBLISHED).exclude(body="")
    generated = Incident.objects.order_by("-pk").values("pk")[:18]
    assert published.filter(review__incident__in=generated).exists()
    assert not stale_sections(published).exists()
    # The rollups the insights reports read are written in the same step, with the counting.
    assert "rows for the insights reports in" in captured.out


def test_demo_does_not_generate_history_twice(db, capsys):
    assert main(["demo", "--incidents", "20"]) == 0
    capsys.readouterr()
    assert main(["demo", "--incidents", "40"]) == 0
    assert "Generated history is already loaded; --reset removes it first." in (
        capsys.readouterr().out
    )
    assert Incident.objects.count() == 20


def test_demo_generates_nothing_when_there_are_enough_incidents(db, capsys):
    assert main(["demo", "--incidents", "5"]) == 0
    assert "There are already 5 incidents or more; nothing generated." in capsys.readouterr().out
    assert Incident.objects.count() == 12


def test_the_same_seed_generates_the_same_history(db, capsys):
    assert main(["demo", "--incidents", "20", "--seed", "9"]) == 0
    first = list(Incident.objects.order_by("pk").values_list("title", "severity__name"))[12:]
    assert main(["demo", "--reset", "--incidents", "20", "--seed", "9"]) == 0
    again = list(Incident.objects.order_by("pk").values_list("title", "severity__name"))[12:]
    assert first == again and len(first) == 8
