from __future__ import annotations

import unicodedata

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from unblame.accounts import throttle
from unblame.accounts.access import require_admin
from unblame.accounts.forms import InviteForm, ProfileForm, RoleForm, RosterNameForm
from unblame.accounts.models import (
    AuditEntry,
    RosterName,
    User,
    record_change,
    record_event,
    snapshot,
    type_label,
)


def _throttled_message(wait: throttle.Wait) -> str:
    minutes, seconds = divmod(wait.seconds, 60)
    left = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    return f"Too many failed sign-in attempts from here. Wait {left} and try again."


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


def _audit_sign_in(
    action: str, user: User | None, typed: str, client: throttle.Client, **extra: object
) -> None:
    """One audit entry per sign-in event; a name matching no account is not kept.

    People type their password into the username field; the log must not keep it.
    """
    name = unicodedata.normalize("NFKC", typed.strip())
    account = user or User.objects.filter(username=name).first()
    actor = user if action == "login" else None
    details = {"address": client.address, "known_device": client.known, **extra}
    if account is None:
        record_event(actor, action, "accounts.user", "", "(no such account)", details)
    else:
        record_event(actor, action, "accounts.user", account.pk, account.username, details)


def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method != "POST":
        return _login_page(request, form)
    typed = request.POST.get("username", "")
    key = throttle.account_key(typed)
    client = throttle.client_for(request, key)
    if wait := throttle.wait(key, client):
        # Checked before the password, so guessing gains nothing meanwhile.
        form = AuthenticationForm(request, initial={"username": typed})
        response = _login_page(request, form, wait, status=429)
        response["Retry-After"] = str(wait.seconds)
        return response
    if form.is_valid():
        user = form.get_user()
        throttle.clear(key, client)
        login(request, user)
        _audit_sign_in("login", user, typed, client)
        response = redirect(_next_url(request))
        throttle.remember_device(request, response, key)
        return response
    _audit_sign_in("login-failed", None, typed, client)
    if wait := throttle.record_failure(key, client):
        _audit_sign_in("login-slowed", None, typed, client, limit=wait.limit, seconds=wait.seconds)
    return _login_page(request, form)


def _login_page(
    request: HttpRequest,
    form: AuthenticationForm,
    wait: throttle.Wait | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "next": _next_url(request),
        "throttled": wait and _throttled_message(wait),
    }
    return render(request, "accounts/login.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        address = request.META.get("REMOTE_ADDR", "")
        record_event(
            request.user,
            "logout",
            "accounts.user",
            request.user.pk,
            request.user.username,
            {"address": address},
        )
    logout(request)
    return redirect("accounts:login")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    before = snapshot(user, ProfileForm.Meta.fields)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            record_change(user, user, "update", before, snapshot(user, ProfileForm.Meta.fields))
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_POST
def new_api_token(request: HttpRequest) -> HttpResponse:
    with transaction.atomic():
        token = request.user.new_api_token()
        record_change(request.user, request.user, "new-api-token")
    return render(
        request,
        "accounts/profile.html",
        {"form": ProfileForm(instance=request.user), "token": token},
    )


@login_required
@require_POST
def revoke_api_token(request: HttpRequest) -> HttpResponse:
    with transaction.atomic():
        request.user.revoke_api_token()
        record_change(request.user, request.user, "revoke-api-token")
    messages.success(request, "Your API token no longer works.")
    return redirect("accounts:profile")


@login_required
def people(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    users = User.objects.all()
    context = {"users": users, "roles": User.Role, "invite_form": InviteForm()}
    return render(request, "accounts/people.html", context)


@login_required
@require_POST
def change_role(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    person = get_object_or_404(User, pk=pk)
    before = snapshot(person, RoleForm.Meta.fields)
    form = RoleForm(request.POST, instance=person)
    if person == admin:
        # Locking yourself out of the admin pages is never what was meant.
        messages.error(request, "You cannot change your own role or access.")
    elif form.is_valid():
        with transaction.atomic():
            form.save()
            record_change(admin, person, "update", before, snapshot(person, RoleForm.Meta.fields))
        messages.success(request, f"{person.username} is now {person.get_role_display()}.")
    else:
        messages.error(request, "That role does not exist.")
    return redirect("accounts:people")


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    entries = AuditEntry.objects.select_related("actor")
    if object_type := request.GET.get("type"):
        entries = entries.filter(object_type=object_type)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    types = AuditEntry.objects.order_by().values_list("object_type", flat=True).distinct()
    labelled = sorted(((t, type_label(t)) for t in types), key=lambda pair: pair[1])
    context = {"page": page, "types": labelled, "selected_type": object_type}
    return render(request, "accounts/audit.html", context)


@login_required
def roster_names(request: HttpRequest) -> HttpResponse:
    """The names admins add so the analyzer reads them as people."""
    admin = require_admin(request)
    form = RosterNameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            added = form.save(commit=False)
            added.added_by = admin
            added.save()
            record_change(admin, added, "create", {}, {"name": added.name})
        messages.success(request, f"{added.name} is on the roster.")
        return redirect("accounts:roster")
    names = RosterName.objects.select_related("added_by")
    context = {"form": form, "names": names}
    return render(request, "accounts/roster.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def roster_name_delete(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    name = get_object_or_404(RosterName, pk=pk)
    with transaction.atomic():
        record_change(admin, name, "delete", {"name": name.name}, {})
        name.delete()
    messages.success(request, f"{name.name} is off the roster.")
    return redirect("accounts:roster")
