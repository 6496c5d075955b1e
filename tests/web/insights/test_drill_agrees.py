"""A figure and the incidents behind it agree: following a count's link lists that many.

Each report links its bars and cells to the drill-down list with the same
filters; a count whose list says otherwise sends the reader to the wrong
incidents. These follow the links the reports themselves drew.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder, Service, Severity
from unblame.reviews.models import Review, ReviewState

from ..conftest import make_user
from .conftest import updated


@pytest.fixture
def mixed(db, editor, restricted):
    """Eight incidents over two months, two services, two severities and two teams."""
    pat = make_user("pat", "editor", team="payments")
    lou = make_user("lou", "editor", team="search")
    sev1 = Severity.objects.get(name="SEV1")
    sev2 = Severity.objects.get(name="SEV2")
    checkout, search = (
        Service.objects.create(name="checkout"),
        Service.objects.create(name="search"),
    )
    testing = FactorCategory.objects.get(name="Testing")
    change = FactorCategory.objects.get(name="Change management")
    long_ago = timezone.now() - timedelta(days=30)
    made = []
    for n in range(8):
        at = datetime(2026, 2 + n % 2, 3 + n, 10, tzinfo=UTC)
        incident = Incident.objects.create(
            title=f"Incident {n}",
            severity=sev1 if n % 3 == 0 else sev2,
            declared_at=at,
            impact_started_at=at,
            detected_at=at + timedelta(minutes=5 + n),
            resolved_at=long_ago if n % 4 == 0 else at + timedelta(hours=2),
        )
        incident.services.add(checkout if n % 2 else search)
        who = pat if n < 5 else lou
        role = Responder.Role.INCIDENT_COMMANDER if n % 2 else Responder.Role.RESPONDER
        Responder.objects.create(incident=incident, user=who, role=role)
        ContributingFactor.objects.create(
            incident=incident, category=testing if n % 2 else change, description="x"
        )
        ActionItem.objects.create(
            incident=incident,
            title="Add a check",
            owner=who if n != 7 else None,
            due_date=date(2026, 1, 1) if n % 3 else None,
        )
        if n == 1:
            Review.objects.create(
                incident=incident, state=ReviewState.PUBLISHED, published_at=at + timedelta(days=1)
            )
        made.append(incident)
    # The restricted incident shares every key, so a drill that leaked would count it.
    updated(
        Incident.objects.filter(pk=restricted.pk),
        declared_at=datetime(2026, 2, 20, tzinfo=UTC),
        resolved_at=long_ago,
    )
    restricted.services.add(checkout)
    Responder.objects.create(incident=restricted, user=pat)
    ContributingFactor.objects.create(incident=restricted, category=testing, description="x")
    ActionItem.objects.create(
        incident=restricted, title="Secret", owner=pat, due_date=date(2026, 1, 1)
    )
    return made


def blocks(client, slug, **params):
    response = client.get(reverse("insights:report", args=[slug]), params)
    assert response.status_code == 200
    return {block.slug: block for block in response.context["blocks"]}


def listed(client, link):
    parts = urlsplit(link)
    assert parts.path == reverse("insights:incidents")
    params = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    response = client.get(parts.path, params | {"page": 1})
    assert response.status_code == 200
    return response.context["page"].paginator.count


def agree(client, block, column):
    """Every linked row's count in `column` equals the length of the list behind it."""
    checked = 0
    for cells in block.table.rows:
        link = cells[0].link or cells[column].link
        if not link:
            continue
        assert listed(client, link) == cells[column].value, (block.slug, cells[0].value)
        checked += 1
    assert checked, block.slug


@pytest.mark.parametrize("who", ["as_viewer", "as_admin"])
def test_factor_rows_and_cells_list_the_incidents_they_count(request, mixed, who):
    client = request.getfixturevalue(who)
    found = blocks(client, "factors")
    agree(client, found["across-services"], 1)
    by_month = found["by-month"]
    for cells in by_month.table.rows:
        for cell in cells[1:]:
            assert listed(client, cell.link) == cell.value


@pytest.mark.parametrize("who", ["as_viewer", "as_admin"])
def test_people_and_commanders_list_the_incidents_they_count(request, mixed, who):
    client = request.getfixturevalue(who)
    found = blocks(client, "load")
    agree(client, found["people"], 3)
    agree(client, found["commanders"], 2)


def test_a_teams_row_lists_the_incidents_its_members_answered(as_viewer, mixed):
    teams = blocks(as_viewer, "load")["teams"]
    for cells in teams.table.rows:
        # One responder per incident here, so responder incidents are incidents.
        assert listed(as_viewer, cells[0].link) == cells[1].value


def test_overdue_reviews_list_the_incidents_they_count(as_viewer, as_admin, mixed):
    for client in (as_viewer, as_admin):
        agree(client, blocks(client, "reviews")["overdue-reviews"], 1)
    # All eight were resolved months ago; only incident 1's review is published. The
    # restricted incident, resolved long ago too, is overdue for the admin alone.
    assert sum(c[1].value for c in blocks(as_viewer, "reviews")["overdue-reviews"].table.rows) == 7
    assert sum(c[1].value for c in blocks(as_admin, "reviews")["overdue-reviews"].table.rows) == 8


def test_the_time_tables_list_each_months_incidents(as_viewer, mixed):
    detect = blocks(as_viewer, "response")["detect"]
    assert [c[1].value for c in detect.table.rows] == [4, 4]
    agree(as_viewer, detect, 1)


def test_links_keep_the_filters_they_were_drawn_with(as_viewer, mixed):
    search = Service.objects.get(name="search").pk
    found = blocks(as_viewer, "factors", service=search)
    across = found["across-services"]
    assert [c[0].value for c in across.table.rows] == ["Change management"]
    assert f"service={search}" in across.table.rows[0][0].link
    agree(as_viewer, across, 1)
    found = blocks(as_viewer, "load", team="payments")
    assert [c[0].value for c in found["people"].table.rows] == ["pat"]
    agree(as_viewer, found["people"], 3)


def test_an_owners_row_lists_the_incidents_with_their_open_items(as_viewer, mixed):
    overdue = blocks(as_viewer, "follow-through")["overdue"]
    rows = {cells[0].value: cells for cells in overdue.table.rows}
    # pat owns the items of incidents 0-4, lou of 5 and 6; incident 7's is nobody's.
    assert {name: cells[2].value for name, cells in rows.items()} == {
        "pat": 5,
        "lou": 2,
        "Nobody": 1,
    }
    for cells in rows.values():
        assert listed(as_viewer, cells[0].link) == cells[2].value


def test_a_months_link_lists_the_incidents_of_that_month_in_the_viewers_zone(db):
    from django.test import Client

    sev2 = Severity.objects.get(name="SEV2")
    # 20:00 UTC on 31 March is 1 April in Tokyo, 31 March in UTC.
    at = datetime(2026, 3, 31, 20, tzinfo=UTC)
    Incident.objects.create(
        title="Edge", severity=sev2, declared_at=at, impact_started_at=at, detected_at=at
    )
    for zone, month in (("Asia/Tokyo", "2026-04"), ("UTC", "2026-03")):
        client = Client()
        name = f"in-{zone.replace('/', '-').lower()}"
        client.force_login(make_user(name, "viewer", timezone=zone))
        detect = blocks(client, "response")["detect"]
        assert [(c[0].value, c[1].value) for c in detect.table.rows] == [(month, 1)]
        agree(client, detect, 1)


def test_published_reviews_of_a_month_list_as_many_incidents(as_viewer, db):
    sev2 = Severity.objects.get(name="SEV2")
    at = datetime(2026, 3, 10, tzinfo=UTC)
    resolved = Incident.objects.create(
        title="Resolved", severity=sev2, declared_at=at, resolved_at=at + timedelta(hours=1)
    )
    # Published while the incident is still open: no time from resolution to measure.
    still_open = Incident.objects.create(title="Open", severity=sev2, declared_at=at)
    for incident in (resolved, still_open):
        Review.objects.create(
            incident=incident, state=ReviewState.PUBLISHED, published_at=at + timedelta(days=2)
        )
    publish = blocks(as_viewer, "reviews")["time-to-publish"]
    agree(as_viewer, publish, 1)
    link = publish.table.rows[0][0].link
    html = as_viewer.get(link).content.decode()
    assert "resolved, with the review published" in html
