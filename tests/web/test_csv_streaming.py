"""CSV exports stream: the first bytes leave before the last rows are read, in any length."""

from __future__ import annotations

import csv
import io

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident
from unblame.server.csv_export import BATCH, batches, csv_response


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode())))


def test_batches_keep_order_and_the_last_short_batch():
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


def test_a_response_reads_its_rows_only_as_it_is_read():
    read = []

    def rows():
        for number in range(BATCH * 2 + 1):
            read.append(number)
            yield [number, f"row {number}"]

    response = csv_response("x.csv", ["n", "text"], rows())
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"n,text\r\n"
    assert read == []  # nothing read before the client asks past the header
    next(chunks)
    assert len(read) == BATCH
    rest = b"".join(chunks).decode().splitlines()
    assert rest[-1] == f"{BATCH * 2},row {BATCH * 2}"


def test_every_row_is_made_safe_for_spreadsheets():
    response = csv_response("x.csv", ["title"], [["=HYPERLINK(1)"], ["-2 items"], [-2]])
    assert _rows(response) == [["title"], ["'=HYPERLINK(1)"], ["'-2 items"], ["-2"]]


def test_the_incident_export_streams_every_visible_row_past_one_batch(
    as_outsider, sev2, checkout, restricted
):
    Incident.objects.bulk_create(
        Incident(title=f"Incident {number}", severity=sev2) for number in range(BATCH + 20)
    )
    for incident in Incident.objects.filter(title__startswith="Incident ")[:3]:
        incident.services.add(checkout)
    response = as_outsider.get("/incidents/export.csv")
    assert response.streaming
    rows = _rows(response)
    assert len(rows) == 1 + BATCH + 20
    assert restricted.title not in {row[1] for row in rows}
    assert sum(1 for row in rows if row[4] == "checkout") == 3


def test_the_action_item_export_streams_every_visible_row_past_one_batch(
    as_outsider, incident, restricted
):
    ActionItem.objects.bulk_create(
        ActionItem(incident=incident, title=f"Item {number}") for number in range(BATCH + 5)
    )
    ActionItem.objects.create(incident=restricted, title="Hidden item")
    ActionItem.objects.create(incident=incident, title="=cmd|' /C calc'!A0")
    response = as_outsider.get("/actions/export.csv", {"status": "all"})
    assert response.streaming
    titles = [row[3] for row in _rows(response)[1:]]
    assert len(titles) == BATCH + 6
    assert "Hidden item" not in titles
    assert "'=cmd|' /C calc'!A0" in titles


def test_an_incident_lists_its_services_by_name_and_one_without_none(
    as_viewer, incident, checkout, sev2
):
    search = incident.services.create(name="search")
    incident.services.add(checkout)
    bare = Incident.objects.create(title="No services", severity=sev2)
    rows = {row[0]: row for row in _rows(as_viewer.get("/incidents/export.csv"))[1:]}
    assert rows[str(incident.pk)][4] == "checkout;search"
    assert rows[str(bare.pk)][4] == ""
    assert search.name == "search"
