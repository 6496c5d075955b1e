from __future__ import annotations

import zoneinfo
from functools import lru_cache
from typing import Any

from django import forms

from unblame.incidents.forms import day_in_range
from unblame.incidents.models import Service, Severity
from unblame.integrations.models import AlertSource
from unblame.integrations.slack import MAX_UPLOAD_BYTES


@lru_cache(maxsize=1)
def _zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class ChatUploadForm(forms.Form):
    file = forms.FileField(
        label="Chat file",
        help_text="A Slack export (.zip), one channel's day file (.json), or a plain-text "
        "transcript (.txt).",
    )
    time_zone = forms.ChoiceField(
        label="Time zone of the transcript",
        help_text="Transcripts rarely say their zone; Slack exports carry UTC times and "
        "ignore this.",
    )
    day = forms.DateField(
        label="Date of the transcript",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[day_in_range],
        help_text="For transcripts whose lines carry only a time, like 14:03 dana: …",
    )
    channel = forms.CharField(
        label="Slack channel",
        required=False,
        max_length=80,
        help_text="Import only this channel of a whole export; leave empty for all of them.",
    )

    def __init__(self, *args: Any, user_zone: str = "UTC", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = _zone_choices()
        self.fields["time_zone"].initial = user_zone

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
                "export a single channel or a shorter time range."
            )
        return upload


class AlertSourceForm(forms.ModelForm):
    class Meta:
        model = AlertSource
        fields = ["name", "kind", "default_severity", "service"]
        help_texts = {
            "default_severity": "Used when an alert's severity label names no severity here.",
            "service": "Added to every incident this source opens.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_severity"].queryset = Severity.objects.all()
        self.fields["default_severity"].empty_label = None
        # Monitors are noisy: start from the mildest level and let admins raise it.
        self.fields["default_severity"].initial = Severity.objects.order_by("-rank").first()
        self.fields["service"].queryset = Service.objects.all()
