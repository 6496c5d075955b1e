"""GET /api/action-items: a fixed handful of queries, rows as the item endpoint gives them.

The list loads a page's rows by key with only the columns a row shows
(actions.api.LISTED_FIELDS), reads the factors' ids from the link table
(actions.models.link_factor_ids) and the findings from what is stored. These
tests pin the queries it asks, that each row says exactly what GET
/api/action-items/{id} says, that pages meet without a gap or a repeat at
every boundary, and that a restricted incident's items reach only those who
may see it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unblame.actions.models import ActionItem, ContributingFactor, link_factor_ids
from unblame.incidents.models import Incident, Responder
from unblame.insights import index, rollups

from .actions_cast import *  # noqa: F403

# Session, user, the page's keys, its rows, the chat authors of their
# incidents, the accounts and roster names, the factor links, and the count
# (every matching item, less those on hidden incidents).
QUERIES = 10


def _items(incident: Incident, count: int, start: date) -> list[ActionItem]:
    # Due dates repeat and some are missing, so the order leans on its tie-breakers.
    items = [
        ActionItem(
            incident=incident,
            title=f"Alert on queue depth {n}",
            due_date=None if n % 5 == 0 else start + timedelta(days=n % 3),
            priority=("p1", "p2", "p3")[n % 3],
        )
        for n in range(count)
    ]
    # One INSERT, with the findings each item's save() would store, then the search
    # index and the rollups written once, as importers do: a save per item, each
    # refreshing both, had been most of every test's time here.
    for item in items:
        item.refresh_stored_findings()
    made = ActionItem.objects.bulk_create(items)
    index.refresh(ActionItem, [item.pk for item in made])
    rollups.refresh([incident.pk])
    return made


def _visible_order(user) -> list[int]:
    return list(ActionItem.objects.visible_to(user).by_due_date().values_list("pk", flat=True))


def _walk(client, limit: int, query: str = "") -> tuple[list[int], set[int]]:
    ids, counts, offset = [], set(), 0
    while True:
        body = client.get(f"/api/action-items?limit={limit}&offset={offset}{query}").json()
        counts.add(body["count"])
        if not body["items"]:
            return ids, counts
        ids += [row["id"] for row in body["items"]]
        offset += limit


@pytest.fixture
def many(incident, restricted, category):
    """110 items on the visible incident, 6 on the restricted one; factors linked out of order."""
    items = _items(incident, 110, date(2026, 3, 1))
    _items(restricted, 6, date(2026, 2, 1))
    late = ContributingFactor.objects.create(
        incident=incident, category=category, description="No alert.", position=9
    )
    early = ContributingFactor.objects.create(
        incident=incident, category=category, description="No canary.", position=2
    )
    items[0].factors.add(late, early)
    items[1].factors.add(late)
    return items


# -- Queries -------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 100])
def test_a_page_asks_the_same_queries_however_long(as_viewer, many, limit):
    with CaptureQueriesContext(connection) as captured:
        body = as_viewer.get(f"/api/action-items?limit={limit}").json()
    assert len(body["items"]) == limit
    assert len(captured.captured_queries) == QUERIES


def test_a_page_reads_no_column_a_row_does_not_show(as_viewer, many):
    with CaptureQueriesContext(connection) as captured:
        as_viewer.get("/api/action-items?limit=100")
    every = [query["sql"] for query in captured.captured_queries]
    (rows,) = [sql for sql in every if '"actions_actionitem"."title"' in sql]
    # The incident is read for its key alone, the owner for a name, factors by link.
    assert '"incidents_incident"."id"' in rows and '"accounts_user"."username"' in rows
    assert '"incidents_incident"."title"' not in rows
    assert '"accounts_user"."email"' not in rows
    assert '"actions_actionitem"."last_reminded_at"' not in rows
    assert not [sql for sql in every if '"actions_contributingfactor"."description"' in sql]


def test_stale_findings_are_written_back_in_one_more_query(as_viewer, many):
    ActionItem.objects.update(stored_findings=None)
    with CaptureQueriesContext(connection) as captured:
        as_viewer.get("/api/action-items?limit=100")
    assert len(captured.captured_queries) == QUERIES + 1
    assert not ActionItem.objects.filter(pk__in=[i.pk for i in many[:3]], stored_findings=None)


# -- Rows ----------------------------------------------------------------------------------


def test_each_row_is_what_the_item_endpoint_gives(as_viewer, many, editor, frozen):
    many[2].kind = ActionItem.Kind.LEARN
    many[3].title = "Remind engineers to be more careful when deploying"
    many[4].description = "Tell everyone to double-check the config"
    many[5].owner = editor
    for item in many[2:6]:
        item.due_date = date(2026, 1, 1)
        item.save()
    rows = as_viewer.get("/api/action-items?limit=100").json()["items"]
    assert {row["id"] for row in rows} >= {item.pk for item in many[:6]}
    assert any(row["try_harder"] for row in rows) and any(row["factor_ids"] for row in rows)
    for row in rows:
        alone = as_viewer.get(f"/api/action-items/{row['id']}").json()
        assert row == alone


def test_factor_ids_follow_the_factors_order_not_the_links(many):
    first, second, third = (ActionItem.objects.get(pk=item.pk) for item in many[:3])
    link_factor_ids([first, second, third])
    assert first.factor_ids() == [factor.pk for factor in first.factors.all()]
    assert [ContributingFactor.objects.get(pk=pk).position for pk in first.factor_ids()] == [2, 9]
    assert len(second.factor_ids()) == 1
    assert third.factor_ids() == []


def test_an_unlisted_item_reads_its_factors_itself(many):
    item = ActionItem.objects.get(pk=many[0].pk)
    assert item.factor_ids() == [factor.pk for factor in item.factors.all()]
    assert len(item.factor_ids()) == 2


def test_findings_as_dicts_are_the_findings(incident):
    (item,) = ActionItem.objects.bulk_create(
        [
            ActionItem(
                incident=incident,
                title="Remind engineers to be more careful",
                description="Tell the team to pay more attention",
            )
        ]
    )
    item = ActionItem.objects.get(pk=item.pk)
    assert item.stored_findings is None
    dicts = item.try_harder_dicts()
    assert dicts == [finding.to_dict() for finding in item.try_harder_findings()]
    assert dicts, "the example must have findings to compare"
    assert item.changes_the_system is False


def test_a_learning_item_never_changes_the_system(incident):
    item = ActionItem.objects.create(
        incident=incident, title="Write a runbook for the queue", kind=ActionItem.Kind.LEARN
    )
    assert item.try_harder_dicts() == []
    assert item.changes_the_system is False
    item.kind = ActionItem.Kind.PREVENT
    assert item.changes_the_system is True


# -- Paging --------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 3, 7, 25, 100])
def test_pages_meet_without_gap_or_repeat(as_viewer, viewer, many, limit):
    ids, counts = _walk(as_viewer, limit)
    assert ids == _visible_order(viewer)
    assert counts == {len(ids)}


@pytest.mark.parametrize("limit", [4, 50])
def test_pages_of_a_filter_meet_too(as_viewer, viewer, many, limit, frozen):
    ActionItem.objects.filter(pk__in=[item.pk for item in many[::4]]).update(status="done")
    ids, counts = _walk(as_viewer, limit, "&status=open")
    expected = ActionItem.objects.visible_to(viewer).filter(status="open").by_due_date()
    assert ids == list(expected.values_list("pk", flat=True))
    assert counts == {len(ids)}


def test_the_last_row_and_past_the_end(as_viewer, viewer, many):
    order = _visible_order(viewer)
    last = as_viewer.get(f"/api/action-items?limit=5&offset={len(order) - 1}").json()
    assert [row["id"] for row in last["items"]] == order[-1:]
    past = as_viewer.get(f"/api/action-items?limit=5&offset={len(order)}").json()
    assert past == {"items": [], "count": len(order)}


def test_undated_items_come_last(as_viewer, many):
    rows = _walk(as_viewer, 30)[0]
    dates = [ActionItem.objects.get(pk=pk).due_date for pk in rows]
    first_undated = dates.index(None)
    assert all(day is None for day in dates[first_undated:])
    assert dates[:first_undated] == sorted(dates[:first_undated])


# -- Visibility ----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "&status=open", "&overdue=true", "&owner=ed"])
def test_a_restricted_incidents_items_never_reach_a_viewer_who_may_not_see_it(
    as_viewer, restricted, many, editor, query, frozen
):
    ActionItem.objects.filter(incident=restricted).update(owner=editor)
    ActionItem.objects.filter(pk__in=[item.pk for item in many[:3]]).update(owner=editor)
    hidden = set(ActionItem.objects.filter(incident=restricted).values_list("pk", flat=True))
    for limit in (7, 100):
        ids, counts = _walk(as_viewer, limit, query)
        assert ids, "the list must have rows to check"
        assert not hidden & set(ids)
        assert counts == {len(ids)}


def test_a_responder_on_the_restricted_incident_sees_its_items(as_viewer, viewer, restricted, many):
    hidden = set(ActionItem.objects.filter(incident=restricted).values_list("pk", flat=True))
    Responder.objects.create(incident=restricted, user=viewer)
    ids, counts = _walk(as_viewer, 100)
    assert hidden <= set(ids)
    assert counts == {len(many) + len(hidden)}


def test_a_trashed_incidents_items_leave_the_list(as_admin, admin, incident, many):
    before = _walk(as_admin, 100)[0]
    incident.trash(admin)
    ids, counts = _walk(as_admin, 100)
    assert len(ids) == len(before) - len(many)
    assert not {item.pk for item in many} & set(ids)
    assert counts == {len(ids)}
