"""Report results are kept between views until something they count changes, per viewer."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.models import Responder

from .history import SECRET_CATEGORY

URL = reverse("insights:csv", args=["factors", "across-services"])


def csv_of(client):
    return client.get(URL).content.decode()


def test_a_second_view_counts_nothing_again(as_viewer, history):
    csv_of(as_viewer)
    with CaptureQueriesContext(connection) as queries:
        csv_of(as_viewer)
    assert not any("actions_contributingfactor" in q["sql"] for q in queries.captured_queries)


def test_a_change_to_what_is_counted_shows_at_once(as_viewer, history, incident):
    before = csv_of(as_viewer)
    ContributingFactor.objects.create(
        incident=incident, category=FactorCategory.objects.get(name="Testing"), description="x"
    )
    after = csv_of(as_viewer)
    assert "Testing" not in before
    assert "Testing,1,1" in after


def test_each_viewer_has_their_own_result(as_viewer, as_admin, history):
    assert SECRET_CATEGORY in csv_of(as_admin)
    assert SECRET_CATEGORY not in csv_of(as_viewer)
    assert SECRET_CATEGORY in csv_of(as_admin)


def test_being_added_to_a_restricted_incident_shows_it(as_viewer, viewer, history, restricted):
    assert SECRET_CATEGORY not in csv_of(as_viewer)
    Responder.objects.create(incident=restricted, user=viewer)
    assert SECRET_CATEGORY in csv_of(as_viewer)
    Responder.objects.filter(incident=restricted, user=viewer).delete()
    assert SECRET_CATEGORY not in csv_of(as_viewer)


def test_filters_keep_results_apart(as_viewer, history, incident):
    assert "Change management" in csv_of(as_viewer)
    narrowed = as_viewer.get(URL, {"since": "2026-04-01"}).content.decode()
    assert "Change management" not in narrowed


def test_once_every_section_is_counted_the_check_is_not_repeated(as_viewer, history):
    url = reverse("insights:report", args=["writing"])
    as_viewer.get(url)
    with CaptureQueriesContext(connection) as queries:
        as_viewer.get(url)
    assert not any("insights_sectionfigures" in q["sql"] for q in queries.captured_queries)
    # A new version of a section is a change: it is looked for (and counted) again.
    from unblame.insights.models import SectionFigures

    from .conftest import write

    write(history["review"], "impact", "Card payments failed for an hour.", history["samwise"])
    as_viewer.get(url)
    figures = SectionFigures.objects.select_related("section").get(
        section__key="impact", section__review=history["review"]
    )
    assert figures.version == figures.section.version


def test_trashing_and_restoring_an_incident_shows_at_once(as_viewer, history, incident, admin):
    # Trashing is an update, not a save; the kept results must still move on.
    assert "Change management" in csv_of(as_viewer)
    incident.trash(admin)
    assert "Change management" not in csv_of(as_viewer)
    drill = as_viewer.get(reverse("insights:incidents")).content.decode()
    assert f"/incidents/{incident.pk}/" not in drill
    incident.restore(admin)
    assert "Change management,1,1" in csv_of(as_viewer)


def test_merging_a_duplicate_moves_its_factors_into_the_kept_incidents_figures(
    as_viewer, history, incident, sev2, admin
):
    from unblame.incidents.merge import merge_incidents
    from unblame.incidents.models import Incident

    duplicate = Incident.objects.create(
        title="Dup", severity=sev2, declared_at=incident.declared_at
    )
    ContributingFactor.objects.create(
        incident=duplicate, category=FactorCategory.objects.get(name="Testing"), description="x"
    )
    assert "Testing,1,0" in csv_of(as_viewer)
    merge_incidents(incident, duplicate, admin)
    # The factor now belongs to the checkout incident: one incident, one service.
    assert "Testing,1,1" in csv_of(as_viewer)
