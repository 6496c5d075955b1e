"""Resolving an incident whose mitigated time is empty asks for it first.

Time to mitigate is the figure people compare across incidents; resolving
without it leaves that blank for good. So the move to Resolved stops on a
short question: when were users no longer hurt (a time), at the moment of
resolving, or not known. The answer is recorded like any edit of the
incident (timeline and audit log) and the move goes on.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from unblame.accounts.versions import EditConflict, conflict_page
from unblame.incidents.forms import DATETIME_FORMATS, DateTimeInput, time_in_range
from unblame.incidents.models import Incident, Status, moment_order_errors

CHOICES = [
    ("time", "At this time"),
    ("now", "When it is resolved, now"),
    ("unknown", "Not known; leave it empty"),
]


class MitigatedForm(forms.Form):
    mitigated = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, label="Mitigated")
    mitigated_at = forms.DateTimeField(
        label="Mitigated at",
        required=False,
        widget=DateTimeInput(),
        input_formats=DATETIME_FORMATS,
        validators=[time_in_range],
    )

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.incident = incident

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        choice, at = data.get("mitigated"), data.get("mitigated_at")
        if choice == "time" and at is None:
            self.add_error("mitigated_at", "Give the time users were no longer affected.")
        elif choice == "time":
            moments = {name: getattr(self.incident, name) for name in ("impact_started_at",)}
            moments |= {"mitigated_at": at, "resolved_at": self.incident.resolved_at}
            if errors := moment_order_errors(moments):
                self.add_error("mitigated_at", " ".join(errors.values()))
            elif at > timezone.now():
                self.add_error("mitigated_at", "Mitigated cannot be in the future.")
        return data

    def value(self) -> Any:
        choice = self.cleaned_data["mitigated"]
        return {"time": self.cleaned_data.get("mitigated_at"), "now": timezone.now()}.get(choice)


def mitigation_prompt(request: HttpRequest, incident: Incident, move: dict[str, Any]):
    """None to go on with the move; else the page that asks (or says the change was stale)."""
    if move["status"] != Status.RESOLVED or incident.mitigated_at is not None:
        return None
    if "mitigated" not in request.POST:
        return _ask(request, incident, move, MitigatedForm(incident=incident))
    form = MitigatedForm(request.POST, incident=incident)
    if not form.is_valid():
        return _ask(request, incident, move, form, status=400)
    value = form.value()
    if value is None:
        return None
    before = incident.snapshot()
    incident.mitigated_at = value
    try:
        incident.save(update_fields=["mitigated_at", "updated_at"])
    except EditConflict as error:
        return conflict_page(
            request, error, incident.get_absolute_url(), f"incident #{incident.pk}"
        )
    incident.record_edit(request.user, before)
    return None


def _ask(
    request: HttpRequest, incident: Incident, move: dict[str, Any], form: MitigatedForm, status=200
) -> HttpResponse:
    context = {"incident": incident, "move": move, "form": form}
    return render(request, "incidents/mitigated_prompt.html", context, status=status)
