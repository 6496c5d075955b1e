"""Pages of long lists: rows picked by key first, then loaded whole; counted up to a cap.

For a page of 25, SQLite sorted whole rows (an action item with its incident
and owner) of every match: 14,000 open items at 100,000 incidents took
160 ms. Sorting their keys reads an index and takes about a millisecond; the
25 rows are then loaded by key. Counting every match checked each one's
incident for the viewer (over 100 ms); a page says "more than 1,000" instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from ninja.pagination import LimitOffsetPagination

# Rows counted at most, beyond the pages up to the one asked for.
COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A Paginator that counts no further than `cap` rows past what the page asked needs.

    `capped` says the list goes on beyond `count`; pages up to one past the
    page asked for are always counted, so "next" is right on every page.
    """

    def __init__(self, object_list: QuerySet, per_page: int, cap: int = COUNT_CAP) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    def get_page(self, number: Any) -> Page:
        try:
            asked = int(number)
        except (TypeError, ValueError):
            asked = 1
        self.cap = max(self.cap, (asked + 1) * self.per_page)
        return super().get_page(number)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def _counted(self) -> int:
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self._counted > self.cap


def rows_by_key(queryset: QuerySet, keys: Sequence[Any]) -> list[Any]:
    """The rows of `queryset` with these primary keys, in the keys' order."""
    # Unordered: the keys give the order, and with an ORDER BY SQLite walked
    # the list's index over every incident to find 25 keys (70 ms at 100,000).
    found = {row.pk: row for row in queryset.filter(pk__in=keys).order_by()}
    return [found[key] for key in keys if key in found]


def page_by_key(
    queryset: QuerySet, number: Any, per_page: int, rows: QuerySet | None = None
) -> Page:
    """A page of `queryset` as Paginator's get_page gives it, counted up to a cap (above).

    `rows`, when given, is what the page's rows are loaded from by key, without
    `queryset`'s filters (see Listed.rows).
    """
    page = CappedPaginator(queryset.values_list("pk", flat=True), per_page).get_page(number)
    page.object_list = rows_by_key(queryset if rows is None else rows, list(page.object_list))
    return page


# -- API lists ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """An API list: the rows the caller may see, and what counts them without checking each.

    `every` holds the same filters over all rows, visible or not, and
    `hidden` those of them on incidents the caller may not see (a few: the
    trash and others' restricted incidents). Checking each row's incident
    for the caller to count the visible ones cost 120 ms at 100,000
    incidents; counting `every` on an index and taking off `hidden` gives
    the same number in a few milliseconds. Incidents themselves are counted
    on the covering index in one pass (12 to 26 ms), less than the two counts
    take, so their list gives `visible` only.

    `rows`, when given, is what a page's rows are loaded from by key, without
    `visible`'s filters: the keys come from `visible` already, and checking
    them again cost PostgreSQL a hash of every visible incident (145 ms for
    100 action items at 100,000 incidents).
    """

    visible: QuerySet
    every: QuerySet | None = None
    hidden: QuerySet | None = None
    rows: QuerySet | None = None

    def count(self) -> int:
        """Exact; from `every` less `hidden` when given, else by counting `visible`."""
        if self.every is None or self.hidden is None:
            return self.visible.order_by().count()
        return self.every.order_by().count() - self.hidden.order_by().count()


class KeyPagination(LimitOffsetPagination):
    """Limit and offset over keys, with an exact `count` (see Listed); the view returns a Listed.

    The offset skips entries of an index instead of whole rows (a page at
    offset 50,000 read 50,000 incidents with their severities); the page's
    rows are then loaded by key, and `loaded` may prepare them for output.
    """

    def paginate_queryset(self, queryset: Any, pagination: Any, request: Any, **params: Any) -> Any:
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        keys = list(queryset.visible.values_list("pk", flat=True)[offset : offset + limit])
        rows = rows_by_key(queryset.visible if queryset.rows is None else queryset.rows, keys)
        self.loaded(rows)
        return {self.items_attribute: rows, "count": queryset.count()}

    def loaded(self, rows: list[Any]) -> None:
        """Work a page's rows need before they are written out; nothing by default."""
