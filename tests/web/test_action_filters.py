"""The /actions/ filters: a bad value is left out, and every other filter still applies.

A stale bookmark (a service since deleted, a team nobody is on any more)
must not widen the list: "only mine" with a bad service is still only mine,
on the page and in the CSV export alike.
"""

from __future__ import annotations

import csv
import io

import pytest

from unblame.actions.models import ActionItem

from .actions_cast import *  # noqa: F403
from .conftest import make_user


def titles(response):
    return [item.title for item in response.context["page"]]


def exported(response):
    return [row["title"] for row in csv.DictReader(io.StringIO(response.getvalue().decode()))]


@pytest.fixture
def items(incident, viewer, editor):
    pat = make_user("pat", "editor", team="payments")
    return {
        "vic open": ActionItem.objects.create(incident=incident, title="vic open", owner=viewer),
        "vic done": ActionItem.objects.create(
            incident=incident, title="vic done", owner=viewer, status="done"
        ),
        "ed open": ActionItem.objects.create(
            incident=incident, title="ed open", owner=editor, kind="detect"
        ),
        "pat open": ActionItem.objects.create(incident=incident, title="pat open", owner=pat),
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"service": "999999"},
        {"service": "checkout"},
        {"team": "disbanded"},
        {"kind": "blame"},
        {"status": "sideways"},
    ],
)
def test_one_bad_filter_leaves_the_others_in_force(as_viewer, items, bad):
    params = {"mine": "on", **bad}
    assert titles(as_viewer.get("/actions/", params)) == ["vic open"]
    assert exported(as_viewer.get("/actions/export.csv", params)) == ["vic open"]


def test_a_bad_status_falls_back_to_open_items(as_viewer, items):
    response = as_viewer.get("/actions/", {"status": "sideways", "kind": "detect"})
    assert titles(response) == ["ed open"]


def test_good_filters_combine(as_viewer, items):
    assert titles(as_viewer.get("/actions/", {"team": "payments"})) == ["pat open"]
    assert sorted(titles(as_viewer.get("/actions/", {"mine": "on", "status": "all"}))) == [
        "vic done",
        "vic open",
    ]


def test_the_page_and_the_export_list_the_same_items_in_the_same_order(as_viewer, items):
    for params in ({}, {"status": "all"}, {"kind": "detect"}, {"mine": "on", "team": "x"}):
        assert titles(as_viewer.get("/actions/", params)) == exported(
            as_viewer.get("/actions/export.csv", params)
        ), params
