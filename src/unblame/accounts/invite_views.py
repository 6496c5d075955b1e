"""Inviting people from the People page, and the one-time link that makes their account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.forms import AcceptInviteForm, InviteForm
from unblame.accounts.invites import INVITE_DAYS, Invitation
from unblame.accounts.models import User
from unblame.accounts.notify import link


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    form = InviteForm(request.POST)
    if not form.is_valid():
        users = User.objects.all()
        context = {"users": users, "roles": User.Role, "invite_form": form}
        return render(request, "accounts/people.html", context, status=400)
    data = form.cleaned_data
    invitation, token = Invitation.make(admin, data["username"], data["email"], data["role"])
    url = link(reverse("accounts:accept_invite", args=[token]))
    if invitation.email:
        _email_invitation(invitation, url, admin)
    context = {
        "users": User.objects.all(),
        "roles": User.Role,
        "invite_form": InviteForm(),
        "invited": invitation,
        "invite_url": url,
        "invite_days": INVITE_DAYS,
    }
    return render(request, "accounts/people.html", context)


def _email_invitation(invitation: Invitation, url: str, admin: User) -> None:
    from django.core.mail import send_mail

    body = (
        f"{admin} invited you to unblame as {invitation.get_role_display().lower()} "
        f"({invitation.username}).\n\nSet your password here within {INVITE_DAYS} days; "
        f"the link works once:\n\n{url}\n"
    )
    send_mail("You are invited to unblame", body, None, [invitation.email], fail_silently=True)


def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.for_token(token)
    if invitation is None:
        context = {"invitation": None}
        return render(request, "accounts/accept_invite.html", context, status=404)
    form = AcceptInviteForm(request.POST or None, username=invitation.username)
    if request.method == "POST" and form.is_valid():
        names = {k: form.cleaned_data[k] for k in ("first_name", "last_name")}
        try:
            user = invitation.accept(form.cleaned_data["password1"], **names)
        except ValueError as problem:
            form.add_error(None, str(problem))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user}. Your account is ready.")
            return redirect("/")
    context = {"invitation": invitation, "form": form}
    return render(request, "accounts/accept_invite.html", context)
