"""The incidents behind a figure: filters and drill-down keys narrow what the viewer may see."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Responder, Service

from ..conftest import NOW, make_user
from .conftest import updated
from .history import SECRET_MONTH

URL = reverse("insights:incidents")


def listed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [incident.pk for incident in response.context["page"].object_list]


def test_without_keys_it_lists_every_visible_incident(
    as_viewer, as_admin, history, incident, restricted
):
    assert listed(as_viewer) == [incident.pk]
    assert sorted(listed(as_admin)) == sorted([incident.pk, restricted.pk])


def test_a_month_lists_the_incidents_declared_in_it(as_admin, history, incident, restricted):
    assert listed(as_admin, month="2026-03") == [incident.pk]
    assert listed(as_admin, month=SECRET_MONTH) == [restricted.pk]
    assert listed(as_admin, month="2026-05") == []


def test_unreadable_keys_are_ignored(as_viewer, history, incident):
    unreadable = [
        {"month": "March"},
        {"month": "2026-13"},
        {"category": "x"},
        {"responder": "-1"},
        {"items": "odd"},
    ]
    for params in unreadable:
        assert listed(as_viewer, **params) == [incident.pk], params
    assert listed(as_viewer, month="March", items="odd", review="sideways") == [incident.pk]


def test_people_keys(as_admin, history, incident, restricted, editor):
    samwise = history["samwise"]
    assert listed(as_admin, responder=samwise.pk) == [restricted.pk]
    assert listed(as_admin, commander=samwise.pk) == [restricted.pk]
    assert listed(as_admin, commander=editor.pk) == [incident.pk]
    assert sorted(listed(as_admin, responder=editor.pk)) == sorted([incident.pk, restricted.pk])


def test_item_keys(as_viewer, history, incident, viewer, sev2):
    other = Incident.objects.create(title="No items", severity=sev2, declared_at=NOW)
    assert other.pk not in listed(as_viewer, items="any")
    assert listed(as_viewer, items="overdue", owner=viewer.pk) == [incident.pk]
    assert listed(as_viewer, items="overdue", owner="none") == []
    ActionItem.objects.create(incident=other, title="Unowned", due_date=date(2026, 1, 2))
    assert listed(as_viewer, items="overdue", owner="none") == [other.pk]
    viewer.team = "payments"
    viewer.save()
    assert listed(as_viewer, items="overdue", owner_team="payments") == [incident.pk]


def test_review_keys(as_viewer, history, incident, sev2):
    late = Incident.objects.create(
        title="Late review", severity=sev2, declared_at=NOW, resolved_at=NOW - timedelta(days=30)
    )
    assert listed(as_viewer, review="published") == [incident.pk]
    assert listed(as_viewer, review="overdue") == [late.pk]


def test_filters_apply_as_on_the_reports(as_viewer, history, incident, sev2):
    other = Incident.objects.create(title="Search down", severity=sev2, declared_at=NOW)
    other.services.add(Service.objects.create(name="search"))
    assert listed(as_viewer, service=Service.objects.get(name="search").pk) == [other.pk]
    assert listed(as_viewer, since="2026-03-05") == []
    member = make_user("pat", "editor", team="search-team")
    Responder.objects.create(incident=other, user=member)
    assert listed(as_viewer, team="search-team") == [other.pk]


def test_the_heading_says_what_was_counted_in_words(as_viewer, history, viewer):
    category = history["secret_category"]
    response = as_viewer.get(
        URL, {"month": "2026-03", "owner": viewer.pk, "items": "open_after_close"}
    )
    text = response.content.decode()
    assert "declared in 2026-03" in text
    assert "owned by vic" in text
    assert "with action items: open after close" in text
    response = as_viewer.get(URL, {"category": 999999})
    assert "with a factor in 999999" in response.content.decode()
    assert category.name not in response.content.decode()


def test_it_pages_fifty_at_a_time(as_viewer, sev2):
    Incident.objects.bulk_create(
        [Incident(title=f"n{n}", severity=sev2, declared_at=NOW) for n in range(55)]
    )
    first = as_viewer.get(URL)
    assert len(first.context["page"].object_list) == 50
    assert 'rel="next"' in first.content.decode()
    second = as_viewer.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_every_key_is_said_in_words_in_the_heading(as_admin, history, editor, viewer):
    category = history["secret_category"]
    params = {
        "month": "2025-12",
        "category": category.pk,
        "responder": editor.pk,
        "commander": history["samwise"].pk,
        "items": "open_after_close",
        "owner": "none",
        "owner_team": "payments",
        "review": "published_resolved",
    }
    response = as_admin.get(URL, params)
    assert response.context["described"] == [
        "declared in 2025-12",
        f"with a factor in {category.name}",
        "with ed responding",
        "with samwise as incident commander",
        "with action items: open after close",
        "owned by nobody",
        "owned by team payments",
        "resolved, with the review published",
    ]


def test_a_published_review_of_an_open_incident_is_not_resolved_and_published(
    as_viewer, history, incident
):
    assert listed(as_viewer, review="published_resolved") == [incident.pk]
    updated(Incident.objects.filter(pk=incident.pk), resolved_at=None)
    assert listed(as_viewer, review="published_resolved") == []
    assert listed(as_viewer, review="published") == [incident.pk]
