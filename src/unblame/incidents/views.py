"""Incident pages. Every view gets its incidents through incidents.access."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change, snapshot
from unblame.accounts.versions import (
    EditConflict,
    after_conflict,
    conflict_page,
    describe_all,
    posted_version,
    rebased_all,
    save_each,
)
from unblame.incidents.access import (
    can_write,
    get_event_for_user,
    get_incident_for_user,
    hidden_incidents,
    visible_incidents,
)
from unblame.incidents.forms import (
    EventForm,
    IncidentFilterForm,
    IncidentForm,
    ResponderForm,
    ServiceForm,
    SeverityFormSet,
    TransitionForm,
)
from unblame.incidents.mitigation import mitigation_prompt
from unblame.incidents.models import Incident, Responder, Service, Status
from unblame.incidents.services import declare
from unblame.incidents.timeline import events_of, timeline_for
from unblame.incidents.triage import TriageEntry
from unblame.server.csv_export import BATCH, batches, csv_response
from unblame.server.paging import page_by_key

PAGE_SIZE = 25


def _is_htmx(request: HttpRequest) -> bool:
    # A history restore wants the whole page, not the fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _require_writer(request: HttpRequest) -> None:
    if not can_write(request.user):
        raise PermissionDenied


def _filtered(request: HttpRequest) -> tuple[IncidentFilterForm, object]:
    form = IncidentFilterForm(request.GET or None)
    incidents = form.filter(visible_incidents(request.user), request.user)
    return form, incidents.select_related("severity").prefetch_related("services")


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    form, incidents = _filtered(request)
    # Keys first, then the page's rows; counted up to a cap (server.paging):
    # counting every visible incident grew with the table.
    page = page_by_key(incidents, request.GET.get("page"), PAGE_SIZE)
    context = {"form": form, "page": page, "can_write": can_write(request.user)}
    context["triage_waiting"] = TriageEntry.waiting().count()
    template = "incidents/_results.html" if _is_htmx(request) else "incidents/list.html"
    return render(request, template, context)


@login_required
def incident_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered list as CSV, times in UTC so spreadsheets sort them; streamed."""
    _, incidents = _filtered(request)
    return csv_response("incidents.csv", EXPORT_COLUMNS, _export_rows(incidents))


EXPORT_COLUMNS = ["id", "title", "severity", "status", "services", "declared_at", "resolved_at"]


def _export_rows(incidents) -> Iterator[list[object]]:
    # Plain values rather than model instances: building an incident, its
    # severity and its services per row was most of a long export's time.
    values = incidents.values_list(
        "pk", "title", "severity__name", "status", "declared_at", "resolved_at"
    )
    for batch in batches(values.iterator(chunk_size=BATCH)):
        names = _service_names([row[0] for row in batch])
        for pk, title, severity, status, declared, resolved in batch:
            services = ";".join(names.get(pk, ()))
            resolved_text = resolved.isoformat() if resolved else ""
            yield [pk, title, severity, status, services, declared.isoformat(), resolved_text]


def _service_names(incident_ids: list[int]) -> dict[int, list[str]]:
    """Incident id -> the names of its services, by name, in one query for a batch."""
    links = Incident.services.through.objects.filter(incident_id__in=incident_ids)
    names: dict[int, list[str]] = {}
    for incident_id, name in links.order_by("service__name").values_list(
        "incident_id", "service__name"
    ):
        names.setdefault(incident_id, []).append(name)
    return names


def _timeline(incident: Incident):
    return events_of(incident)


def _detail_context(request: HttpRequest, incident: Incident, **extra: object) -> dict:
    writer = can_write(request.user)
    context = {
        "incident": incident,
        "responders": incident.responders.select_related("user"),
        "timeline": timeline_for(incident, request.GET),
        "status_changes": incident.status_changes.select_related("actor"),
        "can_write": writer,
        "transitions": [Status(value) for value in incident.allowed_transitions()],
        "event_form": EventForm() if writer else None,
        "responder_form": ResponderForm() if writer else None,
    }
    context.update(extra)
    return context


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk)
    return render(request, "incidents/detail.html", _detail_context(request, incident))


@login_required
def incident_create(request: HttpRequest) -> HttpResponse:
    _require_writer(request)
    form = IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        incident = declare(form.save(commit=False), request.user, form.cleaned_data["services"])
        messages.success(request, "Incident declared.")
        return redirect(incident)
    return render(request, "incidents/form.html", {"form": form, "incident": None})


@login_required
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    before = incident.snapshot()
    form = IncidentForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                changed = incident.record_edit(request.user, before)
        except EditConflict as error:
            form, conflict = after_conflict(
                request, error, form, lambda data, stored: IncidentForm(data, instance=stored)
            )
            context = {"form": form, "incident": incident, "conflict": conflict}
            return render(request, "incidents/form.html", context, status=409)
        messages.success(request, "Incident updated." if changed else "Nothing changed.")
        return redirect(incident)
    return render(request, "incidents/form.html", {"form": form, "incident": incident})


@login_required
@require_POST
def incident_transition(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a status.")
        return redirect(incident)
    incident.version = form.cleaned_data["version"]
    if (prompt := mitigation_prompt(request, incident, form.cleaned_data)) is not None:
        return prompt
    try:
        # A stale page is told what changed, before any lifecycle rule is applied to it.
        incident.ensure_current()
        incident.transition_to(form.cleaned_data["status"], request.user, form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    except EditConflict as error:
        return conflict_page(request, error, incident.get_absolute_url(), f"incident #{pk}")
    else:
        messages.success(request, f"Status is now {incident.get_status_display().lower()}.")
    return redirect(incident)


@login_required
@require_POST
def responder_add(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    form = ResponderForm(request.POST)
    if form.is_valid():
        incident.add_responder(form.cleaned_data["user"], form.cleaned_data["role"], request.user)
        messages.success(request, f"{form.cleaned_data['user']} added.")
    else:
        messages.error(request, "Choose a person and a role.")
    return redirect(incident)


@login_required
@require_POST
def responder_remove(request: HttpRequest, pk: int, responder_pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    responder = get_object_or_404(Responder, pk=responder_pk, incident=incident)
    responder.version = posted_version(request)
    try:
        with transaction.atomic():
            before = {"user": str(responder.user), "role": responder.role}
            record_change(request.user, responder, "delete", before, {})
            responder.delete()
    except EditConflict as error:
        return conflict_page(request, error, incident.get_absolute_url(), str(responder.user))
    messages.success(request, f"{responder.user} removed.")
    return redirect(incident)


@login_required
@require_POST
def event_add(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    form = EventForm(request.POST)
    if form.is_valid():
        incident.add_event(request.user, **form.cleaned_data)
        if not _is_htmx(request):
            return redirect(f"{incident.get_absolute_url()}#timeline")
        form = EventForm()
    elif not _is_htmx(request):
        context = _detail_context(request, incident, event_form=form)
        return render(request, "incidents/detail.html", context, status=400)
    # htmx swaps only 2xx answers, so errors come back as 200 with the form.
    context = {"incident": incident, "event_form": form}
    context["timeline"] = timeline_for(incident, {"page": "last"})
    context["can_write"] = True
    return render(request, "incidents/_timeline.html", context)


@login_required
def event_edit(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    incident, event = get_event_for_user(request.user, pk, event_pk, write=True)
    if event.is_system:
        raise PermissionDenied
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        # Edit through the model so the previous version is kept; the form
        # must not save the instance it has already been bound to.
        changes = dict(form.cleaned_data)
        event.refresh_from_db()
        event.version = changes.pop("version")
        try:
            event.edit(request.user, **changes)
        except EditConflict as error:
            form, conflict = after_conflict(
                request, error, form, lambda data, stored: EventForm(data, instance=stored)
            )
            context = {"incident": incident, "event": event, "form": form, "conflict": conflict}
            return render(request, "incidents/event_form.html", context, status=409)
        messages.success(request, "Event updated; the earlier version is in its history.")
        return redirect(f"{incident.get_absolute_url()}#event-{event.pk}")
    context = {"incident": incident, "event": event, "form": form}
    return render(request, "incidents/event_form.html", context)


@login_required
def event_history(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    incident, event = get_event_for_user(request.user, pk, event_pk)
    revisions = event.revisions.select_related("edited_by")
    context = {"incident": incident, "event": event, "revisions": revisions}
    return render(request, "incidents/event_history.html", context)


@login_required
@require_POST
def event_highlight(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    incident, event = get_event_for_user(request.user, pk, event_pk, write=True)
    event.version = posted_version(request)
    # The button says what it asks for, so repeating it after a conflict does
    # not flip back what someone else just set.
    wanted = request.POST.get("highlighted", "1" if not event.highlighted else "0") == "1"
    try:
        event.edit(request.user, highlighted=wanted)
    except EditConflict as error:
        back = f"{incident.get_absolute_url()}#event-{event.pk}"
        return conflict_page(request, error, back, "this timeline event")
    if _is_htmx(request):
        event = _timeline(incident).get(pk=event.pk)
        context = {"incident": incident, "event": event, "can_write": True}
        return render(request, "incidents/_event.html", context)
    return redirect(f"{incident.get_absolute_url()}#event-{event.pk}")


@login_required
def service_list(request: HttpRequest) -> HttpResponse:
    form = ServiceForm(request.POST or None)
    if request.method == "POST":
        _require_writer(request)
        if form.is_valid():
            with transaction.atomic():
                service = form.save()
                record_change(request.user, service, "create", {}, snapshot(service, ["name"]))
            messages.success(request, f"Service {service.name} added.")
            return redirect("incidents:services")
    services = list(Service.objects.all())
    counts = _incident_counts(request.user)
    for service in services:
        service.incident_count = counts.get(service.pk, 0)
    context = {"services": services, "form": form, "can_write": can_write(request.user)}
    return render(request, "incidents/services.html", context)


def _incident_counts(user) -> dict[int, int]:
    """Service id -> how many incidents `user` sees there.

    Every link of a service to an incident is counted on the links' index,
    then those to incidents hidden from the user (in the trash, restricted)
    are taken off; counting through the visible incidents read every one of
    them, seconds at 100,000.
    """
    through = Incident.services.through
    counts = dict(through.objects.order_by().values_list("service_id").annotate(n=Count("*")))
    hidden = through.objects.filter(incident_id__in=hidden_incidents(user).values("pk"))
    for service_id, n in hidden.order_by().values_list("service_id").annotate(n=Count("*")):
        counts[service_id] -= n
    return counts


@login_required
def severity_settings(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    formset = SeverityFormSet(request.POST or None)
    if request.method == "POST" and formset.is_valid():
        conflicts = save_each(formset.forms, lambda form: _save_severity(admin, form))
        if not conflicts:
            messages.success(request, "Severities saved.")
            return redirect("incidents:severities")
        formset = SeverityFormSet(rebased_all(request.POST, conflicts))
        context = {"formset": formset, "conflict": describe_all(conflicts, "the severities")}
        return render(request, "incidents/severities.html", context, status=409)
    return render(request, "incidents/severities.html", {"formset": formset})


def _save_severity(admin, form) -> None:
    fields = [name for name in form.fields if name != "version"]
    before = snapshot(form.instance, fields) if form.instance.pk else {}
    severity = form.save()
    action = "update" if before else "create"
    record_change(admin, severity, action, before, snapshot(severity, fields))
