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

from unblame.incidents.access import can_write, get_incident_for_user
from unblame.reviews.models import Review

from .document import MarkdownFormatError
from .export import export_review
from .forms import ImportForm
from .html import export_html
from .importer import ImportRefused, import_review


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
    if not can_write(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_review(
                upload.read(), request.user, default_title=PurePath(upload.name or "").stem
            )
        except (MarkdownFormatError, ImportRefused) as error:
            form.add_error("file", str(error))
        else:
            return render(request, "review_markdown/imported.html", {"result": result})
    status = 400 if form.errors else 200
    return render(request, "review_markdown/import.html", {"form": form}, status=status)
