"""Outbound webhook settings (admins): endpoints, their delivery log, and redelivery."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change, snapshot
from unblame.integrations import tasks
from unblame.integrations.webhooks import EVENTS, WebhookDelivery, WebhookEndpoint

AUDITED = ["name", "url", "events", "allow_restricted", "active"]
LOG_ROWS = 100


class EndpointForm(forms.ModelForm):
    url = forms.URLField(label="URL", max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=list(EVENTS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every event.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "allow_restricted"]


@login_required
def endpoints(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    form = EndpointForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            endpoint = form.save(commit=False)
            secret = endpoint.new_secret()
            endpoint.save()
            record_change(admin, endpoint, "create", {}, snapshot(endpoint, AUDITED))
        shown, form = (endpoint, secret), EndpointForm()
    context = {"form": form, "shown": shown, "endpoints": WebhookEndpoint.objects.all()}
    return render(
        request, "integrations/webhooks.html", context, status=400 if form.errors else 200
    )


@login_required
def endpoint_log(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    deliveries = endpoint.deliveries.all()[:LOG_ROWS]
    context = {"endpoint": endpoint, "deliveries": deliveries}
    return render(request, "integrations/webhook_log.html", context)


@login_required
@require_POST
def endpoint_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoint.active = not endpoint.active
    endpoint.save(update_fields=["active"])
    record_change(
        admin, endpoint, "update", {"active": not endpoint.active}, {"active": endpoint.active}
    )
    return redirect("integrations:webhooks")


@login_required
@require_POST
def endpoint_delete(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    with transaction.atomic():
        record_change(admin, endpoint, "delete", snapshot(endpoint, AUDITED), {})
        endpoint.delete()
    messages.success(request, f"{endpoint.name} removed, with its delivery log.")
    return redirect("integrations:webhooks")


@login_required
@require_POST
def redeliver(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a logged delivery again, as a new delivery with its own attempts."""
    admin = require_admin(request)
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    with transaction.atomic():
        again = delivery.again()
        record_change(admin, again, "redeliver", {}, {"of": delivery.pk})
        tasks.enqueue(tasks.deliver_webhook, again.pk)
    messages.success(request, f"Delivery {delivery.pk} queued again as {again.pk}.")
    return redirect("integrations:webhook_log", delivery.endpoint_id)
