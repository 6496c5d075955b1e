from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from unblame.accounts.models import User
from unblame.accounts.versions import VersionedForm, version_field
from unblame.incidents.dates import DateOutOfRange, check_day, check_time
from unblame.incidents.models import (
    KEY_MOMENTS,
    Incident,
    Responder,
    Service,
    Severity,
    Status,
    TimelineEvent,
)
from unblame.server.limits import cap_free_text

# A datetime-local input: the browser sends local wall time without a zone,
# which Django reads in the active zone (the viewer's) and stores as UTC.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


# Longer searches are refused: SQLite cannot match a LIKE pattern past 50,000
# characters, and no title or summary is searched for by a paragraph.
MAX_QUERY_CHARS = 200


def time_in_range(value: datetime) -> None:
    """A form validator: the time lies in the range unblame stores (incidents/dates.py)."""
    try:
        check_time(value, "the time")
    except DateOutOfRange as exc:
        raise ValidationError(str(exc), code="out_of_range") from None


def day_in_range(value: Any) -> None:
    """A form validator: the date's year lies in the range unblame stores."""
    try:
        check_day(value, "the date")
    except DateOutOfRange as exc:
        raise ValidationError(str(exc), code="out_of_range") from None


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _moment_field(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=DateTimeInput(),
        input_formats=DATETIME_FORMATS,
        validators=[time_in_range],
    )


class IncidentForm(VersionedForm):
    services = forms.ModelMultipleChoiceField(
        queryset=Service.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Incident
        fields = ["title", "severity", "summary", "services", "restricted"] + [
            name for name, _ in KEY_MOMENTS
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_free_text(self)
        for name, label in KEY_MOMENTS:
            self.fields[name] = _moment_field(label)
        # A new incident starts with no severity chosen: whoever declares it
        # judges, rather than accepting the most severe because it came first.
        if self.instance.pk is not None:
            self.fields["severity"].empty_label = None
        else:
            self.fields["severity"].empty_label = "Choose a severity"
        self.fields["severity"].label_from_instance = _severity_label


def _severity_label(severity: Severity) -> str:
    return f"{severity.name} — {severity.label}" if severity.label else severity.name


class TransitionForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    note = forms.CharField(required=False, max_length=500)
    # The incident's version when the page was opened: a status chosen from
    # a stale page must not land over a change made since.
    version = version_field()


class ResponderForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.filter(is_active=True))
    role = forms.ChoiceField(choices=Responder.Role.choices, initial=Responder.Role.RESPONDER)


class EventForm(VersionedForm):
    occurred_at = forms.DateTimeField(
        label="When",
        widget=DateTimeInput(),
        input_formats=DATETIME_FORMATS,
        validators=[time_in_range],
    )

    class Meta:
        model = TimelineEvent
        fields = ["occurred_at", "kind", "text", "highlighted"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_free_text(self)
        # Status and field changes are written by unblame when they happen.
        self.fields["kind"].choices = [
            choice
            for choice in TimelineEvent.Kind.choices
            if choice[0] not in (TimelineEvent.Kind.STATUS_CHANGE, TimelineEvent.Kind.FIELD_CHANGE)
        ]
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0))


class ServiceForm(VersionedForm):
    class Meta:
        model = Service
        fields = ["name", "description"]
        widgets = {"description": forms.TextInput()}


class SeverityForm(VersionedForm):
    class Meta:
        model = Severity
        fields = ["rank", "name", "label", "description"]
        widgets = {"description": forms.TextInput()}


SeverityFormSet = forms.modelformset_factory(Severity, form=SeverityForm, extra=1)


class IncidentFilterForm(forms.Form):
    """The list filters, all optional; a bad value is left out and its error shown."""

    q = forms.CharField(required=False, label="Search", max_length=MAX_QUERY_CHARS)
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), ("open", "Open"), *Status.choices]
    )
    severity = forms.ModelChoiceField(
        required=False, queryset=Severity.objects.all(), empty_label="Any severity"
    )
    service = forms.ModelChoiceField(
        required=False, queryset=Service.objects.all(), empty_label="Any service"
    )
    since = forms.DateField(
        required=False,
        label="Declared from",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[day_in_range],
    )
    until = forms.DateField(
        required=False,
        label="to",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[day_in_range],
    )
    mine = forms.BooleanField(required=False, label="Only mine")

    def filter(self, incidents: QuerySet[Incident], user: Any) -> QuerySet[Incident]:
        """Narrow an already access-checked queryset by the valid filters."""
        data = self.valid_values()
        if query := data.get("q", "").strip():
            incidents = incidents.filter(Q(title__icontains=query) | Q(summary__icontains=query))
        if status := data.get("status"):
            incidents = (
                incidents.exclude(status__in=[Status.RESOLVED, Status.CLOSED])
                if status == "open"
                else incidents.filter(status=status)
            )
        if severity := data.get("severity"):
            incidents = incidents.filter(severity=severity)
        if service := data.get("service"):
            # One row per incident: an incident lists a service at most once.
            incidents = incidents.filter(services=service)
        if since := data.get("since"):
            incidents = incidents.filter(declared_at__gte=_start_of(since))
        if until := data.get("until"):
            incidents = incidents.filter(declared_at__lt=_start_of(until) + timedelta(days=1))
        if data.get("mine"):
            mine = Responder.objects.filter(incident=OuterRef("pk"), user=user)
            incidents = incidents.filter(Q(created_by=user) | Exists(mine))
        return incidents

    def valid_values(self) -> dict[str, Any]:
        """The filters that passed their checks; a bad one is left out and its error shown."""
        if not self.is_bound:
            return {}
        self.is_valid()  # runs the checks once; cleaned_data keeps the fields that passed
        return self.cleaned_data

    def active(self) -> bool:
        return any(self.valid_values().values())


def _start_of(day: Any) -> datetime:
    """Midnight of a date in the viewer's zone: "from 3 March" means their 3 March."""
    return timezone.make_aware(datetime.combine(day, time.min))
