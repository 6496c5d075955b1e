"""Refreshing a review's stale facts from the incident record, or keeping the writer's text."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from unblame.incidents.access import get_incident_for_user
from unblame.reviews.facts import keep_text, refresh
from unblame.reviews.models import Review


def _editable_review(request: HttpRequest, pk: int) -> Review | None:
    incident = get_incident_for_user(request.user, pk, write=True)
    review = Review.objects.filter(incident=incident).first()
    if review is None or not review.is_editable:
        messages.error(request, "Move the review back to review before changing its facts.")
        return None
    return review


@login_required
@require_POST
def facts_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    review = _editable_review(request, pk)
    if review is not None:
        refreshed, left = refresh(review, request.user)
        if refreshed:
            names = ", ".join(stale.fact.label.lower() for stale in refreshed)
            messages.success(request, f"Refreshed from the record: {names}.")
        if left:
            names = ", ".join(stale.fact.label.lower() for stale in left)
            messages.error(
                request,
                f"Not refreshed, because the text was reworded: {names}. Update it by hand, "
                "then keep your text.",
            )
    return redirect(reverse("reviews:review", args=[pk]) + "#stale-facts")


@login_required
@require_POST
def facts_keep(request: HttpRequest, pk: int) -> HttpResponse:
    review = _editable_review(request, pk)
    if review is not None:
        kept = keep_text(review, request.user, request.POST.getlist("fact"))
        if kept:
            names = ", ".join(stale.fact.label.lower() for stale in kept)
            messages.success(request, f"Your text stays for: {names}.")
    return redirect(reverse("reviews:review", args=[pk]) + "#stale-facts")
