"""The triage page: alerts waiting for a person to declare an incident or dismiss them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from unblame.incidents.access import can_write
from unblame.incidents.models import Severity
from unblame.incidents.triage import TriageEntry

DECIDED_SHOWN = 20


class DeclareForm(forms.Form):
    title = forms.CharField(max_length=200)
    # No default: the person deciding chooses; the alert's suggestion is shown beside it.
    severity = forms.ModelChoiceField(
        queryset=Severity.objects.all(),
        empty_label="Choose a severity",
        error_messages={"required": "Choose a severity for the incident."},
    )


def _writer(request: HttpRequest) -> None:
    if not can_write(request.user):
        raise PermissionDenied


@login_required
def triage(request: HttpRequest) -> HttpResponse:
    waiting = [
        (entry, DeclareForm(initial={"title": entry.title}, prefix=f"t{entry.pk}"))
        for entry in TriageEntry.waiting()
    ]
    return _page(request, waiting)


def _page(request: HttpRequest, waiting: list, status: int = 200) -> HttpResponse:
    decided = TriageEntry.objects.exclude(state=TriageEntry.State.OPEN)
    context = {
        "waiting": waiting,
        "decided": decided.select_related("incident", "decided_by")[:DECIDED_SHOWN],
        "can_write": can_write(request.user),
    }
    return render(request, "incidents/triage.html", context, status=status)


@login_required
@require_POST
def triage_declare(request: HttpRequest, pk: int) -> HttpResponse:
    _writer(request)
    entry = get_object_or_404(TriageEntry, pk=pk, state=TriageEntry.State.OPEN)
    form = DeclareForm(request.POST, prefix=f"t{entry.pk}")
    if form.is_valid():
        try:
            incident = entry.declare(
                request.user, form.cleaned_data["severity"], form.cleaned_data["title"]
            )
        except ValidationError as problem:
            form.add_error(None, " ".join(problem.messages))
        else:
            messages.success(request, f"Declared incident #{incident.pk} from the alerts.")
            return redirect(incident)
    waiting = [
        (
            other,
            form
            if other.pk == entry.pk
            else DeclareForm(initial={"title": other.title}, prefix=f"t{other.pk}"),
        )
        for other in TriageEntry.waiting()
    ]
    return _page(request, waiting, status=400)


@login_required
@require_POST
def triage_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    _writer(request)
    entry = get_object_or_404(TriageEntry, pk=pk, state=TriageEntry.State.OPEN)
    entry.dismiss(request.user)
    messages.success(
        request, f"Dismissed “{entry.title}”. New alerts of its group open a new entry."
    )
    return redirect("incidents:triage")
