"""Trackers: per-team settings (admins), "send to tracker" on an item, trackers' webhooks."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change, snapshot
from unblame.actions.models import ActionItem
from unblame.incidents.access import get_incident_for_user
from unblame.integrations.trackers import NotSendable, Tracker, receive_webhook, request_issue

AUDITED = ["team", "kind", "base_url", "project", "email"]
MAX_BODY_BYTES = 1024 * 1024


class TrackerForm(forms.ModelForm):
    base_url = forms.URLField(label="API base URL", required=False, assume_scheme="https")
    token = forms.CharField(widget=forms.PasswordInput, help_text="Kept to call the tracker's API.")

    class Meta:
        model = Tracker
        fields = ["team", "kind", "base_url", "project", "token", "email"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == Tracker.Kind.JIRA and not data.get("base_url"):
            self.add_error("base_url", "Jira needs your site's address.")
        return data


@login_required
def trackers(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    form = TrackerForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            tracker = form.save(commit=False)
            secret = tracker.new_webhook_secret()
            tracker.save()
            record_change(admin, tracker, "create", {}, snapshot(tracker, AUDITED))
        shown, form = (tracker, secret), TrackerForm()
    rows = [(t, _hook_url(request, t)) for t in Tracker.objects.all()]
    context = {"form": form, "rows": rows, "shown": shown}
    if shown is not None:
        context["shown_url"] = _hook_url(request, shown[0])
    return render(
        request, "integrations/trackers.html", context, status=400 if form.errors else 200
    )


def _hook_url(request: HttpRequest, tracker: Tracker) -> str:
    return request.build_absolute_uri(reverse("integrations:tracker_webhook", args=[tracker.pk]))


@login_required
@require_POST
def tracker_delete(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    tracker = get_object_or_404(Tracker, pk=pk)
    with transaction.atomic():
        record_change(admin, tracker, "delete", snapshot(tracker, AUDITED), {})
        tracker.delete()
    messages.success(request, "Tracker removed; the issues stay in the tracker.")
    return redirect("integrations:trackers")


@login_required
@require_POST
def send_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Queue an issue for the item in its team's tracker (editors, on incidents they can see)."""
    incident = get_incident_for_user(request.user, pk, write=True)
    item = get_object_or_404(
        ActionItem.objects.select_related("owner"), pk=item_pk, incident=incident
    )
    try:
        with transaction.atomic():
            link = request_issue(item)
            record_change(request.user, item, "send_to_tracker", {}, {"tracker": str(link.tracker)})
    except NotSendable as reason:
        messages.error(request, str(reason))
    else:
        messages.success(request, f"Sending “{item.title}” to {link.tracker.get_kind_display()}.")
    return redirect(item.get_absolute_url())


@csrf_exempt
@require_POST
def tracker_webhook(request: HttpRequest, pk: int) -> HttpResponse:
    """A tracker saying an issue closed or reopened; 401 alike for no tracker and a bad secret."""
    tracker = Tracker.objects.filter(pk=pk).first()
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
        return JsonResponse({"error": "body too large"}, status=413)
    if tracker is None:
        return JsonResponse({"error": "bad or missing signature"}, status=401)
    status, reason = receive_webhook(tracker, request.headers, request.body)
    return JsonResponse({"result" if status < 400 else "error": reason}, status=status)
