"""The API's factor and action item endpoints see exactly what the pages show."""

from django.test import Client

from unblame.actions.models import ActionItem, ContributingFactor

from .actions_cast import *  # noqa: F403


def test_it_lists_the_factor_categories(as_viewer):
    data = as_viewer.get("/api/factor-categories").json()
    assert len(data) == 12 and data[0]["name"] == "Change management"


def test_it_lists_an_incidents_factors(as_viewer, incident, factor, item, event):
    data = as_viewer.get(f"/api/incidents/{incident.pk}/factors").json()
    assert data == [
        {
            "id": factor.pk,
            "version": 1,
            "incident_id": incident.pk,
            "category": "Change management",
            "description": factor.description,
            "event_ids": [event.pk],
            "action_item_ids": [item.pk],
            "created_at": data[0]["created_at"],
        }
    ]


def test_it_lists_an_incidents_items(as_viewer, incident, item, factor, frozen):
    data = as_viewer.get(f"/api/incidents/{incident.pk}/action-items").json()
    assert len(data) == 1
    assert data[0]["title"] == item.title
    assert (data[0]["owner"], data[0]["due_date"], data[0]["overdue"]) == ("ed", "2026-03-01", True)
    assert data[0]["factor_ids"] == [factor.pk]
    assert data[0]["changes_the_system"] is True and data[0]["try_harder"] == []


def test_an_item_carries_its_try_harder_findings(as_viewer, incident):
    item = ActionItem.objects.create(incident=incident, title="Be more careful with deploys")
    data = as_viewer.get(f"/api/action-items/{item.pk}").json()
    assert data["changes_the_system"] is False
    assert data["try_harder"][0]["category"] == "try_harder"
    assert data["try_harder"][0]["rule"] == "UB501"


def test_it_lists_items_across_incidents_with_filters(as_viewer, viewer, incident, item, frozen):
    ActionItem.objects.create(incident=incident, title="Mine", owner=viewer, status="done")
    assert as_viewer.get("/api/action-items").json()["count"] == 2
    assert (
        as_viewer.get("/api/action-items", {"status": "done"}).json()["items"][0]["title"] == "Mine"
    )
    assert as_viewer.get("/api/action-items", {"owner": "vic"}).json()["count"] == 1
    overdue = as_viewer.get("/api/action-items", {"overdue": "true"}).json()
    assert [row["id"] for row in overdue["items"]] == [item.pk]


def test_restricted_items_are_left_out_of_lists_and_counts(as_outsider, item, restricted_item):
    data = as_outsider.get("/api/action-items").json()
    assert data["count"] == 1
    assert [row["id"] for row in data["items"]] == [item.pk]


def test_restricted_items_and_factors_404_for_outsiders(
    as_outsider, restricted, restricted_item, category
):
    ContributingFactor.objects.create(incident=restricted, category=category, description="x")
    assert as_outsider.get(f"/api/action-items/{restricted_item.pk}").status_code == 404
    assert as_outsider.get(f"/api/incidents/{restricted.pk}/factors").status_code == 404
    assert as_outsider.get(f"/api/incidents/{restricted.pk}/action-items").status_code == 404


def test_responders_get_restricted_items(as_editor, restricted, restricted_item):
    assert as_editor.get(f"/api/action-items/{restricted_item.pk}").status_code == 200
    assert len(as_editor.get(f"/api/incidents/{restricted.pk}/action-items").json()) == 1


def test_a_token_sees_only_what_its_owner_sees(outsider, item, restricted_item):
    token = outsider.new_api_token()
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/action-items").json()["count"] == 1
    assert client.get(f"/api/action-items/{restricted_item.pk}").status_code == 404


def test_it_rejects_anonymous(client, item):
    assert client.get("/api/action-items").status_code == 401
    assert client.get(f"/api/incidents/{item.incident_id}/factors").status_code == 401


def test_the_endpoints_are_in_the_openapi_description(as_viewer):
    paths = as_viewer.get("/api/openapi.json").json()["paths"]
    assert "/api/action-items" in paths and "/api/action-items/{item_id}" in paths
    assert "/api/incidents/{incident_id}/factors" in paths


def test_pages_of_items_follow_due_dates_across_limit_and_offset(as_viewer, incident, frozen):
    from datetime import date

    for day in (9, 3, 7, 1, 5):
        due = date(2026, 4, day)
        ActionItem.objects.create(incident=incident, title=f"Due {day}", due_date=due)
    whole = as_viewer.get("/api/action-items").json()
    assert [item["title"] for item in whole["items"]] == [f"Due {d}" for d in (1, 3, 5, 7, 9)]
    page = as_viewer.get("/api/action-items", {"limit": 2, "offset": 1}).json()
    assert [item["title"] for item in page["items"]] == ["Due 3", "Due 5"]
    assert page["count"] == 5
