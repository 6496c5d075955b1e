from datetime import timedelta

from unblame.incidents.models import Incident, Responder, Service, Severity, Status


def _titles(response) -> list[str]:
    return [incident.title for incident in response.context["page"]]


def test_it_lists_incidents(as_viewer, incident):
    response = as_viewer.get("/incidents/")
    assert response.status_code == 200
    assert _titles(response) == [incident.title]


def test_it_leaves_restricted_out_of_list_and_count_for_outsider(as_outsider, incident, restricted):
    response = as_outsider.get("/incidents/")
    assert _titles(response) == [incident.title]
    assert response.context["page"].paginator.count == 1
    assert restricted.title not in response.content.decode()


def test_it_leaves_restricted_out_of_search_for_outsider(as_outsider, restricted):
    response = as_outsider.get("/incidents/", {"q": "credential"})
    assert _titles(response) == []
    assert "0 incidents" in response.content.decode()


def test_it_lists_restricted_for_responder_and_admin(as_editor, as_admin, incident, restricted):
    assert restricted.title in _titles(as_editor.get("/incidents/"))
    assert restricted.title in _titles(as_admin.get("/incidents/"))


def test_it_filters_by_status(as_viewer, incident, sev2):
    done = Incident.objects.create(title="Old one", severity=sev2, status=Status.CLOSED)
    assert _titles(as_viewer.get("/incidents/", {"status": "closed"})) == [done.title]
    assert _titles(as_viewer.get("/incidents/", {"status": "open"})) == [incident.title]


def test_it_filters_by_severity(as_viewer, incident):
    sev1 = Severity.objects.get(name="SEV1")
    other = Incident.objects.create(title="Total outage", severity=sev1)
    assert _titles(as_viewer.get("/incidents/", {"severity": sev1.pk})) == [other.title]


def test_it_filters_by_service(as_viewer, incident, sev2):
    search = Service.objects.create(name="search")
    other = Incident.objects.create(title="Search empty", severity=sev2)
    other.services.add(search)
    assert _titles(as_viewer.get("/incidents/", {"service": search.pk})) == [other.title]


def test_it_filters_by_date_range(as_viewer, incident, sev2):
    Incident.objects.create(
        title="Last month", severity=sev2, declared_at=incident.declared_at - timedelta(days=30)
    )
    response = as_viewer.get("/incidents/", {"since": "2026-03-01", "until": "2026-03-04"})
    assert _titles(response) == [incident.title]


def test_it_reads_date_range_in_viewer_zone(as_viewer, viewer, incident):
    # 12:00 UTC on 4 March is already 5 March in Kiritimati (UTC+14).
    viewer.timezone = "Pacific/Kiritimati"
    viewer.save()
    assert _titles(as_viewer.get("/incidents/", {"since": "2026-03-05"})) == [incident.title]
    assert _titles(as_viewer.get("/incidents/", {"until": "2026-03-04"})) == []


def test_it_filters_mine(as_viewer, viewer, incident, sev2):
    mine = Incident.objects.create(title="Mine", severity=sev2)
    Responder.objects.create(incident=mine, user=viewer)
    assert _titles(as_viewer.get("/incidents/", {"mine": "on"})) == ["Mine"]


def test_it_searches_title_and_summary(as_viewer, incident):
    assert _titles(as_viewer.get("/incidents/", {"q": "card payments"})) == [incident.title]
    assert _titles(as_viewer.get("/incidents/", {"q": "nothing like it"})) == []


def test_it_ignores_bad_filter_values(as_viewer, incident):
    response = as_viewer.get("/incidents/", {"severity": "x", "since": "yesterday"})
    assert response.status_code == 200


def test_it_paginates(as_viewer, sev2):
    Incident.objects.bulk_create(
        [Incident(title=f"Incident {n}", severity=sev2) for n in range(30)]
    )
    first = as_viewer.get("/incidents/")
    assert len(first.context["page"].object_list) == 25
    second = as_viewer.get("/incidents/", {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_it_answers_htmx_with_results_fragment(as_viewer, incident):
    response = as_viewer.get("/incidents/", {"q": "checkout"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body


def test_it_redirects_anonymous_to_login(client, db):
    assert client.get("/incidents/").status_code == 302


def test_home_redirects_to_list(as_viewer):
    response = as_viewer.get("/")
    assert response.status_code == 302
    assert response.url == "/incidents/"
