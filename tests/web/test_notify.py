"""accounts.notify: one email to one person, only if they want it, only after the commit.

A rolled-back change sends nothing, and a failing mail server is logged,
never an error for the person whose action caused the email.
"""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.db import transaction

from unblame.accounts import notify

from .conftest import make_user


@pytest.fixture
def dana(db):
    return make_user("dana", "editor", email="dana@example.com")


@pytest.mark.parametrize("kind", list(notify.KINDS))
def test_each_kind_is_sent_until_the_person_turns_it_off(
    dana, kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert notify.email_person(dana, kind, "Subject", "Body")
    assert [m.to for m in mail.outbox] == [["dana@example.com"]]
    setattr(dana, notify.KINDS[kind], False)
    dana.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert not notify.email_person(dana, kind, "Subject", "Body")
    assert len(mail.outbox) == 1


def test_nobody_without_an_address_or_an_active_account_gets_email(dana):
    assert not notify.wants(None, "mention")
    dana.is_active = False
    assert not notify.wants(dana, "mention")
    dana.is_active, dana.email = True, ""
    assert not notify.wants(dana, "mention")


def test_nothing_is_sent_when_the_change_rolls_back(dana, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify.email_person(dana, "mention", "Subject", "Body")
                raise RuntimeError("the save was refused")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []


def test_a_failing_mail_server_is_logged_not_raised(
    dana, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(notify, "send_mail", broken)
    with (
        caplog.at_level(logging.WARNING, logger="unblame.accounts.notify"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert notify.email_person(dana, "due", "Subject", "Body")
    assert f"could not send due email to user {dana.pk}" in caplog.text
    # The address is not written to the log.
    assert "dana@example.com" not in caplog.text
