"""Insights and search pages: read-only, and every figure from incidents the viewer may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from unblame.insights.filters import SearchForm
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
