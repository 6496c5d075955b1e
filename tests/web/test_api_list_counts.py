"""The API's lists count what the caller may see, exactly, without checking every row.

`count` is all matching rows less those on incidents the caller may not see
(server.paging.Listed). These tests compare it, and every page, with the
rows the visibility rule gives one by one, for each kind of caller, with
trashed and restricted incidents on both sides and with each filter.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from cast import NOW

from unblame.actions.models import ActionItem
from unblame.incidents.access import visible_incidents
from unblame.incidents.history import generate_history
from unblame.incidents.models import Incident, Responder, Status


@pytest.fixture
def history(db, admin, viewer, outsider, editor):
    generate_history(40, seed=11, now=NOW, batch_size=40)
    incidents = list(Incident.objects.order_by("pk"))
    restricted = [i for i in incidents if i.restricted] or incidents[:3]
    for incident in restricted[:3]:
        incident.restricted = True
        incident.save()
    # The viewer responds to one restricted incident; another goes to the trash.
    Responder.objects.get_or_create(incident=restricted[0], user=viewer)
    restricted[1].trash(admin)
    incidents[-1].trash(admin)
    # Items on visible, restricted and trashed incidents alike.
    for incident in {*incidents[:12], *restricted[:3], incidents[-1]}:
        ActionItem.objects.create(
            incident=incident,
            title="Alert on queue depth",
            owner=editor if incident.pk % 2 else None,
            due_date=NOW.date() - timedelta(days=incident.pk % 5),
        )
    return incidents


def _visible_items(user):
    return ActionItem.objects.filter(incident__in=visible_incidents(user))


def _all_pages(client, url: str, limit: int = 7) -> tuple[list[int], set[int]]:
    ids, counts, offset = [], set(), 0
    while True:
        body = client.get(f"{url}{'&' if '?' in url else '?'}limit={limit}&offset={offset}").json()
        counts.add(body["count"])
        ids += [row["id"] for row in body["items"]]
        if not body["items"]:
            return ids, counts
        offset += limit


@pytest.mark.parametrize("who", ["admin", "viewer", "outsider"])
def test_the_incident_count_is_what_the_caller_may_see(history, request, who):
    user = request.getfixturevalue(who)
    client = request.getfixturevalue(f"as_{who}")
    expected = list(visible_incidents(user).values_list("pk", flat=True))
    ids, counts = _all_pages(client, "/api/incidents")
    assert counts == {len(expected)}
    assert ids == expected


@pytest.mark.parametrize("who", ["admin", "viewer", "outsider"])
def test_the_incident_count_follows_the_status_filter(history, request, who):
    user = request.getfixturevalue(who)
    client = request.getfixturevalue(f"as_{who}")
    expected = visible_incidents(user).filter(status=Status.CLOSED)
    ids, counts = _all_pages(client, "/api/incidents?status=closed")
    assert counts == {expected.count()}
    assert ids == list(expected.values_list("pk", flat=True))


def test_a_restricted_incident_is_in_no_count_of_an_outsider(history, outsider, as_outsider):
    body = as_outsider.get("/api/incidents?limit=1").json()
    restricted = Incident.objects.filter(restricted=True).count()
    assert restricted > 0
    assert body["count"] == Incident.objects.count() - restricted


def test_the_trash_is_in_no_count_even_an_admins(history, as_admin):
    body = as_admin.get("/api/incidents?limit=1").json()
    assert Incident.all_objects.filter(deleted_at__isnull=False).count() == 2
    assert body["count"] == Incident.objects.count()


@pytest.mark.parametrize("who", ["admin", "viewer", "outsider"])
@pytest.mark.parametrize("query", ["", "status=open", "owner=editor", "overdue=true"])
def test_the_item_count_is_what_the_caller_may_see(history, request, who, query):
    user = request.getfixturevalue(who)
    client = request.getfixturevalue(f"as_{who}")
    expected = _visible_items(user)
    if query == "status=open":
        expected = expected.filter(status=ActionItem.Status.OPEN)
    elif query == "owner=editor":
        expected = expected.filter(owner__username="editor")
    elif query == "overdue=true":
        expected = expected.overdue()
    ids, counts = _all_pages(client, f"/api/action-items?{query}", limit=5)
    assert counts == {expected.count()}
    assert sorted(ids) == sorted(expected.values_list("pk", flat=True))
    assert len(ids) == len(set(ids))


def test_items_of_hidden_incidents_are_in_no_count(history, outsider, as_outsider):
    hidden = ActionItem.objects.exclude(incident__in=visible_incidents(outsider)).count()
    assert hidden > 0, "the history must hide some items from an outsider"
    body = as_outsider.get("/api/action-items?limit=1").json()
    assert body["count"] == ActionItem.objects.count() - hidden


def test_a_deep_offset_gives_the_rows_of_that_place_in_the_order(history, viewer, as_viewer):
    expected = list(visible_incidents(viewer).values_list("pk", flat=True))
    body = as_viewer.get("/api/incidents?limit=3&offset=20").json()
    assert [row["id"] for row in body["items"]] == expected[20:23]
    past = as_viewer.get(f"/api/incidents?offset={len(expected)}").json()
    assert past["items"] == [] and past["count"] == len(expected)
