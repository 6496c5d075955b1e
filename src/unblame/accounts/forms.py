from __future__ import annotations

import zoneinfo
from functools import cache

from django import forms

from unblame.accounts.models import User


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
