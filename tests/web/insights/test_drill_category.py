"""The drill-down to the incidents that share a factor category, and how it is asked.

Asked as a correlated EXISTS, SQLite (left without statistics) checked each
incident by reading every factor of the category again from the category
index: the link behind each category of the factors report took 28 s at
30,000 generated incidents. The category's incidents are now read once.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.models import Incident
from unblame.insights.drill import drill
from unblame.insights.filters import InsightFilterForm

from ..conftest import NOW

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


def test_the_category_drill_down_reads_no_factor_again_for_each_incident(viewer, incident):
    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL picks by its statistics")
    testing = FactorCategory.objects.get(name="Testing")
    _file(incident, testing, "No test for the empty cart.")
    found = drill(InsightFilterForm({}).incidents(viewer), {"category": str(testing.pk)})
    sql, params = found.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ({sql})", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "CORRELATED" not in plan, plan
    assert list(found.values_list("pk", flat=True)) == [incident.pk]
