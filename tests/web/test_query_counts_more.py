"""The list pages test_query_counts.py left out: search, drill-down, trash, audit, mentions.

The same rule as there: a page asks the database no more often for sixty
incidents (or sixty rows of its own) than for three, and a handful of times
in all, so a query per row cannot come back unnoticed.
"""

from __future__ import annotations

import pytest

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident, TimelineEvent
from unblame.reviews.models import Comment, Mention, ReviewSection

from .test_query_counts import MANY, _history, _queries

# Enough for each page to list a row or two: an empty page skips the queries that read rows.
FEW = 8

# (who, url, what the body must hold when the many rows are there)
LISTS = [
    ("viewer", "/search/?q=deploy", b"search-hit card"),
    ("admin", "/search/?q=deploy", b"search-hit card"),
    ("admin", "/search/?q=rollback&kind=event", b"search-hit card"),
    ("viewer", "/insights/incidents/", b'<th scope="row"><a href="/incidents/'),
    ("admin", "/insights/incidents/?status=closed", b'<th scope="row"><a href="/incidents/'),
    ("admin", "/settings/trash/", b"Restore"),
    ("admin", "/audit/", b'<td class="nowrap">'),
    ("viewer", "/mentions/", b'<li class="card unseen">'),
]


def _world(size: int, viewer, admin) -> None:
    """Generated history, then rows of each kind these pages list, one per few incidents."""
    from unblame.insights import index

    _history(size, viewer)
    index.rebuild()
    # The trash and the audit log: a trashed incident and event each, and their audit entries.
    for incident in Incident.objects.order_by("pk")[: max(1, size // 6)]:
        incident.events.first().trash(admin)
    for incident in Incident.objects.order_by("-pk")[: max(1, size // 6)]:
        incident.trash(admin)
    # Mentions of the viewer, on the sections of incidents it may and may not see.
    sections = ReviewSection.objects.order_by("pk")[: max(2, size // 2)]
    for section in sections:
        comment = Comment.objects.create(section=section, author=admin, body="@viewer look")
        Mention.objects.create(comment=comment, user=viewer)


@pytest.mark.parametrize(("who", "url", "shown"), LISTS)
def test_a_page_asks_no_more_for_many_rows_than_for_few(
    clients, admin, viewer, who, url, shown, django_assert_max_num_queries
):
    _world(FEW, viewer, admin)
    few, body = _queries(clients[who], url)
    assert shown in body
    # Session, user, the rows, their related rows, the filters' choices: never per row.
    assert few <= 20
    Incident.all_objects.all().delete()
    _world(MANY, viewer, admin)
    with django_assert_max_num_queries(few):
        _, body = _queries(clients[who], url)
    assert shown in body


def test_the_many_rows_case_gives_each_page_rows_to_list(admin, viewer):
    # Guards the tests above: an N+1 hides on a page with one row.
    _world(MANY, viewer, admin)
    assert Incident.all_objects.filter(deleted_at__isnull=False).count() == MANY // 6
    assert TimelineEvent.all_objects.filter(deleted_at__isnull=False).count() == MANY // 6
    assert Mention.objects.filter(user=viewer).count() >= 25
    from unblame.insights.search import search

    assert len(list(search(visible_incidents(viewer), "deploy"))) >= 25
