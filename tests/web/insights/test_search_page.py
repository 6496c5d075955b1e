"""/search/ finds words across everything an incident holds, ranked, highlighted and filtered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Service, Severity
from unblame.insights.models import SearchEntry
from unblame.insights.search import highlight

from ..conftest import NOW
from .conftest import PUBLIC_WORD, fill

URL = reverse("insights:search")


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def hits(client, **params):
    return page(client, **params).count('class="search-hit card"')


def test_it_asks_anonymous_people_to_sign_in(client):
    response = client.get(URL, {"q": "checkout"})
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_without_words_it_explains_what_it_searches(as_viewer):
    html = page(as_viewer)
    assert "review sections, contributing factors, action items and comments" in html
    assert "search-hit" not in html


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("event", "Timeline and chat"),
        ("section", "Review section"),
        ("factor", "Contributing factor"),
        ("action_item", "Action item"),
        ("comment", "Comment"),
    ],
)
def test_it_finds_a_word_in_every_kind_of_text(as_viewer, public_texts, kind, label):
    html = page(as_viewer, q=PUBLIC_WORD, kind=kind)
    assert html.count('class="search-hit card"') == 1
    assert f'<span class="badge">{label}</span>' in html


def test_it_finds_incident_titles_and_summaries(as_viewer, incident):
    html = page(as_viewer, q="card payments")
    assert f'href="/incidents/{incident.pk}/"' in html
    assert "<mark>Card</mark> <mark>payments</mark> failed" in html


def test_each_hit_links_to_where_its_text_is_read(as_viewer, incident, public_texts):
    html = page(as_viewer, q=PUBLIC_WORD)
    base = f"/incidents/{incident.pk}/"
    factor, item = public_texts["factor"], public_texts["item"]
    assert f'href="{base}review/#section-impact"' in html
    follow_up = reverse("actions:incident", args=[incident.pk])
    assert f'href="{follow_up}#factor-{factor.pk}"' in html
    assert f'href="{follow_up}#item-{item.pk}"' in html
    comment = public_texts["review"].sections.get(key="impact").comments.get()
    assert f'href="{base}review/#comment-{comment.pk}"' in html
    event = incident.events.get(text__contains=PUBLIC_WORD)
    assert f'href="{base}#event-{event.pk}"' in html


def test_words_match_in_any_form(as_viewer, public_texts):
    # "deploys" and "rolling" are stemmed to the forms the note holds.
    assert hits(as_viewer, q="deploys rolling") == 1


def test_every_word_must_match(as_viewer, public_texts):
    assert hits(as_viewer, q=f"{PUBLIC_WORD} zeppelin") == 0
    assert "Nothing matches every word" in page(as_viewer, q=f"{PUBLIC_WORD} zeppelin")


def test_the_matching_words_are_marked_and_everything_else_escaped(as_viewer, incident, editor):
    incident.add_event(editor, text='<script>alert("x")</script> rollback <b>done</b> if a < b & c')
    html = page(as_viewer, q="rollback")
    assert "<mark>rollback</mark>" in html
    # SQLite keeps tags in the snippet, escaped; PostgreSQL's headline drops them.
    assert "alert(&quot;x&quot;)" in html
    assert "a &lt; b &amp; c" in html
    assert "<script>" not in html
    assert "<b>done</b>" not in html


def test_marks_stay_balanced_whatever_the_text_holds():
    assert highlight("a \ue001 b \ue000c<d\ue000 e") == "a  b <mark>c&lt;d e</mark>"


def test_query_syntax_is_read_as_words(as_viewer, public_texts):
    for query in ['"', f'{PUBLIC_WORD}"', "NEAR(", "* OR", f"{PUBLIC_WORD} AND (", "-x", "::"]:
        response = as_viewer.get(URL, {"q": query})
        assert response.status_code == 200, query
    assert hits(as_viewer, q=f'"{PUBLIC_WORD}*') == 5


def test_a_title_match_ranks_above_a_body_match(as_viewer, sev2, editor):
    body = Incident.objects.create(
        title="Slow pages", summary="The gazebo cache was cold.", severity=sev2
    )
    title = Incident.objects.create(title="Gazebo outage", summary="Down.", severity=sev2)
    html = page(as_viewer, q="gazebo")
    assert html.index(f"#{title.pk} Gazebo outage") < html.index(f"#{body.pk} Slow pages")


def test_it_filters_by_kind(as_viewer, public_texts):
    assert hits(as_viewer, q=PUBLIC_WORD) == 5
    assert hits(as_viewer, q=PUBLIC_WORD, kind="factor") == 1


def test_it_filters_by_severity_service_and_date(as_viewer, incident, editor, public_texts):
    other = Incident.objects.create(
        title="Other",
        severity=Severity.objects.get(name="SEV4"),
        declared_at=NOW - timedelta(days=60),
    )
    other.services.add(Service.objects.create(name="search"))
    fill(other, editor, PUBLIC_WORD)
    assert hits(as_viewer, q=PUBLIC_WORD) == 10
    assert hits(as_viewer, q=PUBLIC_WORD, severity=incident.severity_id) == 5
    assert hits(as_viewer, q=PUBLIC_WORD, service=Service.objects.get(name="search").pk) == 5
    since = (NOW - timedelta(days=1)).date().isoformat()
    assert hits(as_viewer, q=PUBLIC_WORD, since=since) == 5
    until = (NOW - timedelta(days=30)).date().isoformat()
    assert hits(as_viewer, q=PUBLIC_WORD, until=until) == 5
    assert f"#{other.pk} Other" in page(as_viewer, q=PUBLIC_WORD, until=until)


def test_an_unreadable_filter_is_left_out_and_said(as_viewer, public_texts):
    html = page(as_viewer, q=PUBLIC_WORD, since="yesterday-ish", kind="nonsense")
    assert html.count('class="search-hit card"') == 5
    assert "could not be read" in html


def test_results_come_a_page_at_a_time(as_viewer, incident):
    ActionItem.objects.bulk_create(
        [ActionItem(incident=incident, title=f"Pagination check {n}") for n in range(30)]
    )
    from unblame.insights import index

    index.refresh(ActionItem, ActionItem.objects.values_list("pk", flat=True))
    first = page(as_viewer, q="pagination")
    assert first.count('class="search-hit card"') == 25
    assert 'rel="next"' in first
    second = page(as_viewer, q="pagination", page=2)
    assert second.count('class="search-hit card"') == 5
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert page(as_viewer, q="pagination", page="x").count('class="search-hit card"') == 25


def test_the_header_has_a_search_box_that_keeps_the_words(as_viewer, public_texts):
    html = page(as_viewer, q=PUBLIC_WORD)
    assert 'action="/search/"' in html
    assert f'id="header-q" name="q" placeholder="Search" value="{PUBLIC_WORD}"' in html


def test_entries_are_rows_of_the_index(public_texts):
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert kinds == {"incident", "event", "section", "factor", "action_item", "comment"}
