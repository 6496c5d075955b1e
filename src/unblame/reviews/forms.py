from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify

from unblame.accounts.versions import VersionedForm, version_field
from unblame.reviews.analysis import QUOTE_LENGTH
from unblame.reviews.models import (
    DEBRIEF_PROMPTS,
    Debrief,
    ReviewState,
    ReviewTemplate,
    TemplateSection,
)
from unblame.reviews.readiness import REASON_RULE, reason_problem
from unblame.server.limits import MAX_SECTION_CHARS, cap_free_text


class SectionForm(forms.Form):
    body = forms.CharField(
        label="Text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
        help_text="Markdown. Findings appear beside the text as you type.",
        max_length=MAX_SECTION_CHARS,
    )
    # The version the writer opened; a save against an older one is refused.
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(
        label="What changed (optional)", required=False, max_length=200, strip=True
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mention someone with @username; they will find it under Mentions.",
    )


class AcknowledgeForm(forms.Form):
    rule = forms.RegexField(regex=r"^UB\d{3}$", max_length=10)
    quote = forms.CharField(max_length=QUOTE_LENGTH, strip=False)
    reason = forms.CharField(
        max_length=300,
        help_text=f"Why these words stay: {REASON_RULE}. Everyone reviewing sees it.",
    )
    # A section key, or a factor's or action item's text ("factor:3:description").
    target = forms.CharField(max_length=60, required=False)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"]
        if problem := reason_problem(reason):
            raise forms.ValidationError(problem)
        return reason


class TransitionForm(forms.Form):
    state = forms.ChoiceField(choices=ReviewState.choices)
    note = forms.CharField(required=False, max_length=500)
    # The review's version on the page the state was chosen from.
    version = version_field()


class DebriefForm(VersionedForm):
    class Meta:
        model = Debrief
        fields = [name for name, _, _ in DEBRIEF_PROMPTS]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_free_text(self)
        for name, question, help_text in DEBRIEF_PROMPTS:
            field = self.fields[name]
            field.label = question
            field.help_text = help_text
            field.widget = forms.Textarea(attrs={"rows": 4, "data-debrief-answer": name})


class ShareForm(forms.Form):
    paragraphs = forms.MultipleChoiceField(
        label="Paragraphs to share", widget=forms.CheckboxSelectMultiple
    )
    section = forms.ChoiceField(label="Into the review section")

    def __init__(self, *args: Any, debrief: Debrief, sections: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraphs"].choices = [
            (pid, paragraph) for pid, _, paragraph in debrief.paragraphs()
        ]
        self.fields["section"].choices = [(s.key, s.title) for s in sections]
        if any(s.key == "timeline" for s in sections):
            self.fields["section"].initial = "timeline"


class TemplateForm(VersionedForm):
    class Meta:
        model = ReviewTemplate
        fields = ["name", "needs_approval"]


class TemplateSectionForm(VersionedForm):
    class Meta:
        model = TemplateSection
        fields = ["position", "title", "key", "prompt"]
        widgets = {
            "prompt": forms.Textarea(attrs={"rows": 2}),
            "position": forms.NumberInput(attrs={"min": 0, "class": "position"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["key"].help_text = "Made from the title when left empty."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("title") and not data.get("key"):
            # Keys are used in URLs and exports; underscores match the defaults.
            data["key"] = slugify(data["title"]).replace("-", "_")[:50]
            self.instance.key = data["key"]
        return data


class BaseSectionFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        keys = [
            form.cleaned_data.get("key")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(keys) != len(set(keys)):
            raise forms.ValidationError("Two sections cannot have the same key.")
        if not keys:
            raise forms.ValidationError("A template needs at least one section.")


SectionFormSet = forms.inlineformset_factory(
    ReviewTemplate,
    TemplateSection,
    form=TemplateSectionForm,
    formset=BaseSectionFormSet,
    extra=1,
    can_delete=True,
)
