"""Admins invite people by a one-time link; the person sets a password and has the role chosen."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from unblame.accounts.invites import INVITE_DAYS, Invitation
from unblame.accounts.models import AuditEntry, User

INVITE = reverse("accounts:invite")
PASSWORD = "a long enough passphrase 7"


def invite(client, **data):
    return client.post(INVITE, {"username": "nina", "email": "", "role": "editor", **data})


def link_in(page: str) -> str:
    return re.search(r"https?://[^\s<]+/invite/[\w-]+/", page).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_an_admin_gets_a_one_time_link_shown_once(as_admin, admin):
    response = invite(as_admin)
    assert response.status_code == 200
    page = response.content.decode()
    url = link_in(page)
    invitation = Invitation.objects.get()
    assert (invitation.username, invitation.role, invitation.created_by) == (
        "nina",
        "editor",
        admin,
    )
    # Only a digest is kept.
    assert url.rstrip("/").rsplit("/", 1)[1] not in invitation.token_digest
    assert AuditEntry.objects.filter(action="invite").exists()
    assert url not in as_admin.get(reverse("accounts:people")).content.decode()


def test_the_link_is_emailed_when_an_address_is_given(as_admin):
    page = invite(as_admin, email="nina@example.com").content.decode()
    [message] = mail.outbox
    assert message.to == ["nina@example.com"]
    assert link_in(page) in message.body


def test_accepting_makes_the_account_with_the_role_and_signs_in(as_admin):
    url = path_of(link_in(invite(as_admin).content.decode()))
    guest = Client()
    assert "Welcome to unblame, nina" in guest.get(url).content.decode()
    response = guest.post(url, {"first_name": "Nina", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    nina = User.objects.get(username="nina")
    assert (nina.role, nina.first_name, nina.check_password(PASSWORD)) == ("editor", "Nina", True)
    assert guest.get("/incidents/").status_code == 200


def test_the_link_works_once(as_admin):
    url = path_of(link_in(invite(as_admin).content.decode()))
    Client().post(url, {"password1": PASSWORD, "password2": PASSWORD})
    again = Client().post(url, {"password1": PASSWORD, "password2": PASSWORD})
    assert again.status_code == 404
    assert User.objects.filter(username="nina").count() == 1


def test_the_link_expires(as_admin):
    url = path_of(link_in(invite(as_admin).content.decode()))
    with time_machine.travel(Invitation.objects.get().expires_at + timedelta(seconds=1)):
        assert Client().get(url).status_code == 404
    assert INVITE_DAYS == 7


def test_a_wrong_token_is_refused(db):
    assert Client().get("/invite/not-a-token/").status_code == 404


def test_a_weak_or_mismatched_password_is_refused_and_keeps_the_link(as_admin):
    url = path_of(link_in(invite(as_admin).content.decode()))
    weak = Client().post(url, {"password1": "nina", "password2": "nina"})
    assert weak.status_code == 200
    assert not User.objects.filter(username="nina").exists()
    mismatch = Client().post(url, {"password1": PASSWORD, "password2": PASSWORD + "x"})
    assert "The two passwords differ." in mismatch.content.decode()
    assert Invitation.objects.get().usable


def test_an_existing_username_cannot_be_invited_in_any_case(as_admin, editor):
    response = invite(as_admin, username="ED")
    assert response.status_code == 400
    assert "There is already an account called ED." in response.content.decode()
    assert not Invitation.objects.exists()


def test_only_admins_invite(as_editor):
    assert invite(as_editor).status_code == 403
    assert not Invitation.objects.exists()


def test_deactivating_someone_stops_their_sign_in(as_admin, viewer):
    as_admin.post(reverse("accounts:change_role", args=[viewer.pk]), {"role": "viewer", "team": ""})
    viewer.refresh_from_db()
    assert not viewer.is_active
    client = Client()
    assert not client.login(username="vic", password="correct horse 1")


def test_a_name_sign_in_reads_as_an_existing_one_cannot_be_invited(as_admin, editor):
    # Full-width letters are "ED" after NFKC; "ED" is "ed" to the sign-in throttle.
    for name in ("ＥＤ", "Ｅd"):
        response = invite(as_admin, username=name)
        assert response.status_code == 400, name
        assert "There is already an account called E" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_invitation_keeps_the_name_as_it_will_be_stored(as_admin):
    invite(as_admin, username="ｎｉｎａ")
    assert Invitation.objects.get().username == "nina"


def test_a_name_taken_after_the_invitation_refuses_it_and_makes_nothing(as_admin, admin):
    url = path_of(link_in(invite(as_admin).content.decode()))
    User.objects.create_user(username="NINA", password="x" * 12)
    response = Client().post(url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert "This invitation cannot be used any more." in response.content.decode()
    assert list(User.objects.filter(username__iexact="nina").values_list("username")) == [("NINA",)]
    # Nothing of the refused acceptance was kept.
    assert Invitation.objects.get().accepted_at is None


def test_an_accepted_invitation_cannot_be_accepted_again_in_code(db, admin):
    invitation, _ = Invitation.make(admin, "nina", "", "viewer")
    invitation.accept(PASSWORD)
    with pytest.raises(ValueError, match="cannot be used any more"):
        invitation.accept(PASSWORD)
    assert User.objects.filter(username="nina").count() == 1


def test_an_invalid_role_or_username_is_refused_and_nothing_stored(as_admin):
    assert invite(as_admin, role="owner").status_code == 400
    assert invite(as_admin, username="nina smith").status_code == 400
    assert invite(as_admin, email="not an address").status_code == 400
    assert not Invitation.objects.exists()
