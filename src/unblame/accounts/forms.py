from __future__ import annotations

import zoneinfo
from functools import cache

from django import forms

from unblame.accounts.models import RosterName, User


@cache
def timezone_choices() -> list[tuple[str, str]]:
    names = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    return [(name, name.replace("_", " ")) for name in names]


class ProfileForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        choices=timezone_choices,
        help_text="Times are stored in UTC and shown to you in this zone.",
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "timezone", "team"]
        help_texts = {"team": "The action items page can show the items of one team."}


class RoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["role", "is_active", "team"]
        labels = {"is_active": "Can sign in"}


class RosterNameForm(forms.ModelForm):
    class Meta:
        model = RosterName
        fields = ["name"]
        help_texts = {"name": "As people write it, such as Priya or Priya Natarajan."}
        error_messages = {
            "name": {
                "required": "Enter a name.",
                "max_length": f"A name is at most {RosterName.MAX_LENGTH} characters.",
            }
        }

    def clean_name(self) -> str:
        # Runs of spaces and line breaks never match the analyzer's names.
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter a name.")
        if RosterName.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(f"{name} is on the roster already.")
        return name
