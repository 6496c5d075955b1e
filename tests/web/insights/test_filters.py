"""The one filter form of insights and search: readable filters apply, the rest are left out."""

from __future__ import annotations

from datetime import timedelta

from django.test import RequestFactory

from unblame.incidents.models import Incident, Responder, Severity
from unblame.insights.filters import InsightFilterForm, SearchForm, teams
from unblame.insights.scope import Scope

from ..conftest import NOW, make_user


def form(**data):
    return InsightFilterForm(data or None)


def test_an_empty_form_is_every_visible_incident(viewer, incident, restricted):
    assert list(form().incidents(viewer)) == [incident]
    assert not form().active()
    assert form().query_string() == ""


def test_readable_filters_narrow_and_say_so(viewer, incident, sev2):
    other = Incident.objects.create(
        title="Old", severity=Severity.objects.get(name="SEV4"), declared_at=NOW - timedelta(days=9)
    )
    f = form(severity=sev2.pk)
    assert list(f.incidents(viewer)) == [incident]
    assert f.active()
    assert f.query_string() == f"severity={sev2.pk}"
    assert list(form(until=(NOW - timedelta(days=5)).date().isoformat()).incidents(viewer)) == [
        other
    ]


def test_an_unreadable_field_is_left_out_and_the_rest_kept(viewer, incident, sev2):
    f = form(severity=sev2.pk, since="not a date", service="999999")
    assert set(f.errors) == {"since", "service"}
    assert f.data_or_empty == {"severity": sev2, "until": None, "team": ""}
    assert list(f.incidents(viewer)) == [incident]
    assert f.query_string() == f"severity={sev2.pk}"


def test_a_team_is_the_incidents_one_of_its_members_responded_to(viewer, incident, sev2):
    other = Incident.objects.create(title="Other", severity=sev2, declared_at=NOW)
    member = make_user("pat", "editor", team="payments")
    Responder.objects.create(incident=other, user=member)
    assert teams() == [("payments", "payments")]
    assert list(form(team="payments").incidents(viewer)) == [other]
    # A team nobody is on is not a choice, so it is left out.
    assert form(team="nobody").errors
    assert set(form(team="nobody").incidents(viewer)) == {incident, other}


def test_extra_keys_join_the_filters_in_links(sev2):
    f = form(severity=sev2.pk)
    assert f.query_string(month="2026-03", page=None, owner="") == (
        f"severity={sev2.pk}&month=2026-03"
    )


def test_drill_links_keep_the_filters(viewer, sev2):
    request = RequestFactory().get("/insights/factors/", {"severity": sev2.pk})
    request.user = viewer
    scope = Scope.of(request)
    assert scope.drill() == f"/insights/incidents/?severity={sev2.pk}"
    assert scope.drill(month="2026-03", category=4) == (
        f"/insights/incidents/?severity={sev2.pk}&month=2026-03&category=4"
    )
    bare = RequestFactory().get("/insights/factors/")
    bare.user = viewer
    assert Scope.of(bare).drill(month="2026-03") == "/insights/incidents/?month=2026-03"


def test_the_search_form_adds_words_and_kind(db):
    f = SearchForm({"q": "rollback", "kind": "factor"})
    assert f.is_valid()
    assert f.cleaned_data["q"] == "rollback"
    assert not SearchForm({"kind": "secret"}).is_valid()
    assert not SearchForm({"q": "x" * 501}).is_valid()
