"""The cross-incident action items page at /actions/ and its CSV export."""

import csv
import io
from datetime import date

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Service

from .actions_cast import *  # noqa: F403
from .conftest import make_user


def _titles(response):
    return [item.title for item in response.context["page"]]


def _csv(response):
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


def test_it_lists_open_items_soonest_due_first(as_viewer, incident, item):
    later = ActionItem.objects.create(incident=incident, title="Later", due_date=date(2026, 5, 1))
    undated = ActionItem.objects.create(incident=incident, title="Undated")
    ActionItem.objects.create(incident=incident, title="Finished", status="done")
    response = as_viewer.get("/actions/")
    assert response.status_code == 200
    assert _titles(response) == [item.title, later.title, undated.title]


def test_any_status_includes_closed_items(as_viewer, incident, item):
    ActionItem.objects.create(incident=incident, title="Finished", status="done")
    assert len(_titles(as_viewer.get("/actions/", {"status": "all"}))) == 2
    assert _titles(as_viewer.get("/actions/", {"status": "is_done"})) == ["Finished"]


def test_it_never_shows_or_counts_a_restricted_incidents_items(as_outsider, item, restricted_item):
    response = as_outsider.get("/actions/", {"status": "all"})
    assert _titles(response) == [item.title]
    assert response.context["page"].paginator.count == 1
    assert restricted_item.title not in response.content.decode()


def test_responders_see_restricted_items(as_editor, item, restricted_item):
    assert set(_titles(as_editor.get("/actions/"))) == {item.title, restricted_item.title}


def test_mine_shows_the_items_i_own(as_viewer, viewer, incident, item):
    ActionItem.objects.create(incident=incident, title="Vic's", owner=viewer)
    assert _titles(as_viewer.get("/actions/", {"mine": "on"})) == ["Vic's"]


def test_overdue_shows_only_items_past_their_date(as_viewer, incident, item, frozen):
    ActionItem.objects.create(incident=incident, title="Today", due_date=date(2026, 3, 4))
    assert _titles(as_viewer.get("/actions/", {"overdue": "on"})) == [item.title]


def test_overdue_items_of_closed_incidents_are_listed(as_viewer, incident, item, frozen):
    Incident.objects.filter(pk=incident.pk).update(status="closed")
    assert _titles(as_viewer.get("/actions/", {"overdue": "on"})) == [item.title]


def test_it_filters_by_service(as_viewer, incident, item, checkout, sev2):
    other = Incident.objects.create(title="Search down", severity=sev2)
    other.services.add(Service.objects.create(name="search"))
    ActionItem.objects.create(incident=other, title="Search item")
    assert _titles(as_viewer.get("/actions/", {"service": checkout.pk})) == [item.title]


def test_it_filters_by_the_owners_team(as_viewer, incident, item, editor):
    editor.team = "payments"
    editor.save()
    other = make_user("pia", "editor", team="platform")
    ActionItem.objects.create(incident=incident, title="Platform's", owner=other)
    response = as_viewer.get("/actions/", {"team": "payments"})
    assert _titles(response) == [item.title]
    assert ("platform", "platform") in response.context["form"].fields["team"].choices


def test_it_filters_by_type(as_viewer, incident, item):
    ActionItem.objects.create(incident=incident, title="Runbook", kind="learn")
    assert _titles(as_viewer.get("/actions/", {"kind": "learn"})) == ["Runbook"]


def test_bad_filter_values_are_ignored(as_viewer, item):
    response = as_viewer.get("/actions/", {"service": "nope", "status": "bogus"})
    assert response.status_code == 200
    assert _titles(response) == [item.title]


def test_it_paginates(as_viewer, incident):
    ActionItem.objects.bulk_create(
        ActionItem(incident=incident, title=f"Item {n:02}", due_date=date(2026, 4, 1))
        for n in range(30)
    )
    first = as_viewer.get("/actions/")
    assert len(_titles(first)) == 25
    assert len(_titles(as_viewer.get("/actions/", {"page": 2}))) == 5


def test_htmx_gets_only_the_results(as_viewer, item):
    response = as_viewer.get("/actions/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.startswith('<div id="results"') and "<html" not in body


def test_viewers_get_no_status_controls(as_viewer, item):
    assert '<select name="status" id="status-' not in as_viewer.get("/actions/").content.decode()


def test_editors_get_inline_status_that_returns_to_the_list(as_editor, item):
    body = as_editor.get("/actions/").content.decode()
    assert '<input type="hidden" name="next" value="list">' in body


def test_it_needs_a_sign_in(client):
    assert client.get("/actions/").status_code == 302


def test_the_export_follows_the_filters_and_access(as_outsider, incident, item, restricted_item):
    ActionItem.objects.create(incident=incident, title="Runbook", kind="learn")
    response = as_outsider.get("/actions/export.csv", {"status": "all", "kind": "prevent"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.getvalue().decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["title"] for row in rows] == [item.title]
    assert restricted_item.title not in body


def test_the_export_has_owner_team_and_links(as_viewer, item, editor, frozen):
    editor.team = "payments"
    editor.save()
    row = _csv(as_viewer.get("/actions/export.csv"))[0]
    assert (row["owner"], row["team"], row["due_date"]) == ("ed", "payments", "2026-03-01")
    assert (row["overdue"], row["changes_the_system"], row["status"]) == ("yes", "yes", "open")
    assert row["url"] == f"http://testserver/incidents/{item.incident_id}/actions/#item-{item.pk}"


def test_pages_keep_the_order_and_every_row_once(as_viewer, incident):
    from unblame.actions.views import PAGE_SIZE

    ActionItem.objects.bulk_create(
        ActionItem(incident=incident, title=f"Item {n:02}", due_date=date(2026, 4, 1 + n % 20))
        for n in range(PAGE_SIZE + 7)
    )
    expected = list(ActionItem.objects.open().by_due_date().values_list("title", flat=True))
    first = as_viewer.get("/actions/").context["page"]
    second = as_viewer.get("/actions/", {"page": 2}).context["page"]
    titles = [item.title for item in first] + [item.title for item in second]
    assert titles == expected
    assert first.paginator.count == len(expected) and first.has_next()


def test_a_long_list_is_counted_only_up_to_a_cap_and_pages_on(as_viewer, incident, monkeypatch):
    from unblame.actions.views import PAGE_SIZE
    from unblame.server import paging

    monkeypatch.setattr(paging, "COUNT_CAP", PAGE_SIZE * 2)
    monkeypatch.setattr(paging.CappedPaginator.__init__, "__defaults__", (PAGE_SIZE * 2,))
    ActionItem.objects.bulk_create(
        ActionItem(incident=incident, title=f"Item {n:03}", due_date=date(2026, 4, 1))
        for n in range(PAGE_SIZE * 4 + 3)
    )
    response = as_viewer.get("/actions/")
    page = response.context["page"]
    assert page.paginator.capped and page.has_next()
    text = response.content.decode()
    assert f"More than {PAGE_SIZE * 2} action items" in text
    assert "of more than 2" in text
    # Further pages are still reached, and the last one knows it is the last.
    last = as_viewer.get("/actions/", {"page": 5}).context["page"]
    assert last.number == 5 and not last.has_next() and len(last.object_list) == 3
    assert not last.paginator.capped and last.paginator.count == PAGE_SIZE * 4 + 3


def test_a_short_list_is_counted_exactly(as_viewer, incident, item):
    page = as_viewer.get("/actions/").context["page"]
    assert not page.paginator.capped
    assert page.paginator.count == 1
    assert "1 action item" in as_viewer.get("/actions/").content.decode()
