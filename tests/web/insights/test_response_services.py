"""Response times on SQLite, per service: minutes read from tables indexed by incident id.

Each service's figures must be the plain median and 90th percentile of the
usable minutes of its incidents that are in the rows, whichever way the
incidents are looked up (tables by id when ids are dense, a dictionary of
row positions when they are sparse or negative). An incident of a service
that is not in the rows (restricted for this viewer, out of the filters)
counts nowhere.
"""

from __future__ import annotations

import pytest
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.insights import response
from unblame.insights.response import MEASURES, UNUSABLE, bucket_of, figures_of

from .test_response_buckets import _plain, _same

VALUES = st.sampled_from([UNUSABLE, 0.0, 0.5, 3.0, 3.0, 12.25, 60.0, 1e4])


def _rows(values: dict[int, float]) -> list[tuple]:
    """One row per incident id, every measure the same minutes."""
    return [(bucket_of("2026-03", 1), pk, *(v for _ in MEASURES)) for pk, v in values.items()]


def _service_figures(rows, services, dense_enough: float) -> dict:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(response, "DENSE_ENOUGH", dense_enough)
        return figures_of(rows, services)[2]


@settings(max_examples=examples(60), deadline=None)
@given(
    st.dictionaries(st.integers(0, 60), VALUES, min_size=1, max_size=30),
    st.lists(st.lists(st.integers(0, 70), max_size=12), max_size=4),
)
def test_tables_by_id_and_positions_give_the_plain_figures(values, lists):
    rows = _rows(values)
    services = [(200 + n, ids) for n, ids in enumerate(lists)]
    dense = _service_figures(rows, services, dense_enough=10**9)
    sparse = _service_figures(rows, services, dense_enough=0)
    assert dense == sparse
    for service, ids in services:
        # An id with no row (61 to 70, or any not drawn) counts nowhere.
        usable = [values[pk] for pk in ids if pk in values and values[pk] >= 0]
        if not usable:
            assert service not in dense
            continue
        for figure in dense[service]:
            _same(figure, _plain(usable))


def test_an_id_with_no_row_counts_nowhere_on_either_side_of_the_rows():
    rows = _rows({0: 10.0, 6: 20.0, 9: 40.0})
    services = [(1, [0, 1, 7, 9, 30]), (2, [2, 3]), (3, [6])]
    by_service = _service_figures(rows, services, dense_enough=10**9)
    assert by_service[1][0] == (2, 25.0, pytest.approx(37.0))
    assert 2 not in by_service
    assert by_service[3] == [(1, 20.0, 20.0)] * len(MEASURES)


def test_a_service_with_no_incidents_or_one_unusable_value_has_no_figures():
    rows = _rows({1: 4.0, 2: UNUSABLE})
    by_service = _service_figures(rows, [(1, []), (2, [2]), (3, [1])], dense_enough=10**9)
    assert by_service == {3: [(1, 4.0, 4.0)] * len(MEASURES)}


def test_negative_ids_are_looked_up_not_read_from_a_tables_end():
    # In a table, -1 would read the last incident's minutes (99.0).
    rows = _rows({-3: 1.0, 0: 2.0, 4: 99.0})
    by_service = figures_of(rows, [(1, [-3, -1]), (2, [-1])])[2]
    assert by_service == {1: [(1, 1.0, 1.0)] * len(MEASURES)}


def test_sparse_ids_do_not_build_a_table_as_long_as_the_largest_id():
    # A list of 10**12 minutes would not fit in memory.
    rows = _rows({3: 5.0, 10**12: 7.0, 10**12 + 8: 9.0})
    by_service = figures_of(rows, [(1, [3, 10**12, 10**12 + 8, 10**12 + 9])])[2]
    assert by_service[1][2] == (3, 7.0, pytest.approx(8.6))


def test_the_table_holds_each_rows_minutes_at_its_id_and_unusable_elsewhere():
    tables = response._by_incident([4, 1], [[2.5, 7.0], [UNUSABLE, 0.0]], size=6)
    assert tables == [
        [UNUSABLE, 7.0, UNUSABLE, UNUSABLE, 2.5, UNUSABLE],
        [UNUSABLE, 0.0, UNUSABLE, UNUSABLE, UNUSABLE, UNUSABLE],
    ]
