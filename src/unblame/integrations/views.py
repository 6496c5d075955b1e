"""Chat import pages, the alert webhook, and the alert source settings.

Incidents come through incidents.access like everywhere else; the webhook
has no user and authenticates the source by its token instead.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from unblame.accounts import attribution
from unblame.accounts.access import require_admin
from unblame.accounts.models import record_change, snapshot
from unblame.incidents.access import get_incident_for_user
from unblame.integrations.alerts import MAX_BODY_BYTES, AlertParseError
from unblame.integrations.chat import ChatParseError, clean_text
from unblame.integrations.forms import AlertSourceForm, ChatUploadForm
from unblame.integrations.models import AlertSource, ChatUpload
from unblame.integrations.upload import FORMATS, ImportsBusy, detect_format
from unblame.server.import_slots import RETRY_AFTER_SECONDS

PREVIEW_ROWS = 500


# -- Chat import ---------------------------------------------------------------------------


@login_required
def chat_import(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk, write=True)
    form = ChatUploadForm(
        request.POST or None, request.FILES or None, user_zone=request.user.timezone
    )
    if request.method == "POST" and form.is_valid():
        upload = _upload_from(request, incident, form)
        try:
            upload.messages()
        except ImportsBusy as error:
            return _busy(request, incident, form, error)
        except ChatParseError as error:
            form.add_error("file", str(error))
        else:
            ChatUpload.purge_stale()
            upload.save()
            return redirect("integrations:chat_preview", incident.pk, upload.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "integrations/chat_import.html",
        {"incident": incident, "form": form},
        status=status,
    )


def _busy(request: HttpRequest, incident, form: ChatUploadForm, error: ImportsBusy) -> HttpResponse:
    """503 with the form and its choices kept; the file has to be chosen again."""
    form.add_error(None, f"Nothing was imported: {error.reason}.")
    context = {"incident": incident, "form": form}
    response = render(request, "integrations/chat_import.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _upload_from(request: HttpRequest, incident, form: ChatUploadForm) -> ChatUpload:
    """The upload as an unsaved row: it is stored only once it parses."""
    file = form.cleaned_data["file"]
    return ChatUpload(
        incident=incident,
        uploaded_by=request.user,
        filename=clean_text(file.name or "upload")[:200],
        content=file.read(),
        time_zone=form.cleaned_data["time_zone"],
        day=form.cleaned_data["day"],
        channel=form.cleaned_data["channel"].strip(),
    )


def _upload_for(request: HttpRequest, pk: int, upload_pk: int):
    incident = get_incident_for_user(request.user, pk, write=True)
    # Only the person who uploaded a file can preview or import it.
    upload = ChatUpload.objects.filter(
        pk=upload_pk, incident=incident, uploaded_by=request.user
    ).first()
    if upload is None:
        raise Http404("No such upload; it may have been imported or expired.")
    return incident, upload


@login_required
def chat_preview(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    incident, upload = _upload_for(request, pk, upload_pk)
    try:
        if request.method == "POST":
            return _confirm(request, incident, upload)
        rows = upload.preview()
        attributions = upload.attributions([row.message for row in rows if not row.duplicate])
    except ImportsBusy as error:
        # The upload is kept: it reads fine, the server is only busy.
        context = {"incident": incident, "upload": upload, "reason": error.reason}
        response = render(request, "integrations/chat_busy.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    except ChatParseError as error:
        # Only if the parser changed since the upload was read; start again with it.
        upload.delete()
        messages.error(request, f"The file can no longer be read ({error}); upload it again.")
        return redirect("integrations:chat_import", incident.pk)
    fresh = sum(1 for row in rows if not row.duplicate)
    context = {
        "incident": incident,
        "upload": upload,
        "format": FORMATS[detect_format(upload.filename, bytes(upload.content))],
        "rows": rows[:PREVIEW_ROWS],
        "hidden": max(0, len(rows) - PREVIEW_ROWS),
        "total": len(rows),
        "fresh": fresh,
        "duplicates": len(rows) - fresh,
        "notes": [row.message.note for row in rows if row.message.note],
        "attributions": attributions,
    }
    return render(request, "integrations/chat_preview.html", context)


def _confirm(request: HttpRequest, incident, upload: ChatUpload) -> HttpResponse:
    try:
        # Only the authors the uploader ticked in the preview are tied to accounts.
        result = upload.import_messages(request.user, request.POST.getlist(attribution.FIELD))
    except IntegrityError:
        # Someone imported the same messages in the same moment; nothing of ours was kept.
        messages.error(
            request, "The timeline changed while importing; nothing was added. Try again."
        )
        return redirect("integrations:chat_preview", incident.pk, upload.pk)
    text = f"Imported {result.added} message{'' if result.added == 1 else 's'}"
    if result.duplicates:
        text += f"; {result.duplicates} already on the timeline were skipped"
    messages.success(request, text + ".")
    return redirect(f"{incident.get_absolute_url()}#timeline")


@login_required
@require_POST
def chat_discard(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    incident, upload = _upload_for(request, pk, upload_pk)
    upload.delete()
    messages.success(request, "Nothing was imported.")
    return redirect(incident)


# -- Alert webhook --------------------------------------------------------------------------


def _bearer_token(request: HttpRequest) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    # For senders that can only be given a URL; the header keeps tokens out of access logs.
    return request.GET.get("token", "")


def _error(status: int, reason: str) -> JsonResponse:
    response = JsonResponse({"error": reason}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="unblame alert webhook"'
    return response


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@csrf_exempt
@require_POST
def alert_webhook(request: HttpRequest, source_id: int) -> HttpResponse:
    """POST /hooks/alerts/<id>/: 401 alike for a wrong token or no such source; 400 says why."""
    source = AlertSource.authenticate(source_id, _bearer_token(request))
    if source is None:
        return _error(401, "unknown source or wrong token")
    if _content_length(request) > MAX_BODY_BYTES:
        return _error(413, f"body is larger than {MAX_BODY_BYTES // 1024} KB")
    try:
        alerts = source.parse(request.body)
    except AlertParseError as error:
        return _error(400, error.reason)
    except RequestDataTooBig:
        # A chunked body with no Content-Length, past Django's own limit.
        return _error(413, f"body is larger than {MAX_BODY_BYTES // 1024} KB")
    result = source.receive(alerts)
    return JsonResponse(result.as_dict(), status=201 if result.opened or result.triaged else 200)


# -- Alert sources (admins) ---------------------------------------------------------------


@login_required
def alert_sources(request: HttpRequest) -> HttpResponse:
    admin = require_admin(request)
    form = AlertSourceForm(request.POST or None)
    token = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            source = form.save(commit=False)
            token = source.new_token()
            source.save()
            record_change(admin, source, "create", {}, snapshot(source, list(form.fields)))
        form = AlertSourceForm()
        return _sources_page(request, form, shown=(source, token))
    return _sources_page(request, form, status=400 if form.errors else 200)


def _sources_page(request, form, shown=None, status=200) -> HttpResponse:
    sources = AlertSource.objects.select_related("default_severity", "service")
    rows = [(s, _hook_url(request, s)) for s in sources]
    context = {"rows": rows, "form": form, "shown": shown}
    if shown is not None:
        context["shown_url"] = _hook_url(request, shown[0])
    return render(request, "integrations/alert_sources.html", context, status=status)


def _hook_url(request: HttpRequest, source: AlertSource) -> str:
    return request.build_absolute_uri(reverse("integrations:alert_webhook", args=[source.pk]))


@login_required
@require_POST
def alert_source_rotate(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    source = get_object_or_404(AlertSource, pk=pk)
    with transaction.atomic():
        token = source.new_token()
        source.save(update_fields=["token_digest"])
        record_change(admin, source, "rotate_token", {}, {})
    return _sources_page(request, AlertSourceForm(), shown=(source, token))


@login_required
@require_POST
def alert_source_delete(request: HttpRequest, pk: int) -> HttpResponse:
    admin = require_admin(request)
    source = get_object_or_404(AlertSource, pk=pk)
    with transaction.atomic():
        record_change(admin, source, "delete", {"name": source.name}, {})
        source.delete()
    messages.success(request, f"{source.name} removed; its incidents and events stay.")
    return redirect("integrations:alert_sources")
