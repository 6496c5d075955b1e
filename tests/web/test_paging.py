"""Long lists page by key and count up to a cap: the page is right, "next" is right, order kept."""

from __future__ import annotations

import pytest

from unblame.incidents.models import Incident
from unblame.server.paging import CappedPaginator, KeyPagination, Listed, page_by_key, rows_by_key

from .conftest import NOW


@pytest.fixture
def incidents(sev2):
    Incident.objects.bulk_create(
        [Incident(title=f"n{n:02d}", severity=sev2, declared_at=NOW) for n in range(23)]
    )
    return Incident.objects.order_by("title")


def test_a_count_under_the_cap_is_exact(incidents):
    paginator = CappedPaginator(incidents, 5, cap=100)
    assert paginator.count == 23
    assert not paginator.capped
    assert paginator.num_pages == 5


def test_a_count_over_the_cap_stops_at_it_and_says_so(incidents):
    paginator = CappedPaginator(incidents, 5, cap=10)
    assert paginator.count == 10
    assert paginator.capped


def test_asking_for_a_page_counts_at_least_one_page_past_it(incidents):
    paginator = CappedPaginator(incidents, 5, cap=10)
    page = paginator.get_page(3)
    # Page 3 needs rows 11-15 and one more page to know "next": the cap grows to 20.
    assert paginator.cap == 20
    assert [i.title for i in page.object_list] == ["n10", "n11", "n12", "n13", "n14"]
    assert page.has_next()
    assert paginator.capped


def test_the_last_page_has_no_next(incidents):
    paginator = CappedPaginator(incidents, 5, cap=10)
    page = paginator.get_page(5)
    assert [i.title for i in page.object_list] == ["n20", "n21", "n22"]
    assert not page.has_next()
    assert not paginator.capped
    assert paginator.count == 23


@pytest.mark.parametrize("number", [None, "", "x", "1.5"])
def test_an_unreadable_page_number_is_the_first_page(incidents, number):
    page = CappedPaginator(incidents, 5, cap=10).get_page(number)
    assert page.number == 1
    assert page.object_list[0].title == "n00"


def test_a_page_beyond_the_end_is_the_last(incidents):
    page = CappedPaginator(incidents, 5, cap=10).get_page(99)
    assert page.number == 5
    assert len(page.object_list) == 3


def test_rows_come_back_in_the_order_of_their_keys_and_missing_ones_are_skipped(incidents):
    keys = list(incidents.values_list("pk", flat=True))
    wanted = [keys[4], keys[0], 999_999, keys[2]]
    assert [i.title for i in rows_by_key(Incident.objects.all(), wanted)] == ["n04", "n00", "n02"]
    assert rows_by_key(Incident.objects.all(), []) == []


def test_rows_by_key_still_applies_the_querysets_own_filter(incidents):
    keys = list(incidents.values_list("pk", flat=True))
    narrowed = Incident.objects.exclude(title="n01")
    assert [i.title for i in rows_by_key(narrowed, keys[:3])] == ["n00", "n02"]


def test_a_page_by_key_holds_whole_rows_in_the_lists_order(incidents):
    page = page_by_key(incidents.order_by("-title"), 2, 10)
    assert [i.title for i in page.object_list] == [f"n{n:02d}" for n in range(12, 2, -1)]
    assert all(isinstance(i, Incident) for i in page.object_list)
    assert page.has_next() and page.has_previous()
    assert page.paginator.count == 23


def test_an_empty_list_is_one_empty_page(db):
    page = page_by_key(Incident.objects.order_by("pk"), 1, 10)
    assert list(page.object_list) == []
    assert page.number == 1
    assert not page.has_next()


def _key_page(listed: Listed, offset: int, limit: int) -> dict:
    pagination = KeyPagination.Input(offset=offset, limit=limit)
    return KeyPagination().paginate_queryset(listed, pagination, request=None)


def test_a_key_page_loads_its_rows_from_rows_in_the_lists_order(incidents):
    listed = Listed(incidents.order_by("-title"), rows=Incident.objects.only("title"))
    page = _key_page(listed, 20, 5)
    assert [i.title for i in page["items"]] == ["n02", "n01", "n00"]
    assert page["count"] == 23
    assert page["items"][0].get_deferred_fields(), "rows come from `rows`, with its columns"


def test_a_key_page_takes_its_keys_from_visible_alone(incidents):
    # `rows` loads by key and filters nothing: what the page holds is what `visible` let through.
    visible = incidents.exclude(title__in=["n00", "n01"])
    page = _key_page(Listed(visible, rows=Incident.objects.all()), 0, 100)
    assert [i.title for i in page["items"]] == [f"n{n:02d}" for n in range(2, 23)]
    assert page["count"] == 21


def test_a_key_page_without_rows_loads_from_visible(incidents):
    page = _key_page(Listed(incidents.exclude(title="n03")), 2, 2)
    assert [i.title for i in page["items"]] == ["n02", "n04"]
    assert not page["items"][0].get_deferred_fields()


def test_a_page_by_key_can_load_its_rows_from_elsewhere(incidents):
    # The keys come from the list's own filter; `rows` only gives the rows' shape.
    page = page_by_key(incidents.exclude(title="n00"), 3, 10, Incident.objects.only("title"))
    assert [i.title for i in page.object_list] == ["n21", "n22"]
    assert page.object_list[0].get_deferred_fields()
    assert page.paginator.count == 22
