from unblame.incidents.models import Service


def test_it_lists_services_with_visible_incident_counts(
    as_outsider, incident, restricted, checkout
):
    restricted.services.add(checkout)
    response = as_outsider.get("/services/")
    assert response.status_code == 200
    (service,) = response.context["services"]
    # The restricted incident is not counted for someone who cannot see it.
    assert service.incident_count == 1


def test_it_counts_restricted_for_admin(as_admin, incident, restricted, checkout):
    restricted.services.add(checkout)
    (service,) = as_admin.get("/services/").context["services"]
    assert service.incident_count == 2


def test_a_responder_counts_the_restricted_incident_they_are_on(
    as_editor, incident, restricted, checkout
):
    restricted.services.add(checkout)
    (service,) = as_editor.get("/services/").context["services"]
    assert service.incident_count == 2


def test_each_service_counts_only_its_own_incidents(as_viewer, incident, restricted, checkout):
    search = Service.objects.create(name="search")
    restricted.services.add(search)
    incident.services.add(search)
    response = as_viewer.get("/services/")
    counts = {service.name: service.incident_count for service in response.context["services"]}
    assert counts == {"checkout": 1, "search": 1}
    Service.objects.create(name="unused")
    counts = {s.name: s.incident_count for s in as_viewer.get("/services/").context["services"]}
    assert counts["unused"] == 0


def test_it_adds_a_service(as_editor, db):
    response = as_editor.post("/services/", {"name": "search", "description": "Product search"})
    assert response.status_code == 302
    assert Service.objects.filter(name="search").exists()


def test_it_rejects_a_duplicate_name(as_editor, checkout):
    response = as_editor.post("/services/", {"name": "checkout"})
    assert response.status_code == 200
    assert Service.objects.count() == 1


def test_it_forbids_viewer_to_add(as_viewer, db):
    assert as_viewer.post("/services/", {"name": "search"}).status_code == 403
    assert not Service.objects.exists()
