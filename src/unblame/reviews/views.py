"""Review pages, the live analyzer, debriefs and review templates.

Incidents come through incidents.access like everywhere else: a restricted
incident's review is a 404 to outsiders, and viewers get 403 on writes.
Debriefs are fetched by their author alone, so anyone else gets a 404.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from unblame.accounts import versions
from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change
from unblame.accounts.roster import roster
from unblame.incidents.access import can_write, get_incident_for_user, visible_incidents
from unblame.incidents.models import Incident
from unblame.reviews import analysis, panel, services, summary
from unblame.reviews.diff import word_diff
from unblame.reviews.forms import (
    AcknowledgeForm,
    CommentForm,
    DebriefForm,
    SectionForm,
    SectionFormSet,
    ShareForm,
    TemplateForm,
    TransitionForm,
)
from unblame.reviews.models import (
    DEBRIEF_FIELDS,
    Comment,
    Debrief,
    EditConflict,
    FindingAcknowledgement,
    Mention,
    NotReady,
    Review,
    ReviewSection,
    ReviewTemplate,
    SectionTooLong,
    TemplateSection,
)
from unblame.reviews.readiness import REASON_RULE
from unblame.reviews.services import draft_review, readiness_result
from unblame.server.limits import MAX_ANALYZE_CHARS, MAX_FINDINGS


def _is_htmx(request: HttpRequest) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _review_for(user, pk: int, write: bool = False) -> tuple[Incident, Review]:
    incident = get_incident_for_user(user, pk, write=write)
    review = Review.objects.filter(incident=incident).first()
    if review is None:
        raise Http404("This incident has no review yet.")
    return incident, review


def _section_for(user, pk: int, key: str, write: bool = False):
    incident, review = _review_for(user, pk, write=write)
    section = review.sections.filter(key=key).first()
    if section is None:
        raise Http404("No such section.")
    return incident, review, section


def _actions_installed() -> bool:
    return apps.is_installed("unblame.actions")


# -- The review page -------------------------------------------------------------------------


@login_required
def review_page(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk)
    review = Review.objects.filter(incident=incident).first()
    if review is None:
        context = {"incident": incident, "can_write": can_write(request.user)}
        return render(request, "reviews/start.html", context)
    names = review.roster()
    sections = list(
        review.sections.prefetch_related(
            "acknowledgements", "comments__author", "comments__mentions__user"
        )
    )
    annotated = {section.pk: section.annotated(names) for section in sections}
    rows = [(section, _open_findings(annotated[section.pk])) for section in sections]
    result = readiness_result(review, annotated=annotated)
    context = {
        "incident": incident,
        "review": review,
        "rows": rows,
        "gaps": result.gaps,
        "kept": result.kept,
        "state_changes": review.state_changes.select_related("actor"),
        "can_write": can_write(request.user),
        "comment_form": CommentForm(),
        "is_responder": incident.is_responder(request.user),
        "approvals": review.current_approvals() if review.needs_approval else None,
        "can_approve": can_write(request.user) and review.can_approve(request.user),
        "actions_installed": _actions_installed(),
        **_follow_up_keys(sections),
    }
    return render(request, "reviews/review.html", context)


def _follow_up_keys(sections: list[ReviewSection]) -> dict[str, str]:
    """The sections under which the incident's factors and its action items are listed.

    Each under its own section; both under the one a template has, if it has
    only one; "" for both when it has neither.
    """
    keys = {s.key for s in sections}
    factors = "contributing_factors" if "contributing_factors" in keys else ""
    items = "action_items" if "action_items" in keys else ""
    return {"factors_key": factors or items, "items_key": items or factors}


def _open_findings(items: list[analysis.Annotated]) -> list[analysis.Annotated]:
    return [item for item in items if not item.acknowledged]


@login_required
@require_POST
def review_start(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    review = draft_review(incident, request.user)
    messages.success(request, "Review drafted from the incident record.")
    return redirect(review)


@login_required
@require_POST
def review_transition(request: HttpRequest, pk: int) -> HttpResponse:
    _, review = _review_for(request.user, pk, write=True)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a state.")
        return redirect(review)
    review.version = form.cleaned_data["version"]
    try:
        # A stale page is told what changed, before any lifecycle rule is applied to it.
        review.ensure_current()
        review.transition_to(form.cleaned_data["state"], request.user, form.cleaned_data["note"])
    except versions.EditConflict as error:
        return versions.conflict_page(request, error, review.get_absolute_url(), "the review")
    except NotReady as error:
        count = len(error.gaps)
        messages.error(request, f"Not published: {count} gap{'s' if count != 1 else ''} to close.")
        return redirect("reviews:readiness", pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"The review is now {review.get_state_display().lower()}.")
    return redirect(review)


@login_required
@require_POST
def review_approve(request: HttpRequest, pk: int) -> HttpResponse:
    _, review = _review_for(request.user, pk, write=True)
    try:
        review.approve(request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Approved. It counts until the review changes.")
    return redirect(f"{review.get_absolute_url()}#approval")


@login_required
def readiness_page(request: HttpRequest, pk: int) -> HttpResponse:
    incident, review = _review_for(request.user, pk)
    result = readiness_result(review)
    context = {
        "incident": incident,
        "review": review,
        "gaps": result.gaps,
        "kept": result.kept,
        "acknowledgements": FindingAcknowledgement.of_review(review),
        "can_acknowledge": can_write(request.user) and review.is_editable,
        "reason_rule": REASON_RULE,
    }
    return render(request, "reviews/readiness.html", context)


@login_required
def summary_page(request: HttpRequest, pk: int) -> HttpResponse:
    incident, review = _review_for(request.user, pk)
    points = summary.review_series(review)
    context = {
        "incident": incident,
        "review": review,
        "points": points,
        "rows": summary.category_rows(points),
        "chart": summary.chart_svg(points),
        "verdict": summary.verdict(points),
    }
    return render(request, "reviews/summary.html", context)


# -- Sections ----------------------------------------------------------------------------------


@login_required
def section_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    incident, review, section = _section_for(request.user, pk, key, write=True)
    if not review.is_editable:
        messages.error(request, "The review is published; move it back to review to change it.")
        return redirect(section.get_absolute_url())
    if request.method == "POST":
        return _save_section(request, incident, review, section)
    form = SectionForm(initial={"body": section.body, "base_version": section.version})
    return _editor(request, incident, review, section, form, section.body)


def _save_section(request, incident, review, section) -> HttpResponse:
    form = SectionForm(request.POST)
    if not form.is_valid():
        return _editor(request, incident, review, section, form, request.POST.get("body", ""), 400)
    data = form.cleaned_data
    try:
        version = section.save_body(request.user, data["body"], data["base_version"], data["note"])
    except EditConflict:
        return _conflict(request, incident, review, section, data)
    if version is None:
        messages.info(request, "Nothing changed.")
    else:
        messages.success(request, f"{section.title} saved as version {version.version}.")
    return redirect(section.get_absolute_url())


def _conflict(request, incident, review, section, data) -> HttpResponse:
    """Both texts, kept: theirs is stored, yours stays in the form, nothing is overwritten.

    The form now carries their version, so saving again is a deliberate
    choice made with their text in view.
    """
    yours = data["body"].replace("\r\n", "\n")
    form = SectionForm(
        initial={"body": yours, "base_version": section.version, "note": data["note"]}
    )
    conflict = {
        "theirs": section.body,
        "author": section.updated_by,
        "at": section.updated_at,
        "version": section.version,
        "opened": data["base_version"],
        "diff": word_diff(section.body, yours),
    }
    return _editor(request, incident, review, section, form, yours, 409, conflict=conflict)


def _editor(request, incident, review, section, form, text, status=200, conflict=None):
    # Text refused for its length is given back to the writer, not analysed.
    items = analysis.annotate(
        text[:MAX_ANALYZE_CHARS],
        key=section.key,
        names=review.roster(),
        acknowledgements=section.acknowledgements.all(),
    )[:MAX_FINDINGS]
    context = {
        "incident": incident,
        "review": review,
        "section": section,
        "form": form,
        "text": text,
        "conflict": conflict,
        **_analysis_context(request, incident, section, text, items, can_acknowledge=True),
    }
    return render(request, "reviews/section_edit.html", context, status=status)


def _analysis_context(
    request: HttpRequest,
    incident: Incident,
    section: ReviewSection | None,
    text: str,
    items: list[analysis.Annotated],
    *,
    can_acknowledge: bool,
    **extra: object,
) -> dict:
    """What reviews/_analysis.html needs: the findings list, the marked text, the counts."""
    ack_url = ""
    if section is not None and can_acknowledge:
        ack_url = reverse("reviews:acknowledge", args=[incident.pk, section.key])
    findings = panel.findings_html(
        items,
        reminder=analysis.KIND_REMINDER,
        ack_url=ack_url,
        csrf_token=get_token(request) if ack_url else "",
    )
    open_count = sum(1 for item in items if not item.acknowledged)
    context = {
        "incident": incident,
        "section": section,
        "items": items,
        "findings": findings,
        "marked": analysis.marked_html(text, items),
        "open_count": open_count,
        "ack_count": len(items) - open_count,
    }
    context.update(extra)
    return context


@login_required
@require_POST
def analyze_text(request: HttpRequest, pk: int) -> HttpResponse:
    """Findings on text being written: an HTML partial for htmx, or JSON when asked for.

    Stores nothing. `section` names the section whose acknowledgements apply.
    """
    incident = get_incident_for_user(request.user, pk)
    text = request.POST.get("body", request.POST.get("text", "")).replace("\r\n", "\n")
    if len(text) > MAX_ANALYZE_CHARS:
        return HttpResponse(
            f"Text over {MAX_ANALYZE_CHARS:,} characters is not analysed live.", status=413
        )
    review = Review.objects.filter(incident=incident).first()
    key = request.POST.get("section", "")
    section = review.sections.filter(key=key).first() if review and key else None
    acks = section.acknowledgements.all() if section else ()
    found = analysis.annotate(text, key=key, names=roster(incident), acknowledgements=acks)
    # The answer is bounded too: text full of findings must not come back many times larger.
    items, more = found[:MAX_FINDINGS], max(len(found) - MAX_FINDINGS, 0)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"findings": [item.to_dict() for item in items], "more": more})
    context = _analysis_context(
        request,
        incident,
        section,
        text,
        items,
        can_acknowledge=can_write(request.user),
        oob=True,
        more=more,
    )
    return render(request, "reviews/_analysis.html", context)


@login_required
@require_POST
def acknowledge(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    incident, review, section = _section_for(request.user, pk, key, write=True)
    text = request.POST.get("body", section.body).replace("\r\n", "\n")
    error = _acknowledge(request, review, key, text)
    if error and not _is_htmx(request):
        messages.error(request, f"Not kept. {error}")
    if _is_htmx(request):
        items = analysis.annotate(
            text, key=key, names=review.roster(), acknowledgements=section.acknowledgements.all()
        )
        context = _analysis_context(
            request, incident, section, text, items, can_acknowledge=True, oob=True, ack_error=error
        )
        return render(request, "reviews/_analysis.html", context)
    return redirect(section.edit_url())


@login_required
@require_POST
def acknowledge_gap(request: HttpRequest, pk: int) -> HttpResponse:
    """Acknowledge a finding from the readiness page: any published text, by its target."""
    _, review = _review_for(request.user, pk, write=True)
    if error := _acknowledge(request, review, request.POST.get("target", ""), ""):
        messages.error(request, f"Not kept. {error}")
    else:
        messages.success(request, "Acknowledged; everyone reviewing sees your reason.")
    return redirect("reviews:readiness", pk)


def _acknowledge(request: HttpRequest, review: Review, name: str, text: str) -> str:
    """Store the acknowledgement the form describes; returns what was wrong, or ""."""
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return " ".join(form.errors.get("reason", ["Give a reason for keeping these words."]))
    data = form.cleaned_data
    what = (data["rule"], data["quote"], data["reason"])
    try:
        services.acknowledge(review, name, *what, request.user, text)
    except ValidationError as error:
        return error.messages[0]
    return ""


@login_required
def section_history(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    incident, review, section = _section_for(request.user, pk, key)
    versions = list(section.versions.select_related("author"))
    numbers = [v.version for v in versions]
    newer = _version_param(request, "to", numbers, numbers[-1] if numbers else 1)
    older = _version_param(request, "from", numbers, max(min(numbers, default=1), newer - 1))
    by_number = {v.version: v for v in versions}
    diff = None
    if older in by_number and newer in by_number:
        diff = word_diff(by_number[older].body, by_number[newer].body)
    context = {
        "incident": incident,
        "review": review,
        "section": section,
        "versions": list(reversed(versions)),
        "older": older,
        "newer": newer,
        "diff": diff,
        "acknowledgements": section.acknowledgements.select_related("author"),
    }
    return render(request, "reviews/section_history.html", context)


def _version_param(request: HttpRequest, name: str, numbers: list[int], default: int) -> int:
    try:
        value = int(request.GET.get(name, default))
    except ValueError:
        return default
    return value if value in numbers else default


# -- Comments and mentions -------------------------------------------------------------------


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    _, _, section = _section_for(request.user, pk, key, write=True)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write something to comment.")
        return redirect(section.get_absolute_url())
    with transaction.atomic():
        comment = Comment.objects.create(
            section=section, author=request.user, body=form.cleaned_data["body"]
        )
        mentions = comment.record_mentions()
        after = {"section": section.key, "mentions": [m.user.username for m in mentions]}
        record_change(request.user, comment, "create", {}, after)
    messages.success(request, "Comment added.")
    return redirect(comment)


@login_required
def mention_list(request: HttpRequest) -> HttpResponse:
    """Comments that mention the reader, on incidents they can still see."""
    visible = visible_incidents(request.user)
    mentions = list(
        Mention.objects.filter(user=request.user, comment__section__review__incident__in=visible)
        .select_related("comment__author", "comment__section__review__incident")
        .prefetch_related("comment__mentions__user")
        .order_by("-created_at", "-id")[:200]
    )
    unseen = [m.pk for m in mentions if m.seen_at is None]
    Mention.objects.filter(pk__in=unseen).update(seen_at=timezone.now())
    return render(request, "reviews/mentions.html", {"mentions": mentions, "unseen": set(unseen)})


# -- Debriefs ------------------------------------------------------------------------------------


def _responder_incident(request: HttpRequest, pk: int) -> Incident:
    incident = get_incident_for_user(request.user, pk)
    if not incident.is_responder(request.user):
        raise PermissionDenied("Debriefs are written by the incident's responders.")
    return incident


def _own_debrief(request: HttpRequest, pk: int, debrief_pk: int) -> tuple[Incident, Debrief]:
    incident = get_incident_for_user(request.user, pk)
    # Filtered by author: to anyone else, admins included, it does not exist.
    debrief = Debrief.objects.filter(pk=debrief_pk, incident=incident, author=request.user).first()
    if debrief is None:
        raise Http404("No such debrief.")
    return incident, debrief


@login_required
def debrief(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _responder_incident(request, pk)
    own = Debrief.own(request.user, incident) or Debrief(incident=incident, author=request.user)
    form = DebriefForm(request.POST or None, instance=own)
    conflict = None
    if request.method == "POST" and form.is_valid():
        own = form.save(commit=False)
        own.updated_at = timezone.now()
        try:
            # Not audited: the audit log is read by admins, and this is nobody's but its author's.
            own.save()
        except versions.EditConflict as error:
            # Saved from another tab meanwhile; both stay in view.
            form, conflict = versions.after_conflict(
                request, error, form, lambda data, stored: DebriefForm(data, instance=stored)
            )
            own = form.instance
        else:
            messages.success(request, "Saved. Only you can read your debrief.")
            return redirect("reviews:debrief", pk)
    review = Review.objects.filter(incident=incident).first()
    findings = _debrief_findings(own, incident)
    context = {
        "incident": incident,
        "debrief": own if own.pk else None,
        "form": form,
        "rows": [
            (form[name], findings.get(name, []), _kind(findings.get(name, [])))
            for name in DEBRIEF_FIELDS
        ],
        "review": review,
        "share_form": _share_form(own, review),
        "can_share": can_write(request.user),
        "reminder": analysis.KIND_REMINDER,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if form.errors else 200
    return render(request, "reviews/debrief.html", context, status=status)


def _debrief_findings(own: Debrief, incident: Incident) -> dict[str, list]:
    names = roster(incident)
    return {
        name: analysis.annotate(answer, names=names, context="document")
        for name, _, _, answer in own.answers()
        if answer.strip()
    }


def _kind(items: list[analysis.Annotated]) -> analysis.Annotated | None:
    """The first self-blame finding, whose kind suggestion is shown once under the answer."""
    return next((item for item in items if item.is_self_blame), None)


def _share_form(own: Debrief, review: Review | None, data=None) -> ShareForm | None:
    if own.pk is None or review is None or not review.is_editable or not own.paragraphs():
        return None
    return ShareForm(data, debrief=own, sections=list(review.sections.all()))


@login_required
@require_POST
def debrief_analyze(request: HttpRequest, pk: int) -> HttpResponse:
    """Findings on one answer as it is written; stores nothing."""
    incident = _responder_incident(request, pk)
    field = request.POST.get("field", "")
    if field not in DEBRIEF_FIELDS:
        return HttpResponse("Unknown field.", status=400)
    text = request.POST.get(field, "").replace("\r\n", "\n")[:MAX_ANALYZE_CHARS]
    items = analysis.annotate(text, names=roster(incident), context="document")
    context = {"items": items, "kind": _kind(items), "reminder": analysis.KIND_REMINDER}
    return render(request, "reviews/_debrief_analysis.html", context)


@login_required
@require_POST
def debrief_share(request: HttpRequest, pk: int, debrief_pk: int) -> HttpResponse:
    incident, own = _own_debrief(request, pk, debrief_pk)
    if not can_write(request.user):
        raise PermissionDenied
    review = Review.objects.filter(incident=incident).first()
    form = _share_form(own, review, request.POST)
    if form is None:
        messages.error(request, "There is no open review to share into.")
        return redirect("reviews:debrief", pk)
    if not form.is_valid():
        messages.error(request, "Choose the paragraphs to share and a section.")
        return redirect("reviews:debrief", pk)
    section = review.sections.get(key=form.cleaned_data["section"])
    try:
        own.share(section, form.cleaned_data["paragraphs"])
    except EditConflict:
        messages.error(request, "The section kept changing; nothing was shared. Try again.")
        return redirect("reviews:debrief", pk)
    except SectionTooLong as refused:
        messages.error(request, f"Nothing was shared: {refused}")
        return redirect("reviews:debrief", pk)
    messages.success(request, f"Shared into {section.title}; the rest stays private.")
    return redirect(section.get_absolute_url())


@login_required
@require_POST
def debrief_delete(request: HttpRequest, pk: int, debrief_pk: int) -> HttpResponse:
    _, own = _own_debrief(request, pk, debrief_pk)
    own.delete()
    messages.success(request, "Your debrief is deleted. What you shared stays in the review.")
    return redirect("reviews:debrief", pk)


# -- Review templates (admins) ----------------------------------------------------------------


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            template = form.save()
            # A new template starts as a copy of the default one, to edit from.
            source = ReviewTemplate.default()
            specs = source.section_specs() if source else []
            TemplateSection.objects.bulk_create(
                TemplateSection(template=template, key=k, title=t, prompt=p, position=i)
                for i, (k, t, p) in enumerate(specs)
            )
            record_change(admin, template, "create", {}, {"name": template.name})
        messages.success(request, f"Template {template.name} created.")
        return redirect("reviews:template_edit", template.pk)
    templates = ReviewTemplate.objects.prefetch_related("sections")
    status = 400 if form.errors else 200
    context = {"templates": templates, "form": form}
    return render(request, "reviews/templates.html", context, status=status)


@login_required
def template_edit(request: HttpRequest, template_pk: int) -> HttpResponse:
    admin = require_admin(request)
    template = get_object_or_404(ReviewTemplate, pk=template_pk)
    data = request.POST if request.method == "POST" else None
    form = TemplateForm(data, instance=template, prefix="template")
    # The empty row for a new section offers the next position, so it lands last.
    last = max((s.position for s in template.sections.all()), default=-1)
    formset = SectionFormSet(
        data, instance=template, prefix="sections", initial=[{"position": last + 1}]
    )
    conflict = None
    if data is not None and form.is_valid() and formset.is_valid():
        before = _template_audit(template)
        try:
            with transaction.atomic():
                form.save()
                formset.save()
                after = _template_audit(template)
                record_change(admin, template, "update", before, after)
        except versions.EditConflict:
            template, form, formset, conflict = _template_conflict(template_pk, form, formset)
        else:
            messages.success(
                request, "Template saved. Reviews already started keep their sections."
            )
            return redirect("reviews:template_edit", template.pk)
    status = 409 if conflict else 400 if data is not None else 200
    context = {"template": template, "form": form, "formset": formset, "conflict": conflict}
    return render(request, "reviews/template_edit.html", context, status=status)


def _template_conflict(template_pk: int, form, formset):
    """The page again after a conflict: every stale row shown, the admin's input kept."""
    conflicts = versions.stale([form, *formset.forms])
    template = get_object_or_404(ReviewTemplate, pk=template_pk)
    data = versions.rebased_all(form.data, conflicts)
    form = TemplateForm(data, instance=template, prefix="template")
    formset = SectionFormSet(data, instance=template, prefix="sections")
    conflict = versions.describe_all(conflicts, template.name) if conflicts else None
    return template, form, formset, conflict


def _template_audit(template: ReviewTemplate) -> dict:
    return {
        "name": template.name,
        "needs_approval": template.needs_approval,
        "sections": template.section_specs(),
    }


@login_required
@require_POST
def template_default(request: HttpRequest, template_pk: int) -> HttpResponse:
    admin = require_admin(request)
    template = get_object_or_404(ReviewTemplate, pk=template_pk)
    template.make_default(admin)
    messages.success(request, f"New reviews now start from {template.name}.")
    return redirect("reviews:templates")
