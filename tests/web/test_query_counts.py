"""Lists ask the database the same number of times for three incidents as for sixty.

A query per row (an N+1) is invisible on a dozen incidents and takes seconds
at 100,000; these tests fail the day a list page, an API list or an export
starts asking once per row again. Each page is counted on a few rows, then
must stay within that count on many.
"""

from __future__ import annotations

import pytest
from cast import NOW
from django.db import connection
from django.test.utils import CaptureQueriesContext

from unblame.actions import findings
from unblame.actions.models import ActionItem
from unblame.incidents.history import generate_history
from unblame.incidents.models import Incident, Responder

FEW, MANY = 3, 60

# (who, url): every list page, API list and export.
LISTS = [
    ("admin", "/incidents/"),
    ("viewer", "/incidents/"),
    ("viewer", "/incidents/?status=closed&page=2"),
    ("admin", "/actions/"),
    ("viewer", "/actions/"),
    ("viewer", "/actions/?status=open"),
    ("viewer", "/services/"),
    ("viewer", "/api/incidents?limit=100"),
    ("viewer", "/api/action-items?limit=100"),
    ("viewer", "/api/incidents?limit=10&offset=1"),
    ("admin", "/api/action-items?status=open&limit=10&offset=1"),
    ("viewer", "/incidents/?page=2"),
    ("admin", "/incidents/export.csv"),
    ("viewer", "/incidents/export.csv"),
    ("admin", "/actions/export.csv"),
    ("viewer", "/actions/export.csv"),
]


def _history(size: int, viewer) -> None:
    generate_history(size, seed=5, now=NOW, batch_size=size)
    # Open items fill /actions/ (which lists open ones unless asked), few or many.
    ActionItem.objects.update(status=ActionItem.Status.OPEN, closed_at=None)
    if not ActionItem.objects.exists():
        for incident in Incident.objects.all():
            ActionItem.objects.create(incident=incident, title="Alert on queue depth")
    # The viewer responds to some incidents, a restricted one among them, so the
    # visibility filter has both kinds of row to look at.
    picked = list(Incident.objects.filter(restricted=False)[:2])
    picked += list(Incident.objects.filter(restricted=True)[:1])
    for incident in picked:
        Responder.objects.create(incident=incident, user=viewer)
    # Items written in bulk have no stored findings until first shown (one
    # write for the page, tested in test_stored_findings); counted here is a
    # list whose findings are stored, as after the migration.
    findings.prepare(ActionItem.objects.select_related("incident"))


def _queries(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, url
    return len(captured.captured_queries), body


@pytest.mark.parametrize(("who", "url"), LISTS)
def test_a_list_asks_no_more_for_many_rows_than_for_few(
    clients, viewer, who, url, django_assert_max_num_queries
):
    _history(FEW, viewer)
    few, _ = _queries(clients[who], url)
    Incident.objects.all().delete()
    _history(MANY, viewer)
    with django_assert_max_num_queries(few):
        _, body = _queries(clients[who], url)
    assert len(body) > 0


@pytest.mark.parametrize(("who", "url"), LISTS)
def test_a_list_stays_within_a_small_fixed_number_of_queries(
    clients, viewer, who, url, django_assert_max_num_queries
):
    _history(MANY, viewer)
    # Session, user, the rows, their related rows, the roster: a handful, never per row.
    with django_assert_max_num_queries(15):
        _queries(clients[who], url)


def test_the_many_rows_case_really_has_many_rows(viewer):
    # Guards the tests above: with too few rows per page an N+1 would hide.
    _history(MANY, viewer)
    assert Incident.objects.count() == MANY
    assert Incident.objects.filter(action_items__isnull=False).distinct().count() >= 25
    # The writing report has published text to sum, and responder load people to list.
    from unblame.reviews.models import ReviewSection, ReviewState

    assert ReviewSection.objects.filter(review__state=ReviewState.PUBLISHED).count() >= 20
    assert Responder.objects.values("user").distinct().count() >= 5


REPORTS = ["factors", "response", "follow-through", "writing", "load", "reviews"]


@pytest.mark.parametrize("slug", REPORTS)
@pytest.mark.parametrize("who", ["admin", "viewer"])
def test_an_insights_report_asks_no_more_for_many_incidents_than_for_few(
    clients, viewer, who, slug, django_assert_max_num_queries
):
    # Uncached each time: the first view after a change is the one that counts.
    url = f"/insights/{slug}/"
    _reported_history(FEW, viewer)
    few, _ = _queries(clients[who], url)
    Incident.objects.all().delete()
    _reported_history(MANY, viewer)
    with django_assert_max_num_queries(few):
        _queries(clients[who], url)


def _reported_history(size: int, viewer) -> None:
    # Sections counted, as `unblame manage count_review_findings` leaves them:
    # the writing report counts what is left in batches of 2,000, once per view.
    from django.core.cache import cache

    from unblame.insights.writing import count_missing
    from unblame.reviews.models import ReviewSection

    _history(size, viewer)
    count_missing(ReviewSection.objects.exclude(body=""), limit=None)
    cache.clear()
