"""Related incidents on the incident and review pages: earlier, visible, alike."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder
from unblame.insights.related import related_incidents, wording_of
from unblame.reviews.services import draft_review

from ..conftest import NOW


def earlier(sev2, title, days=10, service=None, category=None, restricted=False):
    incident = Incident.objects.create(
        title=title, severity=sev2, declared_at=NOW - timedelta(days=days), restricted=restricted
    )
    if service:
        incident.services.add(service)
    if category:
        ContributingFactor.objects.create(incident=incident, category=category, description="x")
    return incident


def change_management():
    return FactorCategory.objects.get(name="Change management")


def test_wording_leaves_out_short_and_common_words(incident):
    assert wording_of(incident) == ["checkout", "deploy"]


def test_it_lists_earlier_incidents_sharing_a_service_category_or_words(
    incident, viewer, sev2, checkout
):
    ContributingFactor.objects.create(
        incident=incident, category=change_management(), description="No canary."
    )
    by_service = earlier(sev2, "Payment page slow", service=checkout)
    by_category = earlier(sev2, "Search index stale", category=change_management())
    by_words = earlier(sev2, "Deploy froze the queue")
    earlier(sev2, "Unrelated DNS blip")
    found = {r.incident: r.reasons for r in related_incidents(incident, viewer)}
    assert found == {
        by_service: ["service checkout"],
        by_category: ["factor category Change management"],
        by_words: ["similar wording"],
    }


def test_more_in_common_ranks_first(incident, viewer, sev2, checkout):
    ContributingFactor.objects.create(
        incident=incident, category=change_management(), description="No canary."
    )
    words_only = earlier(sev2, "Checkout deploy stalled", days=1)
    both = earlier(sev2, "Cart slow", days=200, service=checkout, category=change_management())
    assert [r.incident for r in related_incidents(incident, viewer)] == [both, words_only]


def test_later_and_much_older_incidents_are_left_out(incident, viewer, sev2, checkout):
    earlier(sev2, "Later checkout thing", days=-1, service=checkout)
    earlier(sev2, "Ancient checkout thing", days=400, service=checkout)
    assert related_incidents(incident, viewer) == []


def test_a_restricted_incident_is_related_only_for_those_who_may_see_it(
    incident, viewer, editor, sev2, checkout
):
    secret = earlier(sev2, "Checkout credential leak", service=checkout, restricted=True)
    assert related_incidents(incident, viewer) == []
    Responder.objects.create(incident=secret, user=editor)
    assert [r.incident for r in related_incidents(incident, editor)] == [secret]


def card(client, incident):
    response = client.get(reverse("insights:related", args=[incident.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_incident_page_loads_the_card_after_itself(as_viewer, incident):
    html = as_viewer.get(incident.get_absolute_url()).content.decode()
    assert f'hx-get="/incidents/{incident.pk}/related/" hx-trigger="load"' in html


def test_the_card_is_for_those_who_may_see_the_incident(as_viewer, as_outsider, restricted, client):
    assert as_viewer.get(reverse("insights:related", args=[restricted.pk])).status_code == 404
    assert as_outsider.get(reverse("insights:related", args=[restricted.pk])).status_code == 404
    assert client.get(reverse("insights:related", args=[restricted.pk])).status_code == 302


def test_the_card_shows_them(as_viewer, incident, sev2, checkout, editor):
    other = earlier(sev2, "Payment page slow", service=checkout)
    secret = earlier(sev2, "Checkout credential leak", service=checkout, restricted=True)
    html = card(as_viewer, incident)
    assert "Related incidents" in html
    assert f'href="/incidents/{other.pk}/"' in html
    assert "shares service checkout" in html
    assert f"/incidents/{secret.pk}/" not in html and "credential leak" not in html


def test_the_review_page_shows_them(as_viewer, incident, sev2, checkout, editor):
    draft_review(incident, editor)
    html = as_viewer.get(reverse("reviews:review", args=[incident.pk])).content.decode()
    assert f'hx-get="/incidents/{incident.pk}/related/"' in html


def test_a_card_with_nothing_related_says_so(as_viewer, incident):
    html = card(as_viewer, incident)
    assert "No earlier incident in the year before this one" in html
