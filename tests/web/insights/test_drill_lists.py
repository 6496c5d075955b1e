"""The drill-down to the incidents of a factor category or of action items, and its plan.

Asked as a correlated EXISTS, SQLite (left without statistics) checked each
incident by reading every factor of the category again from the category
index: the link behind each category of the factors report took 28 s at
30,000 generated incidents, a team's overdue items 68 s and an owner's open
ones 3.6 s. The incidents of those rows are now read once, as a list.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident
from unblame.insights.drill import drill
from unblame.insights.filters import InsightFilterForm

from ..conftest import NOW, make_user

URL = reverse("insights:incidents")


def _listed(client, **params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [incident.pk for incident in response.context["page"].object_list]


def _file(incident: Incident, category: FactorCategory, *descriptions: str) -> None:
    for description in descriptions:
        ContributingFactor.objects.create(
            incident=incident, category=category, description=description
        )


def test_a_category_lists_each_incident_with_a_factor_in_it_once(
    as_viewer, as_admin, incident, restricted, sev2
):
    testing = FactorCategory.objects.get(name="Testing")
    change = FactorCategory.objects.get(name="Change management")
    other = Incident.objects.create(
        title="Only a change", severity=sev2, declared_at=NOW - timedelta(days=40)
    )
    _file(incident, testing, "No test for the empty cart.", "The canary had no traffic.")
    _file(other, change, "Pushed everywhere at once.")
    _file(restricted, testing, "No test for the lockout.")
    assert _listed(as_viewer, category=testing.pk) == [incident.pk]
    assert sorted(_listed(as_admin, category=testing.pk)) == sorted([incident.pk, restricted.pk])
    assert _listed(as_viewer, category=change.pk) == [other.pk]
    month = NOW.strftime("%Y-%m")
    assert _listed(as_viewer, category=change.pk, month=month) == []


def test_an_owners_or_teams_items_list_each_incident_once(as_viewer, incident, restricted, sev2):
    owner = make_user("pat", "editor", team="payments")
    late = date(2026, 1, 2)
    other = Incident.objects.create(title="Other", severity=sev2, declared_at=NOW)
    for made, title in [(incident, "Add a canary"), (incident, "Page on it"), (restricted, "Lock")]:
        ActionItem.objects.create(incident=made, title=title, owner=owner, due_date=late)
    ActionItem.objects.create(incident=other, title="Done", owner=owner, status="done")
    assert _listed(as_viewer, items="overdue", owner_team="payments") == [incident.pk]
    assert _listed(as_viewer, items="open", owner=owner.pk) == [incident.pk]
    assert sorted(_listed(as_viewer, items="any", owner=owner.pk)) == sorted(
        [incident.pk, other.pk]
    )
    assert _listed(as_viewer, items="open", owner="none") == []


KEYS = [
    {"category": "1"},
    {"items": "overdue", "owner_team": "payments"},
    {"items": "open", "owner": "1"},
    {"items": "open_after_close"},
    {"items": "any", "owner": "none"},
]


@pytest.mark.parametrize("keys", KEYS, ids=lambda keys: "-".join(keys.values()))
def test_a_drill_down_reads_no_factor_or_item_again_for_each_incident(viewer, incident, keys):
    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL picks by its statistics")
    testing = FactorCategory.objects.get(name="Testing")
    _file(incident, testing, "No test for the empty cart.")
    ActionItem.objects.create(incident=incident, title="Add a test", due_date=date(2026, 1, 2))
    found = drill(InsightFilterForm({}).incidents(viewer), keys)
    sql, params = found.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ({sql})", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "CORRELATED" not in plan, plan
