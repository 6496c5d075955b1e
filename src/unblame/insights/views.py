"""Insights and search pages: read-only, and every figure from incidents the viewer may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from unblame.incidents.access import get_incident_for_user
from unblame.insights import cache, reports, writing
from unblame.insights.charts import Block
from unblame.insights.drill import described, drill
from unblame.insights.filters import SearchForm
from unblame.insights.related import related_incidents
from unblame.insights.response import response_times
from unblame.insights.scope import Scope
from unblame.insights.search import search

SEARCH_PAGE = 25


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 200))
    except ValueError:
        return 1


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    data = form.data_or_empty
    query = (data.get("q") or "").strip()
    number = _page_number(request)
    hits = []
    if query:
        # One more than a page tells whether there is a next one without counting.
        hits = search(
            form.incidents(request.user),
            query,
            kind=data.get("kind") or "",
            limit=SEARCH_PAGE + 1,
            offset=(number - 1) * SEARCH_PAGE,
        )
    context = {
        "form": form,
        "query": query,
        "hits": hits[:SEARCH_PAGE],
        "page_number": number,
        "first_number": (number - 1) * SEARCH_PAGE + 1,
        "has_next": len(hits) > SEARCH_PAGE,
        "next_query": form.query_string(q=query, kind=data.get("kind"), page=number + 1),
        "previous_query": form.query_string(q=query, kind=data.get("kind"), page=number - 1),
    }
    return render(request, "insights/search.html", context)


# -- Insights ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    question: str
    build: Callable[[Scope], list[Block]]


def _writing_blocks(scope: Scope) -> list[Block]:
    return writing.writing(scope)


REPORTS = {
    report.slug: report
    for report in (
        Report(
            "factors",
            "Recurring contributing factors",
            "Which gaps in the system keep letting incidents through?",
            reports.factors,
        ),
        Report(
            "response",
            "Time to detect, acknowledge, mitigate and resolve",
            "Are we noticing and recovering faster?",
            response_times,
        ),
        Report(
            "follow-through",
            "Follow-through on action items",
            "Do the follow-ups get done, and do they change the system?",
            reports.follow_through,
        ),
        Report(
            "writing",
            "How blameless the writing is",
            "Do published reviews stay about the system?",
            _writing_blocks,
        ),
        Report(
            "load",
            "Responder load",
            "Who carries the incidents, and how much of it out of hours?",
            reports.load,
        ),
        Report(
            "reviews",
            "Review health",
            "Do reviews get written and published while the incident is fresh?",
            reports.review_health,
        ),
    )
}


def _report(slug: str) -> Report:
    if slug not in REPORTS:
        raise Http404("No such report.")
    return REPORTS[slug]


@login_required
def insights_index(request: HttpRequest) -> HttpResponse:
    scope = Scope.of(request)
    context = {"scope": scope, "form": scope.form, "reports": REPORTS.values()}
    return render(request, "insights/index.html", context)


@login_required
def report_page(request: HttpRequest, slug: str) -> HttpResponse:
    report = _report(slug)
    scope = Scope.of(request)
    blocks = cache.kept(scope, slug, lambda: report.build(scope))
    context = {
        "report": report,
        "reports": REPORTS.values(),
        "blocks": blocks,
        "form": scope.form,
        "query": scope.form.query_string(),
    }
    return render(request, "insights/report.html", context)


@login_required
def report_csv(request: HttpRequest, slug: str, block: str) -> HttpResponse:
    scope = Scope.of(request)
    report = _report(slug)
    found = [b for b in cache.kept(scope, slug, lambda: report.build(scope)) if b.slug == block]
    if not found:
        raise Http404("No such table.")
    response = HttpResponse(found[0].table.csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{slug}-{block}.csv"'
    return response


DRILL_PAGE = 50


@login_required
def drill_page(request: HttpRequest) -> HttpResponse:
    scope = Scope.of(request)
    incidents = drill(scope.incidents, request.GET).select_related("severity")
    page = Paginator(incidents.order_by("-declared_at", "-id"), DRILL_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": scope.form,
        "page": page,
        "described": described(request.GET),
        "reports": REPORTS.values(),
        "page_query": _without_page(request),
    }
    return render(request, "insights/incidents.html", context)


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def related_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The related-incidents card of an incident the user may see (404 otherwise)."""
    incident = get_incident_for_user(request.user, pk)
    found = related_incidents(incident, request.user)
    return render(request, "insights/_related.html", {"related": found, "incident": incident})
