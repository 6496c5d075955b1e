"""Download a review as Markdown or HTML; upload Markdown to create or update one.

Incidents come through incidents.access: a restricted incident is a 404 to
anyone not on it, and only people who can write may import.
"""

from __future__ import annotations

from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from unblame.accounts import attribution
from unblame.incidents.access import can_write, get_incident_for_user
from unblame.reviews.models import Review
from unblame.server.import_slots import RETRY_AFTER_SECONDS, ImportsBusy

from .document import MarkdownFormatError
from .export import export_review
from .forms import ConfirmImportForm, ImportForm
from .html import export_html
from .importer import ImportRefused, import_review, preview_import


def _review_for(request: HttpRequest, pk: int) -> Review:
    incident = get_incident_for_user(request.user, pk)
    review = Review.objects.filter(incident=incident).first()
    if review is None:
        raise Http404("This incident has no review yet.")
    return review


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def review_markdown(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review_for(request, pk)
    return _download(export_review(review), "text/markdown", f"incident-{pk}-review.md")


@login_required
def review_html(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review_for(request, pk)
    return _download(export_html(review), "text/html", f"incident-{pk}-review.html")


@login_required
def review_import(request: HttpRequest) -> HttpResponse:
    """Upload a file, see what it would create or change, then import it (or not)."""
    if not can_write(request.user):
        raise PermissionDenied
    if request.method == "POST" and "content" in request.POST:
        return _confirm(request, ConfirmImportForm(request.POST))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data, name = upload.read(), upload.name or ""
        try:
            result = preview_import(data, request.user, default_title=PurePath(name).stem)
        except ImportsBusy as busy:
            form.add_error(None, f"Nothing was imported: {busy.reason}.")
            return _busy(render(request, "review_markdown/import.html", {"form": form}))
        except (MarkdownFormatError, ImportRefused) as error:
            form.add_error("file", str(error))
        else:
            confirm = ConfirmImportForm(initial=ConfirmImportForm.initial_for(data, name))
            context = {"result": result, "confirm": confirm, "filename": name}
            return render(request, "review_markdown/preview.html", context)
    status = 400 if form.errors else 200
    return render(request, "review_markdown/import.html", {"form": form}, status=status)


def _confirm(request: HttpRequest, confirm: ConfirmImportForm) -> HttpResponse:
    if not confirm.is_valid():
        problem = " ".join(confirm.errors.get("content", ["Upload the file again."]))
        return _upload_again(request, problem)
    name = confirm.cleaned_data["name"]
    # Only the people the importer left ticked in the preview are tied to accounts.
    confirmed = request.POST.getlist(attribution.FIELD)
    try:
        result = import_review(
            confirm.cleaned_data["content"],
            request.user,
            default_title=PurePath(name).stem,
            attribute=confirmed,
        )
    except ImportsBusy as busy:
        # The file and the choices are kept on the page, to be sent again as they are.
        context = {"confirm": confirm, "confirmed": confirmed, "reason": busy.reason}
        return _busy(render(request, "review_markdown/busy.html", context))
    except (MarkdownFormatError, ImportRefused) as error:
        # The record changed between preview and import in a way the file cannot go into.
        return _upload_again(request, f"{name or 'The file'}: {error}")
    return render(request, "review_markdown/imported.html", {"result": result})


def _busy(response: HttpResponse) -> HttpResponse:
    """503 with Retry-After, as the chat import answers when every import slot is taken."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _upload_again(request: HttpRequest, problem: str) -> HttpResponse:
    context = {"form": ImportForm(), "problem": problem}
    return render(request, "review_markdown/import.html", context, status=400)
