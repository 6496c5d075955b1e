"""No silent overwrite: every stored object that people edit carries a version.

The one rule, in one place: a write to an existing row names the version it
was based on, and lands only if that is still the stored one. `claim` is the
single conditional UPDATE (`... SET version = version + 1 WHERE pk = ? AND
version = ?`) that every path goes through: `Versioned.save()` for edits,
`Versioned.delete()` for deletions, and review sections' `save_body`. Two saves
based on the same version can therefore never both land; the later one gets
`EditConflict`, with the stored object, and nothing of it is written.

Forms carry the version they were opened at in a hidden field
(`VersionedForm`, or `version` on a button's form), the API takes it as
`version` or `If-Match` (`api_base_version`). On a conflict the view shows
what changed meanwhile (`describe`) and re-renders the writer's input, now
based on the stored version (`after_conflict`, or `conflict_page` for a
button), so saving again is a deliberate choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import BadRequest
from django.db import models, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone

from unblame.accounts.models import AuditEntry

# Form field name for the version a form was opened at (prefixed in formsets).
VERSION_FIELD = "version"


class EditConflict(Exception):
    """A write based on an older version than the stored one, or on a deleted row.

    Nothing of the write was stored. `stored` is the object as it is now, or
    None when it was deleted meanwhile.
    """

    def __init__(self, obj: models.Model, base_version: int, stored: models.Model | None) -> None:
        what = f"{obj._meta.verbose_name} {obj.pk}"
        now = "was deleted" if stored is None else f"is at version {stored.version}"
        super().__init__(f"The {what} {now}; this write was based on version {base_version}.")
        self.obj = obj
        self.base_version = base_version
        self.stored = stored


def claim(model: type[models.Model], pk: Any, base_version: int, **values: Any) -> bool:
    """Write `values` and move to the next version if the row is still at `base_version`.

    The one conditional UPDATE behind every versioned write. Returns False,
    writing nothing, when the row has moved on or is gone. The UPDATE takes
    the row's lock, so within a transaction nobody else can claim it until
    the transaction ends.
    """
    rows = model._base_manager.filter(pk=pk, version=base_version)
    return rows.update(version=F(VERSION_FIELD) + 1, **values) == 1


def _conflict(obj: models.Model, base_version: int) -> EditConflict:
    stored = type(obj)._base_manager.filter(pk=obj.pk).first()
    return EditConflict(obj, base_version, stored)


class Versioned(models.Model):
    """A model whose rows are only ever changed from the version they were read at.

    `save()` on an existing row is `claim()` with the instance's values and
    its `version` as the base: set `version` to what the writer saw (forms
    do, from their hidden field) and a save over someone else's raises
    EditConflict instead of overwriting it. New rows start at version 1.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None or kwargs.get("force_insert"):
            super().save(*args, **kwargs)
            return
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not update_fields:
            return
        self._save_versioned(update_fields, kwargs.get("using"))

    def _save_versioned(self, update_fields: Any, using: str | None) -> None:
        names = self._names_to_save(update_fields)
        values = {}
        for f in self._meta.concrete_fields:
            if f.primary_key or f.name == VERSION_FIELD or f.name not in names:
                continue
            values[f.attname] = f.pre_save(self, add=False)
        with transaction.atomic(using=using):
            if not claim(type(self), self.pk, self.version, **values):
                raise _conflict(self, self.version)
            self.version += 1
            self._state.db = using or self._state.db or "default"
            # As Model.save would: receivers (the search index) follow every edit.
            models.signals.post_save.send(
                sender=type(self),
                instance=self,
                created=False,
                update_fields=frozenset(update_fields) if update_fields is not None else None,
                raw=False,
                using=self._state.db,
            )

    def ensure_current(self) -> None:
        """Raise EditConflict unless the row is still at this instance's version.

        For a write that turns out to change nothing: it still must not be
        told it succeeded when it was based on a version someone replaced.
        """
        if not type(self)._base_manager.filter(pk=self.pk, version=self.version).exists():
            raise _conflict(self, self.version)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Delete the row if it is still at this instance's version, else raise EditConflict.

        Claimed first, so an edit that lands in the same moment is never
        deleted unseen.
        """
        with transaction.atomic(using=kwargs.get("using")):
            if not claim(type(self), self.pk, self.version):
                raise _conflict(self, self.version)
            return super().delete(*args, **kwargs)

    def _names_to_save(self, update_fields: Any) -> set[str]:
        if update_fields is not None:
            return set(update_fields)
        # As Model.save does for a partly loaded row: write only what was loaded.
        deferred = self.get_deferred_fields()
        return {f.name for f in self._meta.concrete_fields if f.attname not in deferred}

    def etag(self) -> str:
        return etag(self)


# -- Forms -----------------------------------------------------------------------------------


def version_field() -> forms.IntegerField:
    # Required: a form without it (opened before this existed, or hand-made)
    # cannot say what it was based on, so it must not overwrite anything.
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        required=True,
        error_messages={"required": "This form is out of date; reload the page and try again."},
    )


class VersionedForm(forms.ModelForm):
    """A ModelForm that carries the version it was opened at and saves only over that version.

    For a new object the field is not there. For an existing one its value
    becomes the instance's base version before saving, so `save()` raises
    EditConflict if someone saved in between.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD] = version_field()
            self.initial[VERSION_FIELD] = self.instance.version

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.pk is not None and VERSION_FIELD in self.cleaned_data:
            self.instance.version = self.cleaned_data[VERSION_FIELD]


class VersionForm(forms.Form):
    """For a button that changes an object (a status, a highlight, a delete): its version."""

    version = version_field()


def posted_version(request: HttpRequest) -> int:
    """The version a button's form was based on; 400 when it is missing or not a number."""
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise BadRequest("This form is out of date; reload the page and try again.")
    return form.cleaned_data[VERSION_FIELD]


def save_each(forms_: list[Any], save: Any) -> list[tuple[Any, EditConflict]]:
    """Save each changed form of a formset with `save(form)`, all or nothing.

    Returns the conflicts; when there is any, nothing at all was saved, so
    the page can show every row that changed meanwhile at once.
    """
    conflicts = []
    with transaction.atomic():
        for form in forms_:
            if not form.has_changed():
                continue
            try:
                with transaction.atomic():
                    save(form)
            except EditConflict as error:
                conflicts.append((form, error))
        if conflicts:
            transaction.set_rollback(True)
    return conflicts


def stale(forms_: list[Any]) -> list[tuple[Any, EditConflict]]:
    """The forms whose object changed (or went) since the form was opened, each with its conflict.

    For pages that save several objects at once and learn of one conflict
    from the save: the writer is shown every stale row, not just the first.
    """
    found = []
    for form in forms_:
        obj = form.instance
        base = getattr(form, "cleaned_data", {}).get(VERSION_FIELD)
        if obj.pk is None or base is None:
            continue
        stored = type(obj)._base_manager.filter(pk=obj.pk).first()
        if stored is None or stored.version != base:
            found.append((form, EditConflict(obj, base, stored)))
    return found


def rebased_all(data: QueryDict, conflicts: list[tuple[Any, EditConflict]]) -> QueryDict:
    """The posted data with every conflicting row moved to its stored version."""
    for form, error in conflicts:
        if error.stored is not None:
            data = rebased(data, form, error.stored)
    return data


def describe_all(conflicts: list[tuple[Any, EditConflict]], title: str) -> Conflict:
    """One conflict box for several rows of a settings page."""
    summary = describe(conflicts[0][1], title=title)
    summary.differences = [
        Difference(f"{error.stored}: {row.label}", row.theirs, row.yours)
        for form, error in conflicts
        for row in differences(form, error.stored)
    ]
    summary.recent = [entry for _, error in conflicts for entry in describe(error).recent]
    return summary


def rebased(data: QueryDict, prefix_of: forms.BaseForm, stored: models.Model) -> QueryDict:
    """The posted data with the form's version moved to the stored one, everything else kept.

    A form bound to it shows the writer's input exactly; saving it again is
    a deliberate "keep mine" over the stored version.
    """
    data = data.copy()
    data[prefix_of.add_prefix(VERSION_FIELD)] = str(stored.version)
    return data


def after_conflict(
    request: HttpRequest, error: EditConflict, form: Any, rebuild: Any
) -> tuple[Any, Conflict]:
    """The form to show the later writer, and what to tell them.

    `rebuild(data, stored)` makes the page's form again; it gets the posted
    data moved to the stored version, so their input is shown as they typed
    it and saving again is their deliberate choice. When the object was
    deleted meanwhile, their original form comes back as it was.
    """
    conflict = describe(error, [form])
    if error.stored is None:
        return form, conflict
    return rebuild(rebased(request.POST, form, error.stored), error.stored), conflict


# -- The API ------------------------------------------------------------------------------------


def etag(obj: Any) -> str:
    """An object's version as an HTTP entity tag, for `ETag` and `If-Match`."""
    return f'"{obj.version}"'


class VersionMissing(Exception):
    """An API write that names no version to base it on; answered 428, nothing written."""


def api_base_version(request: HttpRequest, body_version: int | None) -> int:
    """The version an API write is based on: `If-Match` (an ETag) if sent, else `version`.

    A stale If-Match is answered 412 (Precondition Failed), a stale body
    version 409 (Conflict); the request remembers which it was. Neither
    given: VersionMissing, as a write that cannot say what it saw must not
    overwrite anything.
    """
    header = request.headers.get("If-Match")
    if header is None:
        if body_version is None:
            raise VersionMissing
        return body_version
    request.version_from_if_match = True  # type: ignore[attr-defined]
    tag = header.strip().removeprefix("W/").strip('"')
    if not tag.isdigit():
        raise VersionMissing
    return int(tag)


def api_conflict(request: HttpRequest, error: EditConflict) -> tuple[int, dict[str, Any]]:
    """Status and body for an API write that lost: 412 for If-Match, else 409."""
    status = 412 if getattr(request, "version_from_if_match", False) else 409
    stored = error.stored
    body = {
        "detail": "Changed since the version this write was based on; nothing was written.",
        "your_version": error.base_version,
        "version": stored.version if stored is not None else None,
        "deleted": stored is None,
    }
    return status, body


# -- Telling the later writer what happened ----------------------------------------------------


@dataclass
class Difference:
    label: str
    theirs: str
    yours: str


@dataclass
class Conflict:
    """What the conflict template shows: who changed what meanwhile, and how it differs."""

    title: str
    base_version: int
    stored_version: int | None
    changed_by: str = ""
    changed_at: datetime | None = None
    differences: list[Difference] = field(default_factory=list)
    recent: list[AuditEntry] = field(default_factory=list)

    @property
    def deleted(self) -> bool:
        return self.stored_version is None


def display(value: Any) -> str:
    """A field's value as a person reads it in the conflict table."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(sorted(str(item) for item in value)) or "—"
    if isinstance(value, models.Manager):
        return display(list(value.all()))
    return str(value)


def differences(form: forms.BaseForm, stored: models.Model | None) -> list[Difference]:
    """The form's fields whose posted value differs from the stored object's, both shown."""
    if stored is None:
        return []
    fresh = type(form)(**_form_kwargs(form, stored))
    rows = []
    for name, field_ in form.fields.items():
        if name == VERSION_FIELD or name not in fresh.fields:
            continue
        theirs = fresh[name].initial
        yours = form[name].data
        if not field_.has_changed(theirs, yours):
            continue
        mine = form.cleaned_data.get(name, yours) if hasattr(form, "cleaned_data") else yours
        their_value = getattr(stored, name, theirs)
        label = str(field_.label or name)
        rows.append(Difference(label, _shown(field_, their_value), _shown(field_, mine)))
    return rows


def _shown(field: forms.Field, value: Any) -> str:
    # A choice reads as its label ("P1 · urgent"), not its stored value ("p1").
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        value = dict(field.choices).get(value, value)
    return display(value)


def _form_kwargs(form: forms.BaseForm, stored: models.Model) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"instance": stored, "prefix": form.prefix}
    # Forms built for one incident (factors, items) need it again.
    if hasattr(form, "incident"):
        kwargs["incident"] = form.incident
    return kwargs


def describe(
    error: EditConflict, forms_: list[forms.BaseForm] | None = None, title: str = ""
) -> Conflict:
    """The conflict as the page shows it: who saved meanwhile, when, and what differs."""
    stored = error.stored
    obj = error.obj
    recent = AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
    saves = (stored.version - error.base_version) if stored is not None else 1
    recent_list = list(recent[: max(1, min(saves, 10))])
    latest = recent_list[0] if recent_list else None
    rows: list[Difference] = []
    for form in forms_ or []:
        rows.extend(differences(form, stored))
    return Conflict(
        title=title or str(stored or obj),
        base_version=error.base_version,
        stored_version=stored.version if stored is not None else None,
        changed_by=_who(latest),
        changed_at=latest.at if latest else None,
        differences=rows,
        recent=recent_list,
    )


def _who(entry: AuditEntry | None) -> str:
    if entry is None:
        return ""
    return str(entry.actor) if entry.actor else entry.actor_name


def conflict_page(
    request: HttpRequest, error: EditConflict, back: str, what: str = ""
) -> HttpResponse:
    """A 409 page for a button-sized write (a status, a highlight, a delete).

    It shows what changed meanwhile and offers both choices: apply the
    writer's request again over the stored version ("keep mine", everything
    they sent kept in the form), or go back to the stored object ("take
    theirs"). htmx requests get the page in place of the whole body.
    """
    conflict = describe(error, title=what)
    resend = []
    if error.stored is not None:
        data = rebased(request.POST, VersionForm(), error.stored)
        skip = {"csrfmiddlewaretoken"}
        resend = [(k, v) for k, values in data.lists() if k not in skip for v in values]
    context = {"conflict": conflict, "resend": resend, "action": request.path, "back": back}
    response = render(request, "conflict.html", context, status=409)
    if request.headers.get("HX-Request") == "true":
        response["HX-Retarget"] = "body"
        response["HX-Reswap"] = "innerHTML"
    return response
