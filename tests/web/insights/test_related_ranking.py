"""How related incidents are scored: two for each shared service or category, one for wording.

Scores are worked out beside each case; ties go to the newer incident, and
only LIMIT come back.
"""

from __future__ import annotations

from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.models import Service
from unblame.insights.related import LIMIT, related_incidents

from ..conftest import NOW
from .test_related import earlier


def category(name):
    return FactorCategory.objects.get(name=name)


def file_under(incident, *names):
    for name in names:
        ContributingFactor.objects.create(
            incident=incident, category=category(name), description=f"Under {name}."
        )


def ranked(incident, viewer):
    return [r.incident for r in related_incidents(incident, viewer)]


def test_two_shared_services_outrank_a_service_and_similar_wording(
    incident, viewer, sev2, checkout
):
    payments = Service.objects.create(name="payments")
    incident.services.add(payments)
    # Service and wording: 2 + 1 = 3, and newer.
    worded = earlier(sev2, "Checkout deploy rollback", days=1, service=checkout)
    # Two services: 2 + 2 = 4.
    two = earlier(sev2, "Card form slow", days=100, service=checkout)
    two.services.add(payments)
    assert ranked(incident, viewer) == [two, worded]
    reasons = {r.incident: r.reasons for r in related_incidents(incident, viewer)}
    assert reasons[two] == ["service checkout", "service payments"]
    assert reasons[worded] == ["service checkout", "similar wording"]


def test_a_category_counts_once_however_many_factors_share_it(incident, viewer, sev2, checkout):
    file_under(incident, "Change management", "Testing")
    # Three factors in one shared category: still 2.
    one_category = earlier(sev2, "Queue stuck", days=1)
    file_under(one_category, "Change management", "Change management", "Change management")
    # Two shared categories: 4.
    two_categories = earlier(sev2, "Index stale", days=50)
    file_under(two_categories, "Change management", "Testing")
    assert ranked(incident, viewer) == [two_categories, one_category]
    reasons = {r.incident: r.reasons for r in related_incidents(incident, viewer)}
    assert reasons[one_category] == ["factor category Change management"]


def test_equal_scores_go_to_the_newer_incident(incident, viewer, sev2, checkout):
    older = earlier(sev2, "Cart slow", days=30, service=checkout)
    newer = earlier(sev2, "Card slow", days=3, service=checkout)
    middle = earlier(sev2, "Cache slow", days=10, service=checkout)
    assert ranked(incident, viewer) == [newer, middle, older]


def test_only_the_best_few_come_back(incident, viewer, sev2, checkout):
    made = [earlier(sev2, f"Thing {n}", days=n + 1, service=checkout) for n in range(LIMIT + 2)]
    assert ranked(incident, viewer) == made[:LIMIT]


def test_the_window_is_a_year_back_to_the_day(incident, viewer, sev2, checkout):
    inside = earlier(sev2, "Inside", days=365, service=checkout)
    earlier(sev2, "Outside", days=366, service=checkout)
    assert ranked(incident, viewer) == [inside]


def test_an_incident_in_the_trash_is_never_related(incident, viewer, editor, sev2, checkout):
    gone = earlier(sev2, "Gone", days=2, service=checkout)
    kept = earlier(sev2, "Kept", days=5, service=checkout)
    gone.trash(editor)
    assert ranked(incident, viewer) == [kept]


def test_an_incident_is_never_related_to_itself(incident, viewer, checkout):
    # Same service, same words, but not earlier than itself.
    assert incident.declared_at == NOW
    assert ranked(incident, viewer) == []


def test_an_incident_with_nothing_to_share_has_nothing_related(viewer, sev2):
    lonely = earlier(sev2, "Blip", days=0)
    earlier(sev2, "Another", days=3)
    assert ranked(lonely, viewer) == []


def test_common_words_alone_relate_nothing(viewer, sev2):
    incident = earlier(sev2, "Errors after failure during outage", days=0)
    earlier(sev2, "Errors after failure during outage", days=3)
    assert ranked(incident, viewer) == []


def test_wording_is_matched_on_titles_of_earlier_incidents_only(viewer, sev2):
    incident = earlier(sev2, "Memcached eviction storm", days=0)
    match = earlier(sev2, "Memcached restart", days=4)
    later = earlier(sev2, "Memcached upgrade", days=-4)
    found = ranked(incident, viewer)
    assert found == [match]
    assert later not in found
