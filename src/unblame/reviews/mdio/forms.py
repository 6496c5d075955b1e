from __future__ import annotations

import base64
import binascii
from typing import Any

from django import forms

# A review is tens of kilobytes; anything past this is not one.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Review file",
        help_text="Markdown (.md) exported from unblame, or a review written elsewhere, "
        "with or without YAML or TOML front matter.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
                "a review in Markdown is far smaller."
            )
        return upload


class ConfirmImportForm(forms.Form):
    """The previewed file, sent back to be imported; base64 keeps its bytes and line ends exact."""

    content = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(widget=forms.HiddenInput, required=False, max_length=255)

    def clean_content(self) -> bytes:
        try:
            data = base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(
                "The previewed file did not come back whole; upload it again."
            ) from None
        if len(data) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is too large to be a review.")
        return data

    @staticmethod
    def initial_for(data: bytes, name: str) -> dict[str, str]:
        return {"content": base64.b64encode(data).decode("ascii"), "name": name}
