from __future__ import annotations

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
