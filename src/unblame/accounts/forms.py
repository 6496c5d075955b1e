from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from unblame.accounts.invites import name_taken
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
        fields = [
            "first_name",
            "last_name",
            "email",
            "timezone",
            "team",
            "email_on_mention",
            "email_on_assigned",
            "email_on_due",
            "email_on_fell_due",
        ]
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


class InviteForm(forms.Form):
    username = forms.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    email = forms.EmailField(
        required=False, help_text="If given, the link is emailed too; it is shown here either way."
    )
    role = forms.ChoiceField(choices=User.Role.choices, initial=User.Role.VIEWER)

    def clean_username(self) -> str:
        # As the account will be stored: create_user applies NFKC ("ＥＤ" is "ED").
        username = User.normalize_username(self.cleaned_data["username"].strip())
        if name_taken(username):
            raise forms.ValidationError(f"There is already an account called {username}.")
        return username


class AcceptInviteForm(forms.Form):
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput, strip=False)

    def __init__(self, *args: Any, username: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = username

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            try:
                validate_password(first, User(username=self.username))
            except ValidationError as problems:
                self.add_error("password1", problems)
        return data
