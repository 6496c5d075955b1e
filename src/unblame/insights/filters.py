"""The filters every insights view and the search page take, in one form.

Bad values are ignored rather than refused, as on the incident list: a
stale bookmark still opens the page, with the filter it could read.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from unblame.accounts.models import User
from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident, Responder, Service, Severity
from unblame.insights.models import SearchEntry

FILTER_FIELDS = ("since", "until", "service", "severity", "team")
SEARCH_FIELDS = ("q", "kind", *FILTER_FIELDS)


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        required=False, label=label, widget=forms.DateInput(attrs={"type": "date"})
    )


def teams() -> list[tuple[str, str]]:
    names = User.objects.exclude(team="").order_by("team").values_list("team", flat=True)
    return [(name, name) for name in names.distinct()]


class InsightFilterForm(forms.Form):
    since = _date_field("Declared from")
    until = _date_field("to")
    service = forms.ModelChoiceField(
        required=False, queryset=Service.objects.all(), empty_label="Any service"
    )
    severity = forms.ModelChoiceField(
        required=False, queryset=Severity.objects.all(), empty_label="Any severity"
    )
    team = forms.ChoiceField(required=False, choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "Any team"), *teams()]

    @property
    def data_or_empty(self) -> dict[str, Any]:
        if not self.is_bound:
            return {}
        if self.is_valid():
            return self.cleaned_data
        # Keep what is readable when one field is not.
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def incidents(self, user: Any) -> QuerySet[Incident]:
        """The incidents the user may see, narrowed by the readable filters."""
        return self.narrow(visible_incidents(user))

    def narrow(self, incidents: QuerySet, incident: str = "") -> QuerySet:
        """Incidents, or rows that copy their severity and declared_at, narrowed by the filters.

        `incident` is the path from a row to its incident ("incident__" for
        the rollups, insights.models.Rollup), empty for incidents themselves.
        """
        data = self.data_or_empty
        if severity := data.get("severity"):
            incidents = incidents.filter(severity=severity)
        if service := data.get("service"):
            incidents = incidents.filter(**{f"{incident}services": service})
        if since := data.get("since"):
            incidents = incidents.filter(declared_at__gte=start_of(since))
        if until := data.get("until"):
            incidents = incidents.filter(declared_at__lt=start_of(until) + timedelta(days=1))
        if team := data.get("team"):
            # An incident is a team's when one of its responders is on that team.
            on_team = Responder.objects.filter(incident=OuterRef(f"{incident}pk"), user__team=team)
            incidents = incidents.filter(Exists(on_team))
        return incidents

    def query_string(self, **extra: Any) -> str:
        """The readable filters (and `extra`) as a query string, for links that keep them."""
        data = self.data_or_empty
        pairs = {}
        for name in FILTER_FIELDS:
            value = data.get(name)
            if value:
                pairs[name] = getattr(value, "pk", value)
        pairs.update({key: value for key, value in extra.items() if value not in (None, "")})
        return urlencode(pairs)

    def active(self) -> bool:
        return any(self.data_or_empty.get(name) for name in FILTER_FIELDS)


def start_of(day: Any) -> datetime:
    """Midnight of a date in the viewer's zone: "from 3 March" means their 3 March."""
    return timezone.make_aware(datetime.combine(day, time.min))


class SearchForm(InsightFilterForm):
    q = forms.CharField(required=False, label="Search for", max_length=500)
    kind = forms.ChoiceField(
        required=False, choices=[("", "Anything"), *SearchEntry.Kind.choices], label="In"
    )
