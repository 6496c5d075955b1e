"""The size limits of unblame in one place, and the middleware that refuses big bodies early.

Each limit is documented in docs/self-hosting.md ("Limits"); the numbers are
far above what a real review, chat export or alert needs, and low enough
that one request cannot hold a worker for long or fill its memory.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse

MB = 1024 * 1024

# A whole request: the largest upload (a 50 MB chat export) and its form.
MAX_REQUEST_BYTES = 51 * MB
# A request without files (forms, JSON, webhooks): Django's DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_FORM_BYTES = 2 * MB + MB // 2
# One review section's text: about 8,000 words. Rendering and analysing text
# costs time that grows with it, and every reader of the review pays it.
MAX_SECTION_CHARS = 50_000
# Text sent to a live check (review analysis, action-item hints): the longest
# field it can come from.
MAX_ANALYZE_CHARS = MAX_SECTION_CHARS
# Findings a live check answers with; the count of the rest is given instead.
MAX_FINDINGS = 100
# Any other free text (an incident's summary, a timeline entry, a factor's or
# action item's description, a debrief answer): as long as a review section.
MAX_TEXT_CHARS = MAX_SECTION_CHARS


def cap_free_text(form: forms.BaseForm) -> None:
    """Give every text field of the form that has no length limit MAX_TEXT_CHARS.

    Model TextFields come without one; the limit is a form's, so a longer text
    is the form's error with the text kept, not a database's.
    """
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is None:
            field.max_length = MAX_TEXT_CHARS
            field.validators.append(MaxLengthValidator(MAX_TEXT_CHARS))


class RequestSizeMiddleware:
    """Answer 413 to a body declared larger than the limit, before any of it is read.

    Requests without files may carry MAX_FORM_BYTES, uploads MAX_REQUEST_BYTES.
    A body sent without a length (chunked) is bounded by waitress's
    max_request_body_size and by Django's own limits as it is read.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.\n", status=400, content_type="text/plain")
        is_upload = request.content_type == "multipart/form-data"
        limit = MAX_REQUEST_BYTES if is_upload else MAX_FORM_BYTES
        if length > limit:
            return HttpResponse(
                f"The request is larger than {limit / MB:g} MB; nothing was read.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
