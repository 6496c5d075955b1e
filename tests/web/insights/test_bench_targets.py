"""bench/insights.py times pages that exist: each of its targets answers its person.

The drill-downs of a category and of a team's overdue items are among them
(before 2026-11-30 they took SQLite 28 s and 68 s at 30,000 incidents, and
the bench timed only a month's drill-down, which was fast).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from unblame.actions.models import ActionItem, FactorCategory

from ..conftest import make_user

BENCH = Path(__file__).resolve().parents[3] / "bench"


@pytest.fixture(scope="module")
def bench():
    # bench/insights.py imports its sibling pages.py by the folder's path.
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_insights", BENCH / "insights.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_every_target_answers_its_person(bench, incident, clients):
    FactorCategory.objects.get(pk=1)  # the category the drill-down asks for
    owner = make_user("pat", "editor", team="payments")
    ActionItem.objects.create(incident=incident, title="Add a check", owner=owner)
    month = incident.declared_at.strftime("%Y-%m")
    found = bench.targets(incident.pk, month)
    names = [target.name for target in found]
    assert "drill-down of a category" in names
    assert "drill-down of a team's overdue" in names
    for target in found:
        response = clients[target.who].get(target.url)
        assert response.status_code == 200, (target.name, target.url)
