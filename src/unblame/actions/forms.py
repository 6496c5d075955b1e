from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from unblame.accounts.models import User
from unblame.accounts.versions import VersionedForm, version_field
from unblame.actions.models import (
    ActionItem,
    ActionItemQuerySet,
    ContributingFactor,
    FactorCategory,
)
from unblame.incidents.models import Incident, Service, TimelineEvent
from unblame.server.limits import cap_free_text


def _event_label(event: TimelineEvent) -> str:
    text = " ".join(event.text.split())
    when = timezone.localtime(event.occurred_at).strftime("%d %b %H:%M")
    return f"{when} · {text[:90]}{'…' if len(text) > 90 else ''}"


def _person_label(user: User) -> str:
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


def possible_owners(incident: Incident) -> QuerySet[User]:
    """People who may own an item of this incident: those who can see it.

    An owner of a restricted incident's item who could not see the incident
    would get its titles in their reminders, so only its responders and
    admins qualify there.
    """
    people = User.objects.filter(is_active=True)
    if incident.restricted:
        admins = Q(role=User.Role.ADMIN) | Q(is_superuser=True)
        people = people.filter(admins | Q(responder_roles__incident=incident)).distinct()
    return people.order_by("first_name", "username")


def live_hints(form: forms.ModelForm, incident: Incident, fields: tuple[str, ...], of: str) -> None:
    """Ask the server for hints on these fields as the person types (htmx; saving never waits).

    `of` says whose hints: "item" (try-harder remedies) or "factor" (blame).
    """
    url = reverse("actions:check", args=[incident.pk])
    # Items are the check's default, so their addresses stay as they always were.
    whose = "" if of == "item" else f"&of={of}"
    for name in fields:
        form.fields[name].widget.attrs.update(
            {
                "hx-post": f"{url}?field={name}{whose}",
                "hx-trigger": "input changed delay:500ms",
                "hx-target": f"#hint-{name}",
                "hx-swap": "innerHTML",
                "aria-describedby": f"hint-{name}",
            }
        )


class FactorForm(VersionedForm):
    class Meta:
        model = ContributingFactor
        fields = ["category", "description", "events"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "events": forms.CheckboxSelectMultiple,
        }
        labels = {"events": "Timeline events that show it"}
        help_texts = {
            "description": "A condition that helped the incident happen, in the system's terms.",
        }

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_free_text(self)
        self.incident = incident
        self.fields["category"].empty_label = "Choose a category"
        # Only this incident's events: a factor never points into another incident.
        events = self.fields["events"]
        events.queryset = incident.events.order_by("occurred_at", "id")
        events.label_from_instance = _event_label
        events.required = False
        live_hints(self, incident, ("description",), of="factor")


class ActionItemForm(VersionedForm):
    class Meta:
        model = ActionItem
        fields = [
            "title",
            "description",
            "kind",
            "owner",
            "due_date",
            "priority",
            "status",
            "factors",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "factors": forms.CheckboxSelectMultiple,
        }
        labels = {"factors": "Contributing factors it addresses"}
        help_texts = {
            "kind": "Prevent, detect and mitigate change the system; learn items share knowledge.",
        }

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_free_text(self)
        self.incident = incident
        owner = self.fields["owner"]
        owner.queryset = possible_owners(incident)
        owner.label_from_instance = _person_label
        owner.empty_label = "Nobody yet"
        factors = self.fields["factors"]
        factors.queryset = incident.factors.select_related("category")
        factors.required = False
        live_hints(self, incident, ("title", "description"), of="item")


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionItem.Status.choices)
    # The item's version in the row the status was picked from.
    version = version_field()


# -- The cross-incident list --------------------------------------------------------------

ANY = "all"
OPEN = "open"
STATUS_FILTERS = [
    (OPEN, "Open or in progress"),
    (ANY, "Any status"),
    *((f"is_{value}", label) for value, label in ActionItem.Status.choices),
]


def team_choices() -> list[tuple[str, str]]:
    teams = User.objects.exclude(team="").order_by("team").values_list("team", flat=True)
    return [("", "Any team"), *((team, team) for team in dict.fromkeys(teams))]


class ActionFilterForm(forms.Form):
    """The /actions/ filters; every field is optional and bad values are ignored."""

    status = forms.ChoiceField(required=False, choices=STATUS_FILTERS, initial=OPEN)
    mine = forms.BooleanField(required=False, label="Only mine")
    overdue = forms.BooleanField(required=False, label="Only overdue")
    service = forms.ModelChoiceField(
        required=False, queryset=Service.objects.all(), empty_label="Any service"
    )
    team = forms.ChoiceField(required=False, choices=team_choices, label="Owner's team")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any type"), *ActionItem.Kind.choices], label="Type"
    )

    def filter(self, items: ActionItemQuerySet, user: Any) -> ActionItemQuerySet:
        """Narrow an already access-checked queryset by the valid filters."""
        data = self.valid_values()
        status = data.get("status") or OPEN
        if status == OPEN:
            items = items.open()
        elif status != ANY:
            items = items.filter(status=status.removeprefix("is_"))
        if data.get("mine"):
            items = items.filter(owner=user)
        if data.get("overdue"):
            items = items.overdue()
        if service := data.get("service"):
            # One row per item: an incident lists a service at most once.
            items = items.filter(incident__services=service)
        if team := data.get("team"):
            items = items.filter(owner__team=team)
        if kind := data.get("kind"):
            items = items.filter(kind=kind)
        return items

    def valid_values(self) -> dict[str, Any]:
        """The filters that passed their checks: a bad one is left out, not all of them.

        A stale bookmark (a deleted service) must not widen "only mine" to everyone's items.
        """
        if not self.is_bound:
            return {}
        self.is_valid()  # cleaned_data keeps the fields that passed
        return self.cleaned_data

    def active(self) -> bool:
        data = self.valid_values()
        return data.get("status") not in (None, "", OPEN) or any(
            data.get(name) for name in ("mine", "overdue", "service", "team", "kind")
        )


# -- The taxonomy (admins) ------------------------------------------------------------------


class FactorCategoryForm(VersionedForm):
    class Meta:
        model = FactorCategory
        fields = ["position", "name", "description"]
        widgets = {
            "description": forms.TextInput(),
            "position": forms.NumberInput(attrs={"min": 0, "class": "narrow-number"}),
        }
        labels = {"position": "Order"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The extra row is for a new category: blank unless filled in, and
        # then placed last when no order is given.
        self.fields["position"].required = False
        if self.instance.pk is None:
            self.initial["position"] = None

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = FactorCategory.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("There is already a category with this name.")
        return name

    def clean_position(self) -> int:
        position = self.cleaned_data.get("position")
        return FactorCategory.next_position() if position is None else position


FactorCategoryFormSet = forms.modelformset_factory(FactorCategory, form=FactorCategoryForm, extra=1)
