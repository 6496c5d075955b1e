"""Deleting into the trash, the trash page, and merging duplicates.

Deleting asks first (a confirmation page, so it works without JavaScript);
admins restore or purge from the trash. Incidents come through
incidents.access like everywhere else; the trash page is for admins only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.incidents.access import get_event_for_user, get_incident_for_user, visible_incidents
from unblame.incidents.merge import merge_incidents
from unblame.incidents.models import Incident, TimelineEvent

TRASHABLE = {"incident": Incident, "event": TimelineEvent}


@login_required
def incident_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    incident = get_incident_for_user(request.user, pk)
    if request.method == "POST":
        incident.trash(request.user)
        messages.success(request, f"Incident #{incident.pk} moved to the trash.")
        return redirect("incidents:list")
    context = {
        "what": f"incident #{incident.pk}, “{incident.title}”",
        "consequence": "It disappears from every list, search and report until an admin "
        "restores it from the trash.",
        "back": incident.get_absolute_url(),
    }
    return render(request, "incidents/confirm_delete.html", context)


@login_required
def event_delete(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    incident, event = get_event_for_user(request.user, pk, event_pk, write=True)
    if event.is_system:
        # unblame's own entries mirror recorded facts (a status change); the fact is changed.
        raise PermissionDenied("Entries unblame writes itself are not deleted by hand.")
    if request.method == "POST":
        event.trash(request.user)
        messages.success(request, "Timeline event moved to the trash; an admin can restore it.")
        return redirect(f"{incident.get_absolute_url()}#timeline")
    context = {
        "what": f"this {event.get_kind_display().lower()} by {event.author_display}",
        "quote": event.text,
        "consequence": "It leaves the timeline; an admin can restore it from the trash.",
        "back": f"{incident.get_absolute_url()}#event-{event.pk}",
    }
    return render(request, "incidents/confirm_delete.html", context)


@login_required
def trash(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    incidents = Incident.all_objects.filter(deleted_at__isnull=False).select_related("deleted_by")
    events = (
        TimelineEvent.all_objects.filter(
            deleted_at__isnull=False, incident__deleted_at__isnull=True
        )
        .select_related("deleted_by", "incident", "author")
        .order_by("-deleted_at")
    )
    context = {"incidents": incidents.order_by("-deleted_at"), "events": events}
    return render(request, "incidents/trash.html", context)


def _trashed(kind: str, pk: int):
    model = TRASHABLE.get(kind)
    if model is None:
        raise Http404("No such kind.")
    return get_object_or_404(model.all_objects, pk=pk, deleted_at__isnull=False)


@login_required
@require_POST
def trash_restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    require_admin(request)
    row = _trashed(kind, pk)
    row.restore(request.user)
    messages.success(request, f"Restored {row}.")
    return redirect("incidents:trash")


@login_required
@require_POST
def trash_purge(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    require_admin(request)
    row = _trashed(kind, pk)
    if request.POST.get("confirm") != "purge":
        messages.error(request, "Tick the box to confirm: purging cannot be undone.")
        return redirect("incidents:trash")
    label = str(row)
    row.purge(request.user)
    messages.success(request, f"Deleted for good: {label}.")
    return redirect("incidents:trash")


@login_required
def incident_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge another incident (a duplicate) into this one, after a confirmation."""
    require_admin(request)
    kept = get_incident_for_user(request.user, pk, write=True)
    candidates = visible_incidents(request.user).exclude(pk=kept.pk).select_related("severity")
    number = request.POST.get("duplicate") or request.GET.get("duplicate")
    duplicate = candidates.filter(pk=number).first() if str(number or "").isdigit() else None
    error = "" if duplicate or not number else f"There is no other incident #{number} to merge."
    if request.method == "POST" and duplicate is not None and request.POST.get("confirm"):
        try:
            moved = merge_incidents(kept, duplicate, request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            parts = ", ".join(f"{count} {kind}" for kind, count in moved.items() if count)
            messages.success(
                request,
                f"Merged #{duplicate.pk} into this incident ({parts or 'nothing to move'}).",
            )
            return redirect(kept)
    context = {
        "incident": kept,
        "duplicate": duplicate,
        "candidates": candidates[:200],
        "error": error,
        "back": reverse("incidents:detail", args=[kept.pk]),
    }
    return render(request, "incidents/merge.html", context, status=400 if error else 200)
