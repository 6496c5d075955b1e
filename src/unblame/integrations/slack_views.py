"""Slack's request URLs, the Slack settings page and the one-time account link.

Every request from Slack is checked against the signing secret before its
body is read as anything; a request that fails gets 401 and leaves no trace
(no row, no task, no log line). Genuine requests are acknowledged at once
and their work is queued (integrations.tasks).
"""

from __future__ import annotations

import json
import time
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change
from unblame.integrations import slackbot, tasks
from unblame.integrations.slack_signing import is_genuine


def _quiet(status: int, text: str = "") -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain")
    # Django's request logger would otherwise write every refused request to the log.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _verified_body(request: HttpRequest) -> bytes | None:
    """The raw body when Slack signed it, else None."""
    try:
        body = request.body
    except RequestDataTooBig:
        return None
    secret = slackbot.current_settings().signing_secret
    timestamp = request.headers.get("X-Slack-Request-Timestamp")
    sent = request.headers.get("X-Slack-Signature")
    return body if is_genuine(secret, timestamp, sent, body, time.time()) else None


def _json_object(data: bytes | str) -> dict[str, Any] | None:
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


@csrf_exempt
@require_POST
def events(request: HttpRequest) -> HttpResponse:
    """Events API: the url_verification challenge, and messages queued for the timeline."""
    body = _verified_body(request)
    if body is None:
        return _quiet(401)
    payload = _json_object(body)
    if payload is None:
        return _quiet(400, "body is not a JSON object")
    if payload.get("type") == "url_verification":
        return JsonResponse({"challenge": str(payload.get("challenge", ""))})
    if _is_message(payload):
        tasks.enqueue(tasks.slack_message, payload["event"])
    return HttpResponse(status=200)


def _is_message(payload: dict[str, Any]) -> bool:
    event = payload.get("event")
    return (
        payload.get("type") == "event_callback"
        and isinstance(event, dict)
        and event.get("type") == "message"
        and isinstance(event.get("channel"), str)
    )


@csrf_exempt
@require_POST
def commands(request: HttpRequest) -> HttpResponse:
    """The /unblame slash command: usage at once, everything else answered privately later."""
    body = _verified_body(request)
    if body is None:
        return _quiet(401)
    form = {key: value for key, value in QueryDict(body).items() if isinstance(value, str)}
    if not form.get("user_id") or not form.get("channel_id"):
        return _quiet(400, "user_id and channel_id are required")
    verb = form.get("text", "").strip().split(" ", 1)[0].lower()
    if verb in ("", "help"):
        return JsonResponse({"response_type": "ephemeral", "text": slackbot.USAGE})
    tasks.enqueue(tasks.slack_command, form)
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def interactions(request: HttpRequest) -> HttpResponse:
    """Buttons on unblame's messages (today: "Stop these notes" on a nudge)."""
    body = _verified_body(request)
    if body is None:
        return _quiet(401)
    payload = _json_object(QueryDict(body).get("payload", ""))
    if payload is None:
        return _quiet(400, "payload is not a JSON object")
    reply = slackbot.receive_interaction(payload)
    channel = payload.get("channel") if isinstance(payload.get("channel"), dict) else {}
    if reply and isinstance(channel.get("id"), str):
        tasks.enqueue(tasks.slack_reply, channel["id"], payload["user"]["id"], reply, False)
    return HttpResponse(status=200)


# -- Settings (admins) ------------------------------------------------------------------------


class SlackConfigForm(forms.Form):
    signing_secret = forms.CharField(
        required=False,
        widget=forms.PasswordInput,
        help_text="From the app's Basic Information page. Leave blank to keep the current one.",
    )
    bot_token = forms.CharField(
        required=False,
        widget=forms.PasswordInput,
        help_text="xoxb-… from OAuth & Permissions. Leave blank to keep the current one.",
    )
    api_url = forms.URLField(required=False, label="Web API URL", assume_scheme="https")


@login_required
def slack_settings(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    config = slackbot.SlackConfig.load()
    form = SlackConfigForm(request.POST or None, initial={"api_url": config.api_url})
    if request.method == "POST" and form.is_valid():
        changed = [name for name, value in form.cleaned_data.items() if value]
        for name in changed:
            setattr(config, name, form.cleaned_data[name])
        if "api_url" in request.POST and not form.cleaned_data["api_url"]:
            config.api_url = ""
        config.save()
        # Which settings changed, never their values: they are secrets.
        record_change(admin, config, "update", {}, {"changed": changed})
        messages.success(request, "Slack settings saved.")
        return redirect("integrations:slack_settings")
    current = slackbot.current_settings()
    manifest = slackbot.manifest(settings.SITE_URL, settings.SITE_NAME)
    context = {
        "form": form,
        "current": current,
        "manifest": json.dumps(manifest, indent=2),
        "channels": slackbot.SlackChannel.objects.select_related("incident"),
        "env_names": slackbot.ENV_NAMES,
    }
    return render(
        request, "integrations/slack_settings.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def slack_channel_nudges(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    channel = slackbot.SlackChannel.objects.filter(pk=pk).first()
    if channel is None:
        raise Http404("No such channel.")
    before = {"nudges": channel.nudges}
    channel.nudges = not channel.nudges
    channel.save(update_fields=["nudges"])
    record_change(admin, channel, "update", before, {"nudges": channel.nudges})
    return redirect("integrations:slack_settings")


@login_required
def slack_link(request: HttpRequest) -> HttpResponse:
    """The code that links the signed-in person's Slack account, sent from Slack once."""
    code = slackbot.link_code(request.user)
    return render(request, "integrations/slack_link.html", {"code": code})
