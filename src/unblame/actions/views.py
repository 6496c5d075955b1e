"""Contributing factors and action items pages, per incident and across incidents.

Every incident comes through incidents.access and every cross-incident list
through ActionItem.objects.visible_to, so a restricted incident's factors and
items exist only for its responders and admins.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change, snapshot
from unblame.accounts.roster import cached_per_request, roster
from unblame.accounts.roster import prime as prime_roster
from unblame.accounts.versions import (
    EditConflict,
    after_conflict,
    conflict_page,
    describe_all,
    posted_version,
    rebased_all,
    save_each,
)
from unblame.actions.findings import prepare as prepare_findings
from unblame.actions.forms import (
    ActionFilterForm,
    ActionItemForm,
    FactorCategoryFormSet,
    FactorForm,
    StatusForm,
)
from unblame.actions.models import (
    HINTS,
    ActionItem,
    ActionSummary,
    ContributingFactor,
    FactorCategory,
    factor_hints_in,
    incident_factors,
    incident_items,
    try_harder_in,
)
from unblame.incidents.access import can_write, get_incident_for_user
from unblame.incidents.models import Incident
from unblame.server.csv_export import BATCH, batches, csv_response
from unblame.server.limits import MAX_ANALYZE_CHARS
from unblame.server.paging import page_by_key

PAGE_SIZE = 25
MAX_HINTS = 3
HINT_FIELDS = {"item": ("title", "description"), "factor": ("description",)}
AUDITED = FactorCategory.AUDITED


def _is_htmx(request: HttpRequest) -> bool:
    # A history restore wants the whole page, not the fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _factor_for(request: HttpRequest, pk: int, factor_pk: int, write: bool = False):
    """The factor, checked through its incident like any other access."""
    incident = get_incident_for_user(request.user, pk, write=write)
    factor = incident.factors.filter(pk=factor_pk).first()
    if factor is None:
        raise Http404("No such contributing factor.")
    return incident, factor


def _item_for(request: HttpRequest, pk: int, item_pk: int, write: bool = False):
    """The action item, checked through its incident like any other access."""
    incident = get_incident_for_user(request.user, pk, write=write)
    item = incident_items(incident).filter(pk=item_pk).first()
    if item is None:
        raise Http404("No such action item.")
    return incident, item


def _page_url(incident: Incident, anchor: str = "") -> str:
    url = reverse("actions:incident", args=[incident.pk])
    return f"{url}#{anchor}" if anchor else url


# -- Per incident ---------------------------------------------------------------------------


@login_required
def incident_page(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk)
    items = list(incident_items(incident))
    prepare_findings(items)
    context = {
        "incident": incident,
        "factors": incident_factors(incident),
        "items": items,
        "summary": ActionSummary.of(incident, items),
        "can_write": can_write(request.user),
        "statuses": ActionItem.Status.choices,
    }
    return render(request, "actions/incident.html", context)


@login_required
def factor_create(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    form = FactorForm(request.POST or None, incident=incident)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            factor = form.save(commit=False)
            factor.incident, factor.created_by = incident, request.user
            factor.save()
            form.save_m2m()
            factor.record_creation(request.user)
        messages.success(request, "Contributing factor added.")
        return redirect(factor)
    return _factor_form(request, incident, form, None)


@login_required
def factor_edit(request: HttpRequest, pk: int, factor_pk: int) -> HttpResponse:
    incident, factor = _factor_for(request, pk, factor_pk, write=True)
    before = factor.audit_snapshot()
    form = FactorForm(request.POST or None, instance=factor, incident=incident)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                changed = factor.record_edit(request.user, before)
        except EditConflict as error:
            form, conflict = after_conflict(
                request,
                error,
                form,
                lambda data, stored: FactorForm(data, instance=stored, incident=incident),
            )
            return _factor_form(request, incident, form, form.instance, conflict)
        messages.success(request, "Contributing factor updated." if changed else "Nothing changed.")
        return redirect(factor)
    return _factor_form(request, incident, form, factor)


def _factor_form(request, incident, form: FactorForm, factor, conflict=None) -> HttpResponse:
    hints = factor_hints_in(str(form["description"].value() or ""), roster(incident))
    context = {
        "incident": incident,
        "form": form,
        "factor": factor,
        "hint": hints,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "actions/factor_form.html", context, status=status)


@login_required
@require_POST
def factor_delete(request: HttpRequest, pk: int, factor_pk: int) -> HttpResponse:
    incident, factor = _factor_for(request, pk, factor_pk, write=True)
    factor.version = posted_version(request)
    try:
        factor.delete_by(request.user)
    except EditConflict as error:
        return conflict_page(request, error, factor.get_absolute_url(), "this contributing factor")
    messages.success(request, "Contributing factor deleted; its action items stay.")
    return redirect(_page_url(incident, "factors"))


def _saved_message(request: HttpRequest, item: ActionItem, verb: str) -> None:
    messages.success(request, f"Action item {verb}.")
    if item.try_harder_findings():
        # A hint, never a refusal: the team may have good reasons, and the
        # row beside the item says what a system change could look like.
        messages.info(
            request,
            "This item relies on people being more careful, trained or reminded. "
            "The hint beside it suggests a change to the system that would hold on a bad day.",
        )


@login_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    initial = {"factors": request.GET.getlist("factor")}
    form = ActionItemForm(request.POST or None, incident=incident, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            item.incident, item.created_by = incident, request.user
            item.save()
            form.save_m2m()
            item.record_creation(request.user)
        _saved_message(request, item, "added")
        return redirect(item)
    return _item_form(request, incident, form, None)


@login_required
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    incident, item = _item_for(request, pk, item_pk, write=True)
    before = item.audit_snapshot()
    form = ActionItemForm(request.POST or None, instance=item, incident=incident)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                changed = item.record_edit(request.user, before)
        except EditConflict as error:
            form, conflict = after_conflict(
                request,
                error,
                form,
                lambda data, stored: ActionItemForm(data, instance=stored, incident=incident),
            )
            return _item_form(request, incident, form, form.instance, conflict)
        if changed:
            _saved_message(request, item, "updated")
        else:
            messages.success(request, "Nothing changed.")
        return redirect(item)
    return _item_form(request, incident, form, item)


def _item_form(request, incident, form: ActionItemForm, item, conflict=None) -> HttpResponse:
    names = roster(incident)
    hints = {
        name: try_harder_in(str(form[name].value() or ""), names)
        for name in ("title", "description")
    }
    context = {
        "incident": incident,
        "form": form,
        "item": item,
        "hints": hints,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "actions/item_form.html", context, status=status)


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    incident, item = _item_for(request, pk, item_pk, write=True)
    item.version = posted_version(request)
    try:
        item.delete_by(request.user)
    except EditConflict as error:
        return conflict_page(request, error, item.get_absolute_url(), "this action item")
    messages.success(request, "Action item deleted.")
    return redirect(_page_url(incident, "items"))


@login_required
@require_POST
def item_status(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Change an item's status; htmx gets the item's row back, other browsers a redirect."""
    _, item = _item_for(request, pk, item_pk, write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        item.version = form.cleaned_data["version"]
        try:
            item.set_status(form.cleaned_data["status"], request.user)
        except EditConflict as error:
            return conflict_page(request, error, item.get_absolute_url(), f"“{item.title}”")
    elif not _is_htmx(request):
        messages.error(request, "Choose a status.")
    from_list = request.POST.get("next") == "list"
    if not _is_htmx(request):
        return redirect("actions:list") if from_list else redirect(item)
    context = {
        "item": item,
        "can_write": True,
        "statuses": ActionItem.Status.choices,
        "show_incident": from_list,
    }
    return render(request, "actions/_item_row.html", context)


@login_required
@require_POST
def check(request: HttpRequest, pk: int) -> HttpResponse:
    """The live hint for one field of the item or factor form; it never blocks saving."""
    incident = get_incident_for_user(request.user, pk)
    field = request.GET.get("field", "title")
    of = request.GET.get("of", "item")
    if of not in HINTS or field not in HINT_FIELDS[of]:
        raise Http404("No such field.")
    text = request.POST.get(field, "")
    if len(text) > MAX_ANALYZE_CHARS:
        return HttpResponse(
            f"Text over {MAX_ANALYZE_CHARS:,} characters is not checked live.", status=413
        )
    # A hint is a nudge: the first few findings say it, however many the text holds.
    findings = HINTS[of](text, roster(incident))[:MAX_HINTS]
    return render(request, "actions/_hint.html", {"findings": findings, "of": of})


# -- Across incidents ------------------------------------------------------------------------


def _filtered(request: HttpRequest):
    form = ActionFilterForm(request.GET or None)
    items = form.filter(ActionItem.objects.visible_in_order_to(request.user), request.user)
    items = items.select_related("owner", "incident")
    return form, items.by_due_date()


@login_required
def action_list(request: HttpRequest) -> HttpResponse:
    form, items = _filtered(request)
    # The page's keys are visible ones: its rows are loaded by key alone (Listed.rows).
    rows = ActionItem.objects.select_related("owner", "incident")
    page = page_by_key(items, request.GET.get("page"), PAGE_SIZE, rows)
    # Every row's hint reads its incident's roster: one query for the page's incidents.
    prime_roster(item.incident_id for item in page.object_list)
    prepare_findings(page.object_list)
    context = {
        "form": form,
        "page": page,
        "can_write": can_write(request.user),
        "statuses": ActionItem.Status.choices,
        "show_incident": True,
    }
    template = "actions/_results.html" if _is_htmx(request) else "actions/list.html"
    return render(request, template, context)


EXPORT_COLUMNS = [
    "id",
    "incident_id",
    "incident",
    "title",
    "type",
    "priority",
    "status",
    "owner",
    "team",
    "due_date",
    "overdue",
    "changes_the_system",
    "closed_at",
    "url",
]


@login_required
def action_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered list as CSV, for the team's tracker or a spreadsheet; streamed."""
    _, items = _filtered(request)
    return csv_response("action-items.csv", EXPORT_COLUMNS, _export_rows(request, items))


def _export_rows(request: HttpRequest, items) -> Iterator[list[object]]:
    # The body is read after the view (and RosterMiddleware) returned, so each
    # batch keeps the roster for itself; rows are worked out before the batch
    # is handed on, so the cache never stays open across a pause in reading.
    base = request.build_absolute_uri("/").rstrip("/")
    rosters: dict = {}
    for batch in batches(items.iterator(chunk_size=BATCH)):
        with cached_per_request(rosters):
            prime_roster(item.incident_id for item in batch)
            rows = [_export_row(base, item) for item in batch]
        yield from rows


def _export_row(base: str, item: ActionItem) -> list[object]:
    owner = item.owner
    return [
        item.pk,
        item.incident_id,
        item.incident.title,
        item.title,
        item.kind,
        item.priority,
        item.status,
        owner.username if owner else "",
        owner.team if owner else "",
        item.due_date.isoformat() if item.due_date else "",
        "yes" if item.is_overdue else "no",
        "yes" if item.changes_the_system else "no",
        item.closed_at.isoformat() if item.closed_at else "",
        base + item.get_absolute_url(),
    ]


# -- The taxonomy (admins) --------------------------------------------------------------------


@login_required
def category_settings(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    formset = FactorCategoryFormSet(request.POST or None)
    conflict = None
    if request.method == "POST" and formset.is_valid():
        conflicts = save_each(formset.forms, lambda form: _save_category(admin, form))
        if not conflicts:
            messages.success(request, "Factor categories saved.")
            return redirect("actions:categories")
        formset = FactorCategoryFormSet(rebased_all(request.POST, conflicts))
        conflict = describe_all(conflicts, "the factor categories")
    in_use = set(
        ContributingFactor.objects.order_by().values_list("category_id", flat=True).distinct()
    )
    context = {"formset": formset, "in_use": in_use, "conflict": conflict}
    status = 409 if conflict else 400 if formset.errors else 200
    return render(request, "actions/categories.html", context, status=status)


def _save_category(admin, form) -> None:
    # The form has already written the posted values onto its instance, so
    # the values before come from the database.
    creating = form.instance.pk is None
    before = {} if creating else snapshot(FactorCategory.objects.get(pk=form.instance.pk), AUDITED)
    category = form.save()
    record_change(
        admin, category, "create" if creating else "update", before, snapshot(category, AUDITED)
    )


@login_required
@require_POST
def category_delete(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    category = get_object_or_404(FactorCategory, pk=pk)
    category.version = posted_version(request)
    try:
        with transaction.atomic():
            record_change(admin, category, "delete", {"name": category.name}, {})
            category.delete()
    except EditConflict as error:
        return conflict_page(request, error, reverse("actions:categories"), category.name)
    except ProtectedError:
        messages.error(
            request, f"{category.name} is used by contributing factors; rename it instead."
        )
    else:
        messages.success(request, f"{category.name} deleted.")
    return redirect("actions:categories")
