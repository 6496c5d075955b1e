import csv
import io


def _rows(response):
    return list(csv.reader(io.StringIO(response.getvalue().decode())))


def test_it_exports_visible_incidents_as_csv(as_viewer, incident):
    response = as_viewer.get("/incidents/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = _rows(response)
    assert rows[0][:4] == ["id", "title", "severity", "status"]
    assert rows[1][1:5] == [incident.title, "SEV2", "investigating", "checkout"]


def test_it_leaves_restricted_out_for_outsider(as_outsider, incident, restricted):
    titles = [row[1] for row in _rows(as_outsider.get("/incidents/export.csv"))[1:]]
    assert titles == [incident.title]


def test_it_includes_restricted_for_responder(as_editor, incident, restricted):
    titles = [row[1] for row in _rows(as_editor.get("/incidents/export.csv"))[1:]]
    assert restricted.title in titles


def test_it_applies_the_list_filters(as_viewer, incident):
    rows = _rows(as_viewer.get("/incidents/export.csv", {"status": "closed"}))
    assert len(rows) == 1


def test_it_redirects_anonymous_to_login(client, incident):
    assert client.get("/incidents/export.csv").status_code == 302
